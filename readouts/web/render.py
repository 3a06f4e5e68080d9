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


def render_segments(pieces: list[Segment]) -> Markup:
    """The highlighted text as HTML: one ``<mark>`` per covered segment, a link inside it for a
    participant with a page.

    Every value interpolated below passes through :func:`markupsafe.escape` first (text,
    classes, field, label, link), so document text is inert whatever it contains.  This runs in
    Python rather than as a template macro because a long readout has thousands of segments.
    """
    parts = ['<pre class="source" data-testid="source-text">']
    for piece in pieces:
        text = escape(piece.text)
        if not piece.marks:
            parts.append(text)
            continue
        if piece.href:
            text = Markup(f'<a href="{escape(piece.href)}">{text}</a>')
        label = escape(piece.label)
        parts.append(
            f'<mark class="hl {escape(piece.classes)}" data-field="{escape(piece.field)}" '
            f'data-label="{label}" title="{label}" tabindex="0">{text}</mark>'
        )
    parts.append("</pre>")
    return Markup("".join(parts))


ENVIRONMENT = make_environment()
