"""The web UI and REST API over a corpus store (``readouts serve``).

:func:`create_app` builds the FastAPI application; ``readouts serve`` runs it with uvicorn.
"""

from readouts.web.app import create_app

__all__ = ["create_app"]
