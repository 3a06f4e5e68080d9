"""readouts: evidence-linked structured records from official meeting readouts.

The public Python API is deliberately small: :func:`extract` turns one text into one
:class:`~readouts.model.Record`; the CLI and every later stage are built on it.
"""

from readouts.extract import extract
from readouts.model import Meeting, Participant, Record

__version__ = "0.1.0"

__all__ = ["Meeting", "Participant", "Record", "__version__", "extract"]
