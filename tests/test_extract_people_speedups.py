"""Speed-ups of the people stage that must not change what is found: each short cut against
the general rule it stands in front of, on texts made of the words those rules look at."""

from __future__ import annotations

import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from readouts.extract.en import titles
from readouts.extract.en.lexicon import english
from readouts.extract.en.names import NameHit
from readouts.extract.en.roles import Mention

_WORDS = [
    *"Secretary secretary President Members members Chairman Minister Premier WPK".split(),
    *"Deputy Vice Provincial Party Committee Standing of the and party committee".split(),
    *"on that at also said by comrades eBay iPhone Xi Li Qiang Vice-Chairman x'y".split(),
    *"statement state general generally".split(),
    *"and other|as well as|attended|presided over|Mr.|'s|-|--|:|,|;|.|(|)|\n|\u00e9".split("|"),
    *["\u0110\u00e0o", " ", "  "],
]
_GLUE = st.sampled_from([" ", "", "  ", ", ", "\n", " \n"])


@st.composite
def _texts(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(_GLUE, st.sampled_from(_WORDS)), max_size=14))
    return "".join(g + w for g, w in parts) + draw(_GLUE)


@settings(max_examples=500)
@given(_texts(), _texts(), st.integers(0, 400))
@example("the statement state Secretary ", "", 0)  # a word found again inside one dropped
@example("study the spirit of General Secretary ", ", ", 3)
@example("Secretary \n", "", 0)  # the words end before a line break
@example("said \n", "", 0)
def test_offices_before_a_name_as_the_words_matched_one_by_one_find_them(
    before: str, after: str, floor: int
) -> None:
    text = before + "Zhang Wei" + after
    lead = len(before)
    floor = min(floor, lead)
    lex = english()
    expected = _titles_before_by_word_matches(text, lead, floor)
    assert titles.titles_before(text, lead, floor, lex) == expected
    assert titles._titles_before(text, lead, floor, lex) == expected


def _titles_before_by_word_matches(text: str, lead: int, floor: int) -> titles.Titles:
    """``titles.titles_before`` as it was: every window searched, its words matched."""
    lex = english()
    out = titles.Titles(end=lead)
    window_start = max(floor, lead - 200)
    if lead > window_start and text[lead - 1] != "\n":
        stop = titles._RUN_BREAK.search(text, window_start, lead)
        window_start = stop.end() if stop else window_start
    m = titles._BEFORE_WORDS.search(text, window_start, lead)
    if not m:
        return out
    start = m.start()
    words = list(regex.finditer(r"[\p{L}'-]+", text[start:lead]))
    while words and (
        words[0].group().lower() in titles._STARTERS
        or (words[0].group()[0].islower() and words[0].group() not in lex.connectors)
    ):
        words.pop(0)
    if not words or not lex.title_head_re.search(text, start + words[0].start(), lead):
        return out
    acronym = len(words) > 1 and titles._ACRONYM.fullmatch(words[0].group())
    first = words[1] if acronym else words[0]
    if lex.title_head_re.fullmatch(words[-1].group()) is None and not lex.title_start_re.match(
        text, start + first.start()
    ):
        return out
    s, e = start + words[0].start(), start + words[-1].end()
    if any(w.group()[0].islower() and w.group() not in lex.connectors for w in words):
        return out
    if titles.singular_office(text[s:e], lex):
        out.group = titles._split_and(text, s, e, lex, plural=True)
    else:
        out.spans = titles._split_and(text, s, e, lex)
        s = titles._offices_listed_before(text, s, floor, lex, out)
    out.end = s
    return out


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
    text: str, sentences: list[tuple[int, int]], hits: list[NameHit]
) -> list[Mention]:
    """``people.collect`` as it was: every sentence read for roles."""
    from readouts.extract.en import people
    from readouts.extract.en.roles import assign_roles

    lex = english()
    hits = [h for h in hits if not h.press]
    seen: list[Mention] = []
    last: list[Mention] = []
    header: set[str] = set()
    k = 0
    for sentence in sentences:
        k, mentions = people._sentence_mentions(text, sentence, hits, k, lex)
        result = assign_roles(text, sentence, mentions, lex, last, seen)
        last = result.subjects or last
        seen.extend(mentions)
        if header and people._list_line(text, sentence, mentions):
            mentions[0].roles.update(header)
        else:
            header = people._list_header(text, sentence, lex)
    return seen


def _mentions(mentions: list[Mention]) -> list[tuple[object, ...]]:
    return [(m.start, m.end, m.titles, sorted(m.roles), m.label) for m in mentions]


@settings(max_examples=1000)
@given(
    st.lists(
        st.sampled_from([*"aZq'- ,\n1\u00e9\u00c9\u01c5\u4e2d", "eBay", "Secretary", "of", "  "]),
        max_size=40,
    ),
    st.integers(0, 60),
)
def test_words_before_a_name_as_the_patterns_find_them(parts: list[str], cut: int) -> None:
    text = "".join(parts)
    lead = len(text)
    window_start = min(cut, lead)
    start = window_start
    if lead > start and text[lead - 1] != "\n":
        stop = titles._RUN_BREAK.search(text, start, lead)
        start = stop.end() if stop else start
    m = titles._BEFORE_WORDS.search(text, start, lead)
    assert titles._words_before(text, window_start, lead) == (m.span() if m else None)


_TRIM_PARTS = [
    *"and also as well as the other both a an And THE Other Both An".split(),
    *"comrades Comrades COMRADE comrade Secretary of Committee Provincial".split(),
    *[" ", "  ", ",", ".", ";", ":", "\n", "\u212a", "\u017f", "\u00e9"],
]


@settings(max_examples=1000)
@given(st.lists(st.sampled_from(_TRIM_PARTS), max_size=14), st.integers(0, 9), st.integers(0, 9))
@example(["Both", "Secretary"], 0, 0)
@example(["Secretary", "and", "other", "Comrades"], 0, 0)
def test_office_trimmed_as_both_patterns_trim_it(parts: list[str], skip: int, cut: int) -> None:
    text = " ".join(parts)
    start = min(skip, len(text))  # from the start or a few characters in, to the end or
    end = max(start, len(text) - cut)  # a few characters before it
    expected_start, expected_end = start, end
    while expected_start < end and text[expected_start] == " ":
        expected_start += 1
    lead = titles._LEADING.match(text[expected_start:end])
    expected_start += lead.end() if lead else 0
    trailing = titles._TRAILING_GROUP.search(text, expected_start, end)
    expected_end = trailing.start() if trailing else end
    while expected_end > expected_start and text[expected_end - 1] in " .,;:":
        expected_end -= 1
    assert titles._trim(text, start, end) == (expected_start, expected_end)


_GAP_PARTS = [*" ,\n\t\x0b\x1c\xa0.;:1'", "of the", "Central", "and", "also", "who", "(\u4e2d)"]
_GAP_PARTS += ["x", "Xi", "meeting", "fully", "on Friday", "as well as the heads", "\u00e9"]


@settings(max_examples=500)
@given(
    st.lists(
        st.sampled_from(_GAP_PARTS),
        max_size=10,
    )
)
def test_gap_to_a_verb_as_the_pattern_takes_it(parts: list[str]) -> None:
    from readouts.extract.en import roles

    text = "A" + "".join(parts) + "B"
    expected = roles._GAP_TO_VERB.fullmatch(text, 1, len(text) - 1) is not None
    assert roles._gap_to_verb(text, 1, len(text) - 1) == expected


_CLAUSE_PARTS = [*" ,;.\n\t\x0b\x1c\xa0'", "and", "And", "of", "as well as", "'s", "xs"]
_CLAUSE_PARTS += ["presided", "the meeting", "Xi", "\u00e9", "x" * 60]


@settings(max_examples=1000)
@given(st.lists(st.sampled_from(_CLAUSE_PARTS), max_size=16), st.integers(0, 40))
@example([",", " ", "and", " "], 0)
@example(["x" * 60] * 4 + [",", "and"], 0)  # a first group longer than 200 characters
@example(["xs", ".", "xs", ";", " ", "and", "\n"], 0)  # the first group after a full stop
def test_governing_word_and_clause_before_a_name_as_the_patterns_find_them(
    parts: list[str], skip: int
) -> None:
    from readouts.extract.en import roles

    text = "".join(parts)
    at = len(text)
    governed = roles._GOVERNED.search(text, max(0, at - 30), at) is not None
    assert roles._governed(text, at) == governed
    start = min(skip, at)
    m = roles._CLAUSE_AND.search(text, start, at)
    assert roles._clause_and(text, start, at) == (m and (m.group(1), m.group(2)))
