"""The one Jinja2 environment of the web UI: autoescaping always on, undefined names fatal.

Every page goes through this environment so that no template can forget to escape: document
text, names and titles come from third-party readouts and are rendered as text, never as
markup.  A misspelt variable raises instead of rendering as an empty string.
"""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
from jinja2.filters import do_truncate
from markupsafe import Markup

from readouts.web.charts import Timeline
from readouts.web.highlight import FIELDS, Segment
from readouts.web.person_data import PageMeeting

TEMPLATE_DIR = Path(__file__).parent / "templates"
STATIC_DIR = Path(__file__).parent / "static"


_SPECIAL = re.compile(r"[&<>\"']")


def escape_text(value: str) -> str:
    """``str(markupsafe.escape(value))`` for a plain string, character for character.

    The pages below interpolate a few hundred short values each; ``escape`` builds a
    ``Markup`` object for every one of them (a tenth of a person page's CPU), while most
    values hold nothing to escape and come back here as they are.
    """
    if _SPECIAL.search(value) is None:
        return value
    return (
        value.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&#34;")
        .replace("'", "&#39;")
    )


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
    environment.globals["office_timeline_svg"] = render_office_timeline
    environment.globals["timeline_year_html"] = render_timeline_year
    return environment


def pretty(value: object) -> str:
    """``standing_committee_meeting`` -> ``standing committee meeting``; None -> an em dash."""
    if value is None or value == "":
        return "—"
    return str(value).replace("_", " ")


def render_segments(pieces: list[Segment]) -> Markup:
    """The highlighted text as HTML: one ``<mark>`` per covered segment, a link inside it for a
    participant with a page.

    Every value interpolated below passes through :func:`escape_text` first (text,
    classes, field, label, link), so document text is inert whatever it contains.  This runs in
    Python rather than as a template macro because a long readout has thousands of segments.
    """
    parts = ['<pre class="source" data-testid="source-text">']
    for piece in pieces:
        text = escape_text(piece.text)
        if not piece.marks:
            parts.append(text)
            continue
        if piece.href:
            text = Markup(f'<a href="{escape_text(piece.href)}">{text}</a>')
        label, field = escape_text(piece.label), escape_text(piece.field)
        parts.append(
            f'<mark class="hl {escape_text(piece.classes)}" data-field="{field}" '
            f'data-label="{label}" title="{label}" tabindex="0">{text}</mark>'
        )
    parts.append("</pre>")
    return Markup("".join(parts))


def render_office_timeline(chart: Timeline) -> Markup:
    """A person's offices (bars) and meeting months (dots) as inline SVG.

    Written in Python for the same reason as :func:`render_segments`: a long career has a
    dot per month, and as a template loop the chart cost a millisecond, more than the rest of
    the person page.  Every label passes through :func:`escape_text`.
    """
    axis = chart.axis_y
    parts = [
        f'<svg class="chart" viewBox="0 0 {chart.width} {chart.height}" role="img" '
        'aria-label="Offices and meetings over time" xmlns="http://www.w3.org/2000/svg">'
    ]
    for lane in chart.lanes:
        label = escape_text(lane.label)
        short = escape_text(do_truncate(ENVIRONMENT, lane.label, 52))
        parts.append(
            f'<a href="{escape_text(lane.href)}"><text x="4" y="{lane.y + 13}">{short}</text></a>'
            f'<rect class="s0" x="{lane.x}" y="{lane.y + 3}" width="{lane.width}" height="13" '
            f'rx="3"><title>{label}: {escape_text(lane.text)}</title></rect>'
        )
    parts.append(f'<line class="axis" x1="330" x2="{chart.width - 10}" y1="{axis}" y2="{axis}">')
    parts.append("</line>")
    parts.extend(
        f'<circle class="s1" cx="{dot.position}" cy="{axis - 6}" r="3.5">'
        f"<title>{escape_text(dot.text)}</title></circle>"
        for dot in chart.dots
    )
    for tick in chart.ticks:
        parts.append(
            f'<line class="grid" x1="{tick.position}" x2="{tick.position}" y1="8" y2="{axis}">'
            f'</line><text x="{tick.position}" y="{axis + 16}" text-anchor="middle">'
            f"{escape_text(tick.text)}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def render_timeline_year(year: str, meetings: list[PageMeeting]) -> Markup:
    """One year of a person's timeline: its heading and a list item per meeting.

    In Python for the reason of :func:`render_office_timeline`: fifty meetings of a dozen
    values each were a template loop of a few hundred expressions, a quarter of the person
    page's CPU under load.  The markup is exactly what the template wrote (its indentation
    included); every value passes through :func:`escape_text`.
    """
    parts = [f'<h3>{escape_text(year)}</h3>\n    <ol class="timeline" data-testid="timeline">\n']
    for meeting in meetings:
        kind = escape_text(meeting.meeting_type.replace("_", " "))
        parts.append(
            f'      <li><span class="when">{escape_text(meeting.date or "undated")}</span>'
            f'<a href="/meetings/{escape_text(meeting.event_id)}">{kind}</a>'
        )
        if meeting.body:
            body = escape_text(meeting.body)
            if meeting.body_id:
                body = Markup(f'<a href="/bodies/{escape_text(meeting.body_id)}">{body}</a>')
            parts.append(f" · {body}")
        roles = "".join(f"<span>{escape_text(role)}</span>" for role in meeting.roles)
        parts.append(f' <span class="roles">{roles}</span>\n')
        if meeting.titles:
            parts.append(f'<div class="meta">as {escape_text("; ".join(meeting.titles))}</div>')
        parts.append("</li>\n")
    parts.append("    </ol>")
    return Markup("".join(parts))


ENVIRONMENT = make_environment()
