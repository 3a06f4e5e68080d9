"""The one Jinja2 environment of the web UI: autoescaping always on, undefined names fatal.

Every page goes through this environment so that no template can forget to escape: document
text, names and titles come from third-party readouts and are rendered as text, never as
markup.  A misspelt variable raises instead of rendering as an empty string.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from markupsafe import Markup, escape

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
        auto_reload=False,  # templates ship with the package; no stat() per request
    )
    environment.globals["FIELDS"] = FIELDS
    environment.filters["pretty"] = pretty
    environment.globals["highlighted_text"] = render_segments
    return environment


def pretty(value: object) -> str:
    """``standing_committee_meeting`` -> ``standing committee meeting``; None -> an em dash."""
    if value is None or value == "":
        return "—"
    return str(value).replace("_", " ")


_SOURCE = Markup('<pre class="source" data-testid="source-text">{}</pre>')
_MARK = Markup(
    '<mark class="hl {}" data-field="{}" data-label="{}" title="{}" tabindex="0">{}</mark>'
)
_LINK = Markup('<a href="{}">{}</a>')


def render_segments(pieces: list[Segment]) -> Markup:
    """The highlighted text as HTML: one ``<mark>`` per covered segment, a link inside it for a
    participant with a page.

    Every value goes through :meth:`Markup.format`, which escapes its arguments, so document
    text, labels and links are inert whatever they contain.  This runs in Python rather than
    as a template macro because a long readout has thousands of segments.
    """
    parts = []
    for piece in pieces:
        if not piece.marks:
            parts.append(escape(piece.text))
            continue
        inner = _LINK.format(piece.href, piece.text) if piece.href else escape(piece.text)
        parts.append(_MARK.format(piece.classes, piece.field, piece.label, piece.label, inner))
    return _SOURCE.format(Markup("").join(parts))


ENVIRONMENT = make_environment()
