"""The Typer application every command module registers on."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="readouts",
    help="Turn official meeting readouts into evidence-linked structured records.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root() -> None:
    """Turn official meeting readouts into evidence-linked structured records."""
