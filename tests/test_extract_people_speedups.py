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


_SENTENCES = [
    "Li Qiang presided over the meeting and delivered a speech.",
    "He stressed that the work matters.",
    "She also spoke.",
    "Li pointed out the tasks, and Zhang said so.",
    "Attending were Xi Jinping and Zhang Wei.",
    "Speaking at the meeting, he said it works.",
    "It was chaired by Nguyen Van An.",
    "Secretary Zhang Wei, Premier, attended.",
    "The weather was fine.",
    "Attending the conference:",
    "- Zhang Wei",
]
_WORDS_OF_SENTENCES = sorted({w for t in _SENTENCES for w in t.split()})
_FILLER = "The weather was fine and the roads were quiet for most of the week. " * 8


@settings(max_examples=200)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_SENTENCES),
            st.lists(st.sampled_from(_WORDS_OF_SENTENCES), max_size=8).map(" ".join),
        ),
        max_size=12,
    ),
    st.sampled_from([" ", "\n"]),
    st.booleans(),
)
def test_sentences_naming_no_one_read_for_roles_only_with_a_subject_cue(
    sentences: list[str], glue: str, indexed: bool
) -> None:
    from readouts.extract.en import people
    from readouts.extract.en.names import find_names
    from readouts.read.normalize import normalize
    from readouts.read.sentences import split_sentences

    lex = english()
    text = normalize((_FILLER if indexed else "") + glue.join(sentences))
    spans = split_sentences(text)
    hits = find_names(text, lex)
    fast = people.collect(text, spans, hits, lex)
    assert _mentions(fast) == _mentions(_collect_reading_every_sentence(text, spans, hits))


def _collect_reading_every_sentence(
    text: str, sentences: list[tuple[int, int]], hits: list[object]
) -> list[object]:
    """``people.collect`` as it was: every sentence read for roles."""
    from readouts.extract.en import people
    from readouts.extract.en.roles import assign_roles

    lex = english()
    hits = [h for h in hits if not h.press]  # type: ignore[attr-defined]
    seen: list[object] = []
    last: list[object] = []
    header: set[str] = set()
    k = 0
    for sentence in sentences:
        k, mentions = people._sentence_mentions(text, sentence, hits, k, lex)  # type: ignore[arg-type]
        result = assign_roles(text, sentence, mentions, lex, last, seen)  # type: ignore[arg-type]
        last = result.subjects or last  # type: ignore[assignment]
        seen.extend(mentions)
        if header and people._list_line(text, sentence, mentions):
            mentions[0].roles.update(header)
        else:
            header = people._list_header(text, sentence, lex)
    return seen


def _mentions(mentions: list[object]) -> list[tuple[object, ...]]:
    return [
        (m.start, m.end, m.titles, sorted(m.roles), m.label)  # type: ignore[attr-defined]
        for m in mentions
    ]
