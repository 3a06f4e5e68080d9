"""The web UI and REST API over a corpus store (``readouts serve``)."""
