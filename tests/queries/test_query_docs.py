"""Every query and export command has help text and a place in the README."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer

from readouts.cli import app

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
COMMANDS = ("search", "meetings", "person", "stats", "export")


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_help_and_is_documented(name: str) -> None:
    group = typer.main.get_command(app)
    assert isinstance(group, typer.core.TyperGroup)
    command = group.commands[name]
    assert command.help and len(command.help) > 20
    for param in command.params:
        if param.param_type_name == "option":
            assert getattr(param, "help", None), f"{name} {param.name} has no help"
    assert f"readouts {name} " in README
