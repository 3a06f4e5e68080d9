"""A person's timeline, rendered in Python, is the markup the template loop wrote."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from markupsafe import escape

from readouts.web.person_data import PageMeeting
from readouts.web.render import ENVIRONMENT, escape_text

#: The template loop that ``render_timeline_year`` replaced, kept as its specification.
FORMER = ENVIRONMENT.from_string(
    """    {% for year, items in years %}
    <h3>{{ year }}</h3>
    <ol class="timeline" data-testid="timeline">
      {% for m in items %}
      <li><span class="when">{{ m.date or "undated" }}</span><a href="/meetings/{{ m.event_id }}">\
{{ m.meeting_type | replace("_", " ") }}</a>{% if m.body %} · {% if m.body_id %}\
<a href="/bodies/{{ m.body_id }}">{{ m.body }}</a>{% else %}{{ m.body }}{% endif %}{% endif %} \
<span class="roles">{% for role in m.roles %}<span>{{ role }}</span>{% endfor %}</span>
        {% if m.titles %}<div class="meta">as {{ m.titles | join("; ") }}</div>{% endif %}</li>
      {% endfor %}
    </ol>
    {% endfor %}
"""
)
#: What person.html now says in its place.
CURRENT = ENVIRONMENT.from_string(
    """    {% for year, items in years %}
    {{ timeline_year_html(year, items) }}
    {% endfor %}
"""
)
HOSTILE = "<script>alert('x')</script> & \"quoted\""

text = st.text(alphabet=st.sampled_from(list("ab_ &<>\"'·")), max_size=8)
meetings = st.builds(
    PageMeeting,
    event_id=text,
    date=st.none() | text,
    meeting_type=text,
    body_id=st.none() | text,
    body=st.none() | text,
    jurisdiction=st.none(),
    roles=st.lists(text, max_size=3),
    titles=st.lists(text, max_size=3),
    doc_ids=st.just([]),
)


@given(st.lists(st.tuples(text, st.lists(meetings, max_size=4)), max_size=3))
def test_the_timeline_is_the_former_template_markup(
    years: list[tuple[str, list[PageMeeting]]],
) -> None:
    assert CURRENT.render(years=years) == FORMER.render(years=years)


def test_timeline_values_are_escaped() -> None:
    meeting = PageMeeting(
        event_id=HOSTILE,
        date=HOSTILE,
        meeting_type=HOSTILE,
        body_id=HOSTILE,
        body=HOSTILE,
        jurisdiction=None,
        roles=[HOSTILE],
        titles=[HOSTILE, HOSTILE],
        doc_ids=[],
    )
    html = CURRENT.render(years=[(HOSTILE, [meeting])])
    assert "<script>" not in html and "'x'" not in html and '"quoted"' not in html
    assert html.count("&lt;script&gt;") == 9  # year, date, link, type, body twice, role, 2 titles


@given(st.text())
def test_escape_text_is_markupsafe_escape(value: str) -> None:
    """The pages' fast escape writes exactly what ``markupsafe.escape`` writes, for any text."""
    assert escape_text(value) == str(escape(value))
