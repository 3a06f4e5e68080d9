"""Speed-ups of the people stage that must not change what is found: each short cut against
the general rule it stands in front of, on texts made of the words those rules look at."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from readouts.extract.en import titles
from readouts.extract.en.lexicon import english

_WORDS = [
    *"Secretary secretary President Members members Chairman Minister Premier".split(),
    *"Deputy Vice Provincial Party Committee Standing of the and party committee".split(),
    *"on that at also said by comrades eBay iPhone Xi Li Qiang Vice-Chairman x'y".split(),
    *"and other|as well as|attended|presided over|Mr.|'s|-|--|:|,|;|.|(|)|\n|\u00e9".split("|"),
    *["\u0110\u00e0o", " ", "  "],
]
_GLUE = st.sampled_from([" ", "", "  ", ", ", "\n"])


@st.composite
def _texts(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(_GLUE, st.sampled_from(_WORDS)), max_size=14))
    return "".join(g + w for g, w in parts) + draw(_GLUE)


@settings(max_examples=400)
@given(_texts(), _texts(), st.data())
def test_nothing_before_a_name_where_the_general_rule_finds_nothing(
    before: str, after: str, data: st.DataObject
) -> None:
    text = before + "Zhang Wei" + after
    lead = len(before)
    floor = data.draw(st.integers(0, lead))
    lex = english()
    assert titles.titles_before(text, lead, floor, lex) == titles._titles_before(
        text, lead, floor, lex
    )


@settings(max_examples=400)
@given(_texts(), _texts(), st.data(), st.booleans())
def test_nothing_after_a_name_where_the_general_rule_finds_nothing(
    before: str, after: str, data: st.DataObject, name_at_limit: bool
) -> None:
    text = before + "Zhang Wei" + after
    pos = len(before) + len("Zhang Wei")
    limit = data.draw(st.integers(pos, len(text)))
    lex = english()
    assert titles.titles_after(text, pos, limit, lex, name_at_limit) == titles._titles_after(
        text, pos, limit, lex, name_at_limit
    )
