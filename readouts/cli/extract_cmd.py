"""``readouts extract`` and ``readouts schema``."""

from __future__ import annotations

import json

from readouts.cli.app import app
from readouts.model import record_schema


@app.command()
def schema() -> None:
    """Print the JSON Schema of the record that ``readouts extract`` emits."""
    print(json.dumps(record_schema(), indent=2, ensure_ascii=False))
