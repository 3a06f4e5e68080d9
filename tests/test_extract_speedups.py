"""Speed-ups that must not change what is found: each fast form against the plain one."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from readouts.extract.en import dates
from readouts.extract.en.caseless import CaselessPattern
from readouts.extract.en.cues import CuePattern

_DATE_WORDS = (
    "on the morning of the 19th , 7 January 2024 Feb. 6 2023-01-19 21/03/2025 Viet Nam21/03/2025 "
    "September 29 to October 1 Friday yesterday today the day before yesterday 26 to 29 of "
    "June July Sept. 3rd 1st 22nd evening afternoon in at"
).split()


@given(st.lists(st.sampled_from([*_DATE_WORDS, " ", ",", ".", "\n", "x"]), max_size=30))
def test_date_guard_finds_what_the_full_pattern_finds(words: list[str]) -> None:
    text = " ".join(words)
    plain = CaselessPattern(dates._DATE_SOURCE)
    for start in (0, len(text) // 3):
        guarded = [m.span() for m in dates._DATE.finditer(text, start)]
        assert guarded == [m.span() for m in plain.finditer(text, start)]


def _lexicon_cues() -> list[list[str]]:
    from readouts import lexicon as lx

    roles = lx.toml("en", "roles.toml")
    meetings = lx.toml("en", "meetings.toml")
    agenda = lx.toml("en", "agenda.toml")
    out = [[c for v in roles[k].values() for c in v] for k in ("subject", "object")]
    out += [meetings["nouns"], meetings["held"], meetings["other_meeting_before"]]
    out += [meetings["not_meeting_before"], meetings["own_meeting_before"]]
    out += [[p] for _, p in meetings["types"]]
    out += [[c for v in agenda.values() for c in v]]
    return out


_CUES = _lexicon_cues()
_CUE_WORDS = sorted({w for cues in _CUES for c in cues for w in c.split() if w.isalpha()})


@given(
    st.sampled_from(range(len(_CUES))),
    st.lists(st.sampled_from([*_CUE_WORDS, "the", "a", "an", "X", ",", "\n"]), max_size=25),
)
def test_prefilter_guard_keeps_every_match(which: int, words: list[str]) -> None:
    from readouts.extract.en.prefilter import guard

    alternation = "|".join(_CUES[which])
    text = " ".join(words)
    plain = CaselessPattern(r"\b(?:" + alternation + r")")
    guarded = CaselessPattern(r"\b" + guard([alternation]) + r"(?:" + alternation + r")")
    assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_prefilter_guard_prefixes() -> None:
    from readouts.extract.en.prefilter import guard

    assert guard(["made an? report", "chaired"]) == "(?=c(?:h(?:a))|m(?:a(?:d)))"
    assert guard(["an? x"]) == "(?=a)"
    assert guard(["(?:a|b)?c"]) == "(?=a|b|c)"
    assert guard(["(?:also )?in attendance"]) == "(?=a(?:l(?:s))|i(?:n(?:\\ )))"
    assert guard(["(?:a|b)?\\w"]) == ""
    assert guard(["(?:a|b)?"]) == ""
    assert guard([r"\w+ said"]) == ""
    assert guard(["Ha Noi", "Hanoi"], fold=False) == "(?=H(?:a(?:\\ |n)))"


@given(st.text(alphabet=st.sampled_from(list("aZé' -,.\n1Đx")), max_size=60))
def test_words_before_a_name_start_after_the_last_break(text: str) -> None:
    from readouts.extract.en import titles

    lead = len(text)
    full = titles._BEFORE_WORDS.search(text, 0, lead)
    start = 0
    if lead and text[lead - 1] != "\n":
        stop = titles._RUN_BREAK.search(text, 0, lead)
        start = stop.end() if stop else 0
    cut = titles._BEFORE_WORDS.search(text, start, lead)
    assert (full and full.span()) == (cut and cut.span())


@given(
    st.lists(
        st.sampled_from(
            ["BEIJING", "Xinhua", "Feb. 6", "(", ")", ", ", " -- ", "\n", " ", "x", "2024"]
        ),
        max_size=30,
    )
)
def test_dateline_tried_at_line_starts_only(parts: list[str]) -> None:
    from readouts.extract.en import header

    text = "".join(parts)
    fast, slow = header._dateline(text), header._DATELINE.search(text, 0, 800)
    assert (fast and fast.span()) == (slow and slow.span())


def _without_guard(source: str) -> str:
    """``source`` less its leading ``(?=...)``."""
    assert source.startswith("(?=")
    depth = 0
    i = 0
    while i < len(source):
        c = source[i]
        if c == "\\":
            i += 2
            continue
        depth += {"(": 1, ")": -1}.get(c, 0)
        if depth == 0:
            return source[i + 1 :]
        i += 1
    raise AssertionError(source)


_BODY_TEXT = (
    "the its 14th 2nd Provincial Party Committee Standing CPC Central provincial party "
    "people's Government State Council of for in Hunan Province city County meeting first "
    "second Second plenary session Plenum enlarged ( ) , . held"
).split()


@given(st.lists(st.sampled_from([*_BODY_TEXT, "x", "\n"]), max_size=25))
def test_body_and_session_guards_keep_every_match(words: list[str]) -> None:
    import regex

    from readouts.extract.en import meeting
    from readouts.extract.en.lexicon import english

    text = " ".join(words)
    for name in ("body", "session"):
        guarded = meeting._patterns(english())[name]
        plain = regex.compile(_without_guard(guarded.pattern), guarded.flags)
        assert [m.span() for m in guarded.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ]


@given(
    st.lists(st.sampled_from([*_BODY_TEXT, "x", "\n", "SubCommittee", "Group,", "A B C D E"])),
    st.data(),
)
def test_body_search_from_nine_words_before_a_head(words: list[str], data: st.DataObject) -> None:
    _same_matches_as_plain("body", " ".join(words), data)


@given(
    st.lists(
        st.sampled_from(
            [*_BODY_TEXT, "15th", "Third", "FIFTH", "eighteenth", "ten", "Fifth", "x", "\u212a"]
        )
    ),
    st.data(),
)
def test_sessions_tried_where_a_number_starts(words: list[str], data: st.DataObject) -> None:
    _same_matches_as_plain("session", " ".join(words), data)


@given(
    st.text(
        alphabet=st.sampled_from([*"ab .\u201c\u201d中文ăđạ\u0306é", "\ud840", "\udc00"]),
        max_size=80,
    )
)
def test_language_from_the_non_ascii_characters(text: str) -> None:
    from readouts.extract import language

    def counted(pattern: object) -> int:
        return len(pattern.findall(text))  # type: ignore[attr-defined]

    letters = sum(map(len, language._LETTER_RUN.findall(text))) or 1
    expected = (
        "en"
        if text.isascii()
        else "zh"
        if counted(language._HAN) / letters > 0.2
        else "vi"
        if counted(language._VIET) / letters > 0.03
        else "en"
    )
    assert language.detect_language(text) == expected


def test_prefilter_guard_descends_into_a_leading_group() -> None:
    from readouts.extract.en.prefilter import guard

    assert guard(["(?:ab|cd)e", "x"]) == "(?=a(?:b)|c(?:d)|x)"
    assert guard(["(?:ab|cd)?e"]) == "(?=a(?:b)|c(?:d)|e)"
    assert guard(["(?:ab|cd){0,2}e"]) == ""
    assert guard(["(?P<k>ab)c"]) == "(?=a(?:b))"
    assert guard([r"(\d)x"]) == ""
    assert guard(["(?=a)b"]) == ""


_YEAR_TEXT = (
    "in of during born the year 2023 2021-2025 congress Congress term , xin 1999 prepar "
    "appointed re-elected Reappointed re elected".split()
)


@given(st.lists(st.sampled_from([*_YEAR_TEXT, " ", "\n", "-", "a"]), max_size=25))
def test_year_patterns_with_the_word_first(words: list[str]) -> None:
    import re

    text = " ".join(words)
    year = r"(?:19|20)\d\d"
    plain = re.compile(
        rf"(?<!born )\b(?:in|of|during)\s+(?:the\s+year\s+)?(?P<y>{year})\b(?!\s*[-–/])",
        re.I,
    )
    assert [m.span() for m in dates._YEAR_MENTION.finditer(text)] == [
        m.span() for m in plain.finditer(text)
    ]
    cut = dates._CONGRESS_TERM.source.index("))") + 2
    congress = CaselessPattern(
        r"\b(?:congress|(?:re-?)?appointed|(?:re-?)?elected)" + dates._CONGRESS_TERM.source[cut:]
    )
    assert [m.span() for m in dates._CONGRESS_TERM.finditer(text)] == [
        m.span() for m in congress.finditer(text)
    ]


@given(st.text(alphabet=st.sampled_from(list(" \n.!?\"')]([Aa1éÉ")), max_size=60))
def test_sentence_breaks_in_two_steps(text: str) -> None:
    from readouts.read import sentences

    two_steps = [
        m.span()
        for m in sentences._BREAK.finditer(text)
        if not m.group().startswith(" ") or sentences._NEXT_STARTS.match(text, m.end())
    ]
    assert two_steps == [m.span() for m in sentences._BOUNDARY.finditer(text)]
    found = sentences._BREAK.finditer(text)
    spaced = [(m.start(), m.end(), m.group().startswith(" ")) for m in found]
    assert list(sentences.breaks(text)) == spaced


_VENUE_TEXT = (
    "held at in the Great Hall of People Center Centre Guest House Guesthouse Hotel Plaza "
    "Theatre Ha Noi , ( ) . ; met concluded".split()
)


@given(st.lists(st.sampled_from([*_VENUE_TEXT, "x", "\n"]), max_size=25), st.data())
def test_a_venue_lies_only_where_a_venue_head_starts(words: list[str], data: st.DataObject) -> None:
    from bisect import bisect_left

    import regex

    from readouts.extract.en import place

    text = " ".join(words)
    s = data.draw(st.integers(0, len(text)))
    e = data.draw(st.integers(s, len(text)))
    heads = place._venue_heads(text)
    at = bisect_left(heads, s)
    if at == len(heads) or heads[at] >= e:
        assert place._patterns()["venue"].search(text, s, e) is None
    every = regex.compile(place._venue_head().pattern)
    assert heads == [m.start() for m in every.finditer(text, overlapped=True)]


@given(
    st.one_of(st.none(), st.integers(1990, 2030)),
    st.one_of(st.none(), st.integers(1, 12)),
    st.one_of(st.none(), st.integers(1, 31)),
    st.booleans(),
    st.sampled_from(
        ["", "Work in 2023. On March 3, 2021 the meeting.", "The 2021-2026 term congress"]
    ),
)
def test_a_year_is_read_only_when_resolve_uses_it(
    year: int | None, month: int | None, day: int | None, dated: bool, text: str
) -> None:
    import datetime as dt

    from readouts.extract.en.header import Header

    head = Header(reference=dt.date(2024, 5, 6) if dated else None, text=text)
    hit = dates.DateHit(0, 1, year, month, day)
    assert dates.resolve(hit, head.reference, head.year_to_resolve(hit)) == dates.resolve(
        hit, head.reference, head.year_for(month)
    )


@given(
    st.sampled_from(range(len(_CUES))),
    st.lists(
        st.sampled_from([*_CUE_WORDS, "the", "X", "_", "7", ",", "\n", "\t", "\x1c", "é", "\xa0"]),
        max_size=25,
    ),
    st.sampled_from(["", " " * 600]),
)
def test_ascii_patterns_find_what_the_unicode_ones_find(
    which: int, words: list[str], padding: str
) -> None:
    from readouts.extract.en.caseless import ascii_lower

    pattern = CaselessPattern(r"\b(?:" + "|".join(_CUES[which]) + r")\b")
    text = padding + " ".join(words)  # long enough to take the ASCII patterns when it may
    for start in (0, len(text) // 2):
        spans = [m.span() for m in pattern.finditer(text, start)]
        unicode = pattern._compiled.finditer(ascii_lower(text), start)
        assert spans == [m.span() for m in unicode]


_FAMILIES = (
    "subject_role_re",
    "object_role_re",
    "held_re",
    "agenda_re",
    "directive_re",
    "meeting_noun_re",
    "other_meeting_re",
)


def _indexed_patterns(lex: object) -> list[CaselessPattern]:
    """Every pattern the cue index serves."""
    from readouts.extract.en import meeting

    own = meeting._indexed_before("own_meeting_before", lex, r"(?:the\s+)?(?:[\w'-]+\s+){0,6}")
    return [
        *(getattr(lex, f) for f in _FAMILIES),
        *(p for _, p in lex.types),  # type: ignore[attr-defined]
        meeting._indexed_before("not_meeting_before", lex),
        own,
    ]


@given(
    st.integers(0, 40),
    st.lists(st.sampled_from([*_CUE_WORDS, "the", "X", ",", ".", "\n", "é"]), max_size=30),
    st.data(),
)
def test_cue_index_skips_only_spans_without_a_match(
    which: int, words: list[str], data: st.DataObject
) -> None:
    _indexed_matches_as_plain(which, words, data, normalized=False)


def test_literal_prefixes_are_whole() -> None:
    from readouts.extract.en.prefilter import literal_prefixes

    assert literal_prefixes(["(?:also )?in attendance", "chaired by"]) == {
        "also ",
        "in attendance",
        "chaired by",
    }
    assert literal_prefixes([r"\w+ said", "said"]) is None


def test_memo_keeps_short_phrases_only_and_forgets_them() -> None:
    from readouts.extract.en import memo

    calls: list[str] = []

    @memo.phrase_cache
    def shout(phrase: str) -> str:
        calls.append(phrase)
        return phrase.upper()

    long_phrase = "x" * (memo.LONGEST + 1)
    for _ in range(2):
        assert shout("Li Qiang") == "LI QIANG"
        assert shout(long_phrase) == long_phrase.upper()
    assert calls == ["Li Qiang", long_phrase, long_phrase]  # the short one was kept
    memo.forget()
    shout("Li Qiang")
    assert calls[-1] == "Li Qiang" and len(calls) == 4  # worked out again after forget


@given(
    st.text(alphabet=st.sampled_from([*'ab.!?"”:;) \n\t\x1c\x85\xa0\u2028\u3000', "\u200b"])),
    st.data(),
)
def test_a_heading_is_told_by_its_last_character(text: str, data: st.DataObject) -> None:
    from readouts.extract import en

    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    expected = en._HEADING.search(text, start, end) is not None
    assert en._is_heading(text, start, end) == expected


@given(
    st.integers(0, 40),
    st.lists(
        st.sampled_from([*_CUE_WORDS, "the", "X", ",", "\u2019s", "\u00a0", "\t", "\r", "\u201c"]),
        max_size=30,
    ),
    st.data(),
)
def test_cue_index_of_the_normalized_text_serves_the_text(
    which: int, words: list[str], data: st.DataObject
) -> None:
    _indexed_matches_as_plain(which, words, data, normalized=True)


@given(st.text(alphabet=st.sampled_from([*"aZ' -,.\n1", "ả", "Đ", "\u00c0", "中"]), max_size=40))
def test_unaccented_copy_of_an_ascii_text_is_the_text(text: str) -> None:
    from readouts.extract.en import place

    place.unaccented.cache_clear()
    assert place.unaccented(text) == text.translate(place._fold_table())


@given(st.lists(st.sampled_from([*"AZaz- '.\n1", "Li", "Qiang", "Ha-Noi", "-a", "-B"])))
def test_runs_of_capitalised_words_in_an_ascii_text(parts: list[str]) -> None:
    from readouts.extract.en import names

    text = "".join(parts)
    fast = [m.span() for m in names._ASCII_RUN.finditer(text)]
    assert fast == [m.span() for m in names._RUN.finditer(text)]


@given(st.lists(st.sampled_from([*_BODY_TEXT, "x", "\n", "\x1c", "\x0b", "\t", "Hubei", "Ha Noi"])))
def test_ascii_body_pattern_finds_what_the_unicode_one_finds(words: list[str]) -> None:
    from readouts.extract.en import meeting
    from readouts.extract.en.lexicon import english

    lex = english()
    text = " ".join(words)
    fast = [(m.span(), m.groupdict()) for m in meeting._ascii_body(lex).finditer(text)]
    plain = meeting._patterns(lex)["body"].finditer(text)
    assert fast == [(m.span(), m.groupdict()) for m in plain]


def _same_matches_as_plain(key: str, text: str, data: st.DataObject) -> None:
    """``meeting.bodies`` / ``meeting.sessions`` find what the plain pattern ``key`` finds."""
    from readouts.extract.en import meeting
    from readouts.extract.en.lexicon import english

    lex = english()
    fast = {"body": meeting.bodies, "session": meeting.sessions}[key]
    pos = data.draw(st.integers(0, len(text)))
    endpos = data.draw(st.integers(pos, len(text)))
    plain = meeting._patterns(lex)[key].finditer(text, pos, endpos)
    assert [(m.span(), m.groupdict()) for m in fast(text, pos, endpos, lex)] == [
        (m.span(), m.groupdict()) for m in plain
    ]


def _indexed_matches_as_plain(
    which: int, words: list[str], data: st.DataObject, *, normalized: bool
) -> None:
    """Cue-indexed pattern ``which`` finds what its plain pattern finds, reading the index
    off the text itself or (``normalized``) off its normalized copy."""
    from readouts.extract.en.lexicon import english
    from readouts.read.normalize import normalize

    patterns = _indexed_patterns(english())
    fast = patterns[which % len(patterns)]
    assert isinstance(fast, CuePattern)
    plain = CaselessPattern(fast.source)
    text = " " * 500 + " ".join(words)  # long enough for the index
    like = normalize(text) if normalized else None
    pos = data.draw(st.integers(0, len(text)))
    endpos = data.draw(st.integers(pos, len(text)))
    found = fast.search(text, pos, endpos, like)
    expected = plain.search(text, pos, endpos)
    assert (found and found.span()) == (expected and expected.span())
    spans = [m.span() for m in fast.finditer(text, pos, endpos, like)]
    assert spans == [m.span() for m in plain.finditer(text, pos, endpos)]


@given(st.lists(st.sampled_from([*_CUE_WORDS, "the", "X", ",", ".", "\n", "é"]), max_size=40))
def test_cue_index_starts_are_every_prefix_start_in_order(words: list[str]) -> None:
    """Each family's starts are the places one of its prefixes starts, each once, in order
    (a prefix is kept in the automaton only for the families no shorter prefix of it has)."""
    from readouts import lexicon as lx
    from readouts.extract.en.caseless import ascii_lower
    from readouts.extract.en.lexicon import _families, english
    from readouts.extract.en.prefilter import literal_prefixes

    index = english().cue_index
    text = ascii_lower(" ".join(words))
    families = _families(
        lx.toml("en", "roles.toml"), lx.toml("en", "meetings.toml"), lx.toml("en", "agenda.toml")
    )
    starts = index._starts(text)
    for kind in index.kinds:
        prefixes = literal_prefixes(families[kind]) or set()
        plain = [i for i in range(len(text)) if any(text.startswith(p, i) for p in prefixes)]
        assert starts[kind] == plain


def _twins() -> list[object]:
    from readouts.extract.en import header as h

    return _header_patterns(h)


def _header_patterns(h: object) -> list[object]:
    return [getattr(h, name) for name in ("_DATE_LINE", "_STAMP", "_DATELINE", "_XINHUA", "_YEAR")]


def _twin_words() -> list[str]:
    header = "BEIJING , Feb. 6th 6 (Xinhua) -- ( ) 2023-01-19 12:30 date Jan 2024 VNA reporter"
    return [*header.split(), "Hunan", "Daily", "of", "the"]


_TWIN_WORDS = _twin_words()


@given(
    st.integers(0, 4),
    st.lists(
        st.sampled_from([*_TWIN_WORDS, " ", "  ", "\n", "-", "–", "x", "\x1c", "\x0b", "é", "ſ"]),
        max_size=16,
    ),
    st.data(),
)
def test_ascii_twins_find_what_the_regex_patterns_find(
    which: int, words: list[str], data: st.DataObject
) -> None:
    pattern = _twins()[which]
    text = " ".join(words)
    pos = data.draw(st.integers(0, len(text)))
    endpos = data.draw(st.integers(pos, len(text)))
    plain = pattern.unicode  # type: ignore[attr-defined]
    for method in ("search", "match"):
        fast = getattr(pattern, method)(text, pos, endpos)
        slow = getattr(plain, method)(text, pos, endpos)
        assert (fast and (fast.span(), fast.groups())) == (slow and (slow.span(), slow.groups()))


def test_no_ascii_twin_for_regex_only_syntax() -> None:
    import pytest
    import regex

    from readouts.extract.en.twin import twin

    for source, flags in ((r"\p{Lu}", 0), ("ſ", regex.I), (r"x", regex.BESTMATCH)):
        with pytest.raises(ValueError):
            twin(source, flags)


def _outlet_words() -> list[str]:
    from readouts import lexicon as lx

    return [*lx.toml("en", "outlets.toml")["outlets"], "x", "X", "_", "1", "(", "é", "\n"]


@given(st.lists(st.sampled_from(_outlet_words()), max_size=20), st.sampled_from(["", " ", "a"]))
def test_outlet_found_as_the_outlet_pattern_finds_it(words: list[str], glue: str) -> None:
    from readouts.extract.en import header
    from readouts.extract.en.lexicon import english

    lex = english()
    text = glue.join(words) * 8  # past the 800 characters searched, now and then
    fast = header._outlet_named(text, lex)
    slow = lex.outlet_re.search(text, 0, 800)
    assert (fast and fast.span()) == (slow and slow.span())


def _rank_words() -> list[str]:
    from readouts import lexicon as lx

    people = lx.toml("en", "people.toml")
    return [*people["ranks"], *people["honorifics"]]


@given(
    st.lists(
        st.sampled_from([*_rank_words(), " ", "  ", "\n", "\x1c", "\x0b", "-", "x", "é", "of"]),
        max_size=8,
    ),
    st.booleans(),
)
def test_rank_and_honorific_searched_only_before_their_words(words: list[str], rank: bool) -> None:
    from readouts.extract.en import names
    from readouts.extract.en.lexicon import english

    lex = english()
    pattern, listed = (lex.rank_re, lex.ranks) if rank else (lex.honorific_re, lex.honorifics)
    before = "".join(words)
    fast = names._ends_in(pattern, listed, before)
    slow = pattern.search(before)
    assert (fast and fast.span()) == (slow and slow.span())


def _press_words() -> list[str]:
    from readouts import lexicon as lx

    words: list[str] = lx.toml("en", "people.toml")["press_cues_before"]
    return words


@given(
    st.lists(
        st.sampled_from([*_press_words(), "Reporter", "PHOTO", " ", ":", " : ", "/", "\n"]),
        max_size=8,
    ),
    st.sampled_from(["", "\x1c", "\u3000", "\x0b", " x", "é"]),
)
def test_press_cue_searched_only_where_the_text_ends_in_one(words: list[str], tail: str) -> None:
    from readouts.extract.en import names
    from readouts.extract.en.lexicon import english

    lex = english()
    before = " ".join(words) + tail
    assert names._press_before(before, lex) == (lex.press_re.search(before) is not None)


_NATIONAL_WORDS = (
    "State Council CPC CCP Communist Party of China Central Committee the Politburo Political "
    "Bureau National People's Congress CPPCC Vietnam Vietnamese Government Assembly Lao "
    "Revolutionary LPRP Cuba Workers' DPRK Provincial"
).split()


@given(st.lists(st.sampled_from([*_NATIONAL_WORDS, " ", ".", "\n", "x"]), max_size=14), st.data())
def test_national_bodies_as_one_alternation(words: list[str], data: st.DataObject) -> None:
    from readouts.extract.en import place

    text = " ".join(words)
    pos = data.draw(st.integers(0, len(text)))
    endpos = data.draw(st.integers(pos, len(text)))
    patterns = [p for p, _, _ in place._national()]
    anyone = place._any_national()
    assert (anyone.search(text, pos, endpos) is not None) == any(
        p.search(text, pos, endpos) for p in patterns
    )
    assert (anyone.match(text) is not None) == any(p.match(text) for p in patterns)


_HEAD_OF_WORDS = ["the", "of", "party", "group", "Head", " ", "\n", "\x1c", "x"]


@given(st.lists(st.sampled_from(_HEAD_OF_WORDS), max_size=9), st.data())
def test_head_of_searched_only_after_of_or_the(words: list[str], data: st.DataObject) -> None:
    from readouts.extract.en import meeting

    text = " ".join(words)
    pos = data.draw(st.integers(0, len(text)))
    endpos = data.draw(st.integers(pos, len(text)))
    fast = meeting._head_of(text, pos, endpos)
    slow = meeting._HEAD_OF.search(text, pos, endpos)
    assert (fast and fast.span()) == (slow and slow.span())
