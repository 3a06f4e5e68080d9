"""The CLI starts without the web stack: every command (and --help) would pay for it."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("module", ["fastapi", "uvicorn", "readouts.web"])
def test_cli_import_leaves_the_web_stack_unloaded(module: str) -> None:
    code = f"import sys, readouts.cli; print({module!r} in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_write_token_variable_is_the_web_apps() -> None:
    from readouts.cli.serve_cmd import WRITE_TOKEN_ENV
    from readouts.web.factory import WRITE_TOKEN_ENV as WEB_WRITE_TOKEN_ENV

    assert WRITE_TOKEN_ENV == WEB_WRITE_TOKEN_ENV
