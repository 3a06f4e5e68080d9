"""The one Jinja2 environment of the web UI: autoescaping always on, undefined names fatal.

Every page goes through this environment so that no template can forget to escape: document
text, names and titles come from third-party readouts and are rendered as text, never as
markup.  A misspelt variable raises instead of rendering as an empty string.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from markupsafe import Markup

from readouts.web.highlight import FIELDS, Segment

TEMPLATE_DIR = Path(__file__).parent / "templates"
STATIC_DIR = Path(__file__).parent / "static"


def make_environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals["FIELDS"] = FIELDS
    environment.filters["pretty"] = pretty
    return environment


def pretty(value: object) -> str:
    """``standing_committee_meeting`` -> ``standing committee meeting``; None -> an em dash."""
    if value is None or value == "":
        return "—"
    return str(value).replace("_", " ")


ENVIRONMENT = make_environment()


def render_segments(pieces: list[Segment]) -> Markup:
    """The highlighted text as escaped HTML (the macro the meeting and try-it pages use)."""
    macro = ENVIRONMENT.get_template("_text.html").module.highlighted_text  # type: ignore[attr-defined]
    return Markup(macro(pieces))
