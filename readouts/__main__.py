"""``python -m readouts`` runs the same CLI as the ``readouts`` script."""

from readouts.cli import main

main()
