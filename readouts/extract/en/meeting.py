"""The meeting itself: the sentence that establishes it, the convening body, its type,
session numbers and date (where it belongs and was held: ``place``).

A meeting is established by a sentence with a meeting noun and a verb of holding or
presiding ("the Standing Committee ... held a meeting", "presided over the 15th Plenary Session
of the 14th ... Committee").  The body is the organisation attached to that phrase: after
"meeting of", before "held", or before the meeting noun ("a State Council executive meeting").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

import regex

from readouts import lexicon as lx
from readouts.extract.en.caseless import CaselessPattern, ascii_lower
from readouts.extract.en.cues import CuePattern
from readouts.extract.en.dates import TOD_RE, DateHit, find_dates, resolve, time_of_day
from readouts.extract.en.header import Header
from readouts.extract.en.lexicon import LANG, EnglishLexicon
from readouts.extract.en.prefilter import prefix_tree
from readouts.extract.en.twin import AsciiTwin

_DATELINE_TAIL = regex.compile(
    r"(?:st|nd|rd|th)?\s*(?:,\s*(?:19|20)\d\d\s*)?"
    r"\((?:Xinhua|all-media|reporter|Reporter|VNA|\w+ reporter)"
)
_ORD_NUM = r"(?P<num>\d{1,3})(?:st|nd|rd|th)"
#: Lower-case words a body's name may start with, besides capitalised ones.
_BODY_WORDS = ("CPC", "provincial", "municipal", "city", "county", "party", "people's")


@cache
def _heads(lex: EnglishLexicon) -> tuple[str, ...]:
    """The heads a body's name ends in, as regular expressions, longest first."""
    lower = lx.toml(LANG, "meetings.toml")["body_heads_lower"]
    return tuple(sorted([*lex.body_heads, *lower], key=len, reverse=True))


@cache
def _patterns(lex: EnglishLexicon) -> dict[str, regex.Pattern[str]]:
    heads = "|".join(_heads(lex))
    # "and" only inside a name: "the Political and Legal Affairs Committee"
    word = r"(?:\p{Lu}[\p{L}'-]*(?:'s)?|" + "|".join(_BODY_WORDS) + r"|and(?=\s+\p{Lu}))"
    # What a body can start with (see ``prefilter``): most positions fail here at once.
    body_start = prefix_tree([*_BODY_WORDS, "and", "the", "its", heads], fold=False)
    ordinal_start = prefix_tree(list(lex.ordinals), fold=False)
    org = rf"(?:{word}\s+){{0,7}}(?:{heads})(?:\s+\d+)?"
    # "of the Communist Party of China", not "of the Provincial Party Committee"
    # and "of the Communist Party of China (CPC) Central Committee"
    party = (
        r"Party(?!\s+\p{Lu})(?:\s+of\s+(?:the\s+)?\p{Lu}\w+)?"
        rf"(?:\s+\(\p{{Lu}}+\)\s+(?:{word}\s+){{0,3}}(?:{heads}))?"
    )
    places = "|".join(regex.escape(p) for p in sorted(lex.places, key=len, reverse=True))
    place = (
        rf"(?:(?:\p{{Lu}}\w+|{places})\s+(?:province|Province|city|City)\b"
        rf"|(?:{places})\b(?!\s+\p{{Lu}}))"  # "of Heilongjiang", not "of the Hubei Provincial"
    )
    tail = rf"(?:(?:{heads})(?:\s+\d+)?|{place}|{party})"
    term = r"(?:\d{1,3}(?:st|nd|rd|th)\s+)?"  # "of the 14th Provincial People's Congress"
    # "in Hubei province" is where the body is, not part of its name
    of = rf"(?:(?:of|for)\s+(?:the\s+)?{term}(?:{word}\s+){{0,7}}?{tail})"
    in_ = rf"(?:in\s+(?:the\s+)?{term}(?:{word}\s+){{0,7}}?(?:{heads})(?:\s+\d+)?)"
    body = rf"{org}(?:\s+(?:{of}|{in_}))*"
    words = "|".join(w for w, _ in sorted(lex.ordinals.items()))
    return {
        "body": regex.compile(
            (rf"(?=\p{{Lu}}|\d|{body_start})" if body_start else "")
            + rf"(?:(?:[Tt]he|its)\s+)?(?:(?P<term>\d{{1,3}})(?:st|nd|rd|th)\s+)?(?P<name>{body})"
        ),
        "session": regex.compile(
            (rf"(?=\d|{ordinal_start})" if ordinal_start else "")
            + rf"(?:{_ORD_NUM}|(?P<word>{words}))\s+(?:\(?(?:extended|enlarged|expanded)\)?\s+)?"
            r"(?:plenary\s+session|plenary\s+meeting|plenum|plenary|meeting|conference|session|"
            r"executive\s+meeting|standing\s+(?:committee\s+)?meeting)\b",
            regex.I,
        ),
        "term": regex.compile(
            r"(?:of\s+the\s+)(?P<num>\d{1,3})(?:st|nd|rd|th)\s+\p{Lu}"
            r"|(?P<num2>\d{1,3})(?:st|nd|rd|th)[- ](?:tenure|term)\b"
            r"|\b(?:term|tenure)\s+(?P<roman>[IVXL]{1,6})\b(?![\w'])",
            regex.I,
        ),
    }


@cache
def _cues(key: str, before: str = "", after: str = "") -> CaselessPattern:
    """The cues listed under ``key`` in ``meetings.toml`` as one case-insensitive alternation,
    written between ``before`` and ``after``; compiled on first use."""
    return CaselessPattern(before + "|".join(lx.toml(LANG, "meetings.toml")[key]) + after)


@cache
def _cues_before(key: str, gap: str = "") -> CaselessPattern:
    """The cues under ``key`` ending just before the point a search stops at, ``gap`` apart."""
    return _cues(key, r"\b(?:", r")\s+" + gap + "$")


@cache
def _indexed_before(key: str, lex: EnglishLexicon, gap: str = "") -> CuePattern:
    """``_cues_before(key, gap)`` searched only from where one of its cues starts, for a
    family ``key`` of the lexicon's cue index: most windows before a meeting noun hold none."""
    return CuePattern(_cues_before(key, gap).source, lex.cue_index, key)


def refers_elsewhere(text: str, at: int, floor: int, lex: EnglishLexicon) -> bool:
    """Whether the words before ``at`` make what follows another meeting than the one
    reported ("the spirit of the Sixth Plenary Session"), and not this one ("delivered a
    speech at the 15th Plenary Session")."""
    start = max(floor, at - 90)
    if not lex.other_meeting_re.search(text, start, at):
        return False
    own = _indexed_before("own_meeting_before", lex, r"(?:the\s+)?(?:[\w'-]+\s+){0,6}")
    return not own.search(text, start, at)


def _meeting_nouns(text: str, s: int, e: int, lex: EnglishLexicon) -> list[re.Match[str]]:
    """The meeting nouns of a sentence that name a meeting of the reported kind: not "a press
    conference" or "many promotion meetings", nor another meeting the sentence refers to ("the
    plans of the work conference")."""
    not_meeting = _indexed_before("not_meeting_before", lex)
    return [
        n
        for n in lex.meeting_noun_re.finditer(text, s, e)
        if not not_meeting.search(text, max(s, n.start() - 60), n.start())
        and not refers_elsewhere(text, n.start(), s, lex)
    ]


@cache
def _noun_types() -> dict[str, str]:
    return dict(lx.toml(LANG, "meetings.toml")["noun_types"])


@cache
def _types_after_noun() -> tuple[tuple[str, CaselessPattern], ...]:
    rows = lx.toml(LANG, "meetings.toml")["types_after_noun"]
    return tuple((kind, CaselessPattern(p)) for kind, p in rows)


@dataclass
class Anchor:
    sentence: tuple[int, int]
    held: tuple[int, int]
    noun: tuple[int, int]


def find_anchors(text: str, sentences: list[tuple[int, int]], lex: EnglishLexicon) -> list[Anchor]:
    """Sentences that establish a meeting, in order."""
    out = []
    for s, e in sentences:
        held = next(
            (h for h in lex.held_re.finditer(text, s, e) if not _to_come(text, h.start(), s)),
            None,
        )
        if not held:
            continue
        nouns = _meeting_nouns(text, s, e, lex)
        if nouns:
            out.append(Anchor((s, e), held.span(), _held_noun(text, held, nouns).span()))
        elif _cues("held_by_body").fullmatch(text, *held.span()) and _body_before(
            text, held.start(), s, lex
        ):
            out.append(Anchor((s, e), held.span(), held.span()))  # "the Standing Board met"
    return out or _role_anchors(text, sentences, lex)


def _to_come(text: str, at: int, floor: int) -> bool:
    """A meeting still to come is not reported: "will be held", "plans to hold"."""
    return _cues_before("to_come_before_held").search(text, max(floor, at - 30), at) is not None


def _body_before(text: str, at: int, floor: int, lex: EnglishLexicon) -> bool:
    """Whether a body's name ends just before ``at``: the subject of "met"."""
    found = bodies(text, max(floor, at - 150), at, lex)
    return any(m.end() <= at <= m.end() + 1 for m in found)


def _held_noun(text: str, held: re.Match[str], nouns: list[re.Match[str]]) -> re.Match[str]:
    """The noun the verb of holding governs: the first after it ("held a meeting"), or for a
    passive ("X and Y were held") the first named before it (meetings held together are
    typed by the first); else the last of the sentence."""
    before = [n for n in nouns if n.end() <= held.start()]
    if before and _cues("held_passive").fullmatch(text, *held.span()):
        return before[0]
    after = [n for n in nouns if n.start() >= held.start()]
    return after[0] if after and after[0].start() - held.end() < 120 else nouns[-1]


def _role_anchors(text: str, sentences: list[tuple[int, int]], lex: EnglishLexicon) -> list[Anchor]:
    """Fallback: a sentence where someone presides, speaks or attends at a meeting noun, else
    one that opens at the meeting as at a thing known ("At the conference, ...")."""
    for s, e in sentences:
        nouns = _meeting_nouns(text, s, e, lex)
        noun = nouns[0] if nouns else None
        cue = lex.subject_role_re.search(text, s, e) or lex.object_role_re.search(text, s, e)
        if noun and cue:
            return [Anchor((s, e), cue.span(), noun.span())]
    for s, e in sentences:  # "Also at the ceremony, the Committee announced ..."
        at = _cues("at_the_meeting", r"\s*(?:", r")\s+").match(text, s, e)
        noun = lex.meeting_noun_re.match(text, at.end(), e) if at else None
        if at and noun:
            return [Anchor((s, e), at.span(), noun.span())]
    return []


@cache
def _head_re(lex: EnglishLexicon) -> re.Pattern[str]:
    """Any body head ("Committee", "party group"): every body's name holds one."""
    return re.compile("|".join(_heads(lex)))


#: A match of the body pattern, by ``regex`` or (in an ASCII text) by ``re``.
Match = regex.Match[str] | re.Match[str]
#: The Unicode classes of the body pattern, as they read in an ASCII text.
_ASCII_CLASSES = ((r"[\p{L}'-]", "[A-Za-z'-]"), (r"\p{Lu}", "[A-Z]"), (r"\p{L}", "[A-Za-z]"))


@cache
def _ascii_body(lex: EnglishLexicon) -> re.Pattern[str]:
    """The body pattern for an ASCII text, run by ``re``: with ``[A-Z]`` for ``\\p{Lu}`` (and
    so on) and ASCII classes it finds the same bodies there, at less than half the cost."""
    source = _patterns(lex)["body"].pattern
    for unicode_class, ascii_class in _ASCII_CLASSES:
        source = source.replace(unicode_class, ascii_class)
    if "\\p" in source:
        raise ValueError("a Unicode class of the body pattern has no ASCII form")
    return re.compile(source, re.ASCII)


#: Back from a position over the part of its word before it and nine more words: a body's
#: name reaches its head in at most nine words ("the", an ordinal and seven words of name),
#: each of letters, digits, "'" and "-" (a comma or a bracket ends the way back).
_NINE_WORDS_BACK = regex.compile(r"(?r)(?:[\p{L}\d'-]+\s+){0,9}[\p{L}\d'-]*")


def bodies(text: str, pos: int, endpos: int, lex: EnglishLexicon) -> Iterator[Match]:
    """``_patterns(lex)["body"].finditer(text, pos, endpos)``, with each search started nine
    words before the next body head instead of at ``pos``: every match holds a head at most
    nine words after its start, so no match starts earlier, and the engine's costly attempts
    at the capitalised words of a sentence (names, offices) far from any head are skipped.
    The way back is never longer as the head moves on, so the first head bounds them all."""
    pattern: regex.Pattern[str] | re.Pattern[str] = (
        _ascii_body(lex) if text.isascii() else _patterns(lex)["body"]
    )
    heads = _head_re(lex)
    while True:
        head = heads.search(text, pos, endpos)
        if head is None:
            return
        back = _NINE_WORDS_BACK.match(text, pos, head.start())  # matches always (nine or fewer)
        m = pattern.search(text, back.start() if back else pos, endpos)
        if m is None:
            return
        yield m
        pos = m.end()


@dataclass
class BodyHit:
    name: str
    span: tuple[int, int]
    term: int | None


def find_body(
    text: str, anchor: Anchor, lex: EnglishLexicon, people: Sequence[tuple[int, int]] = ()
) -> BodyHit | None:
    """The organisation attached to the meeting phrase of ``anchor``, not one named in a
    person's offices ("Head of the Delegation of the National Assembly of the province") or
    in another meeting ("the resolutions of the 7th Conference of the Central Committee")."""
    s, e = anchor.sentence
    hits = [
        m
        for m in bodies(text, s, e, lex)
        if m.group("name")
        and not any(ps <= m.start() < pe for ps, pe in people)
        and not refers_elsewhere(text, m.start(), s, lex)
    ]
    if not hits:
        return None
    noun_s, noun_e = anchor.noun
    held_s = anchor.held[0]

    def score(m: Match) -> int:
        start, end = m.span()
        if 0 <= start - noun_e <= 8 and text[noun_e:start].strip() in ("of", "of the", ""):
            return 0  # "meeting of the Standing Committee"
        if 0 <= held_s - end <= 3 or _ABBREVIATION.fullmatch(text, end, held_s):
            return 1  # "the Standing Committee held", "the Central Committee (CC) held"
        if 0 <= noun_s - end <= 30:
            return 2  # "a State Council executive meeting"
        if m is hits[0] and end <= held_s and _PARTICIPLE.match(text, end, held_s):
            return 2  # "the Sichuan delegation attending the First Session ... held"
        return 3 + abs(start - noun_s) // 10

    best = min(hits, key=score)
    owner = next((o for o in (_owner(text, m, anchor.noun, lex) for m in hits) if o), None)
    if owner:
        return owner
    if score(best) > 12:
        return None
    term = int(best.group("term")) if best.group("term") else None
    name_s, name_e = best.span("name")
    return BodyHit(text[name_s:name_e], (name_s, name_e), term)


_PARTICIPLE = regex.compile(r"\s+\p{Ll}+ing\b")
_ABBREVIATION = regex.compile(r"\s*\(\p{Lu}+\)\s*")
_INNER_TERM = regex.compile(r"(?<=\bthe\s)\d{1,3}(?:st|nd|rd|th)\s+")


def written_name(text: str, body: BodyHit) -> str:
    """The body's name as written, without the term inside it: "the Standing Committee of the
    14th Provincial People's Congress" is the Standing Committee of the Provincial People's
    Congress of every term (the term is the session's)."""
    return _INNER_TERM.sub("", text[body.span[0] : body.span[1]])


_POSSESSIVE = regex.compile(r"'s\s")
_OF_THE = regex.compile(r"\s+of\s+(?:the\s+)?")


def _owner(text: str, m: Match, noun: tuple[int, int], lex: EnglishLexicon) -> BodyHit | None:
    """The body whose meeting the name is: "the Provincial Party Committee's Foreign Affairs
    Work Conference" is the Provincial Party Committee's, "the 15th Conference of the Hanoi
    Party Committee" the Hanoi Party Committee's."""
    name_s, name_e = m.span("name")
    if not name_s <= noun[0] < noun[1] <= name_e:
        return None
    if name_s == noun[0]:  # "the 15th Conference of the Hanoi Party Committee"
        of = _OF_THE.match(text, noun[1], name_e)
        return BodyHit(text[of.end() : name_e], (of.end(), name_e), None) if of else None
    cut = _POSSESSIVE.search(text, name_s, noun[0])
    if cut is None or text[name_s : cut.start()].split()[-1] not in lex.body_heads:
        return None  # "the Provincial People's Congress" is no one's
    term = int(m.group("term")) if m.group("term") else None
    return BodyHit(text[name_s : cut.start()], (name_s, cut.start()), term)


_HEAD_OF = regex.compile(r"\b(?:the\s+)?(?:\w+\s+){1,3}of\s+(?:the\s+)?$")


def _head_of(text: str, pos: int, endpos: int) -> regex.Match[str] | None:
    """``_HEAD_OF.search(text, pos, endpos)``: a match ends in "of" or "the" and spaces, so
    where the words before ``endpos`` end otherwise (before most bodies) it is not run."""
    if not text[pos:endpos].rstrip().endswith(("of", "the")):
        return None
    return _HEAD_OF.search(text, pos, endpos)


def meeting_type(
    text: str,
    anchor: Anchor,
    body: BodyHit | None,
    title: str,
    lex: EnglishLexicon,
    people: list[tuple[int, int]],
) -> tuple[str, tuple[int, int] | None]:
    """The type from the meeting phrase first, then the sentence, then the headline.

    A cue inside a person's offices ("Head of the National Assembly Delegation") or naming
    another meeting ("the spirit of the 20th Party Congress") says nothing of this one.
    """
    s, e = anchor.sentence
    noun_s, noun_e = anchor.noun
    for kind, after in _types_after_noun():
        told = after.match(text, noun_e, e)
        if told:
            return kind, (noun_s, told.end())
    # The noun itself first ("had a group talk with the Standing Committee ..."), then the
    # meeting phrase with its body, the words around the noun, the sentence.
    regions = [(noun_s, noun_e), (max(s, noun_s - 40), min(e, noun_e + 10))]
    if body:
        # "the party group of [the Standing Committee of ...]": the head before the body counts
        head = _head_of(text, max(s, body.span[0] - 40), body.span[0])
        start = head.start() if head else body.span[0]
        regions.insert(1, (min(start, noun_s), max(body.span[1], noun_e)))
    regions.append((s, e))
    for rs, re_ in regions:
        for kind, pattern in lex.types:
            for m in pattern.finditer(text, rs, re_):
                if not _elsewhere(text, m.start(), people, lex):
                    return kind, m.span()
    for kind, pattern in lex.types:
        if pattern.search(title):
            return kind, None
    noun = text[noun_s:noun_e].lower()
    default = _noun_types().get(noun)
    return (default, (noun_s, noun_e)) if default else ("other", None)


def _elsewhere(text: str, at: int, people: list[tuple[int, int]], lex: EnglishLexicon) -> bool:
    if any(ps <= at < pe for ps, pe in people):
        return True
    return refers_elsewhere(text, at, 0, lex)


def session_numbers(
    text: str, anchor: Anchor, body: BodyHit | None, lex: EnglishLexicon
) -> tuple[int, int | None, tuple[int, int]] | None:
    """The session's number and the term of its body: "the 15th Plenary Session of the 14th
    ... Committee", "the 9th session" of a council "term X"; a congress is numbered by its
    own ordinal ("the 18th Hanoi Party Congress opened").  A numbered meeting the sentence
    refers to ("the spirit of the Sixth Plenary Session") is not this one, unless it is the
    meeting's own noun ("delivered a speech at the 15th Plenary Session")."""
    s, e = anchor.sentence
    pats = _patterns(lex)
    noun = anchor.noun[0]
    m = next(
        (
            m
            for m in sessions(text, s, e, lex)
            if m.start() <= noun < m.end()  # the meeting itself ("a speech at the 15th Plenary")
            or not refers_elsewhere(text, m.start(), s, lex)
        ),
        None,
    )
    if not m:
        return _congress_number(text, anchor, body)
    number = int(m.group("num")) if m.group("num") else lex.ordinals[m.group("word").lower()]
    term = body.term if body else None
    if term is None:
        term = _term(text, (s, e), m.span(), pats["term"])
    return number, term, m.span()


@cache
def _session_start(lex: EnglishLexicon) -> re.Pattern[str]:
    """Where a session's number may start in an ASCII-lower-cased text: a digit, or the
    first letters of an ordinal."""
    return re.compile("[0-9]|" + prefix_tree(list(lex.ordinals)))


@cache
def _ascii_session(lex: EnglishLexicon) -> re.Pattern[str]:
    """The session pattern for an ASCII text, run by ``re`` (see ``twin``)."""
    return AsciiTwin(_patterns(lex)["session"]).ascii


def sessions(text: str, pos: int, endpos: int, lex: EnglishLexicon) -> Iterator[Match]:
    """``_patterns(lex)["session"].finditer(text, pos, endpos)``, tried only where a number
    or an ordinal starts.  The pattern ignores case in the Unicode way, where letters beyond
    ASCII may stand for ASCII ones, so a text that is not ASCII gets the plain search; in an
    ASCII text the starts are found in its lower-case copy by ``re``'s fast scan, instead of
    the engine trying the whole pattern at every position, and tried by ``re``."""
    if not text.isascii():
        yield from _patterns(lex)["session"].finditer(text, pos, endpos)
        return
    pattern = _ascii_session(lex)
    lowered = ascii_lower(text)
    start = _session_start(lex)
    while (found := start.search(lowered, pos, endpos)) is not None:
        m = pattern.match(text, found.start(), endpos)
        if m is None:
            pos = found.start() + 1
            continue
        yield m
        pos = m.end()


def _term(
    text: str, sentence: tuple[int, int], session: tuple[int, int], pattern: regex.Pattern[str]
) -> int | None:
    """The term named just after the session, else anywhere in the sentence but the session's
    own ordinal."""
    after = pattern.search(text, session[1], min(sentence[1], session[1] + 20))
    found = after or next(
        (t for t in pattern.finditer(text, *sentence) if not session[0] <= t.start() < session[1]),
        None,
    )
    if found is None:
        return None
    if found.group("roman"):
        return _roman(found.group("roman"))
    return int(found.group("num") or found.group("num2"))


_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50}


def _roman(numeral: str) -> int:
    values = [_ROMAN[c] for c in numeral.lower()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _congress_number(
    text: str, anchor: Anchor, body: BodyHit | None
) -> tuple[int, int | None, tuple[int, int]] | None:
    """A congress meeting as itself is numbered by its ordinal: "the 18th Hanoi Party Congress"."""
    if body is None or body.term is None or body.span[1] != anchor.noun[1]:
        return None
    if text[anchor.noun[0] : anchor.noun[1]].lower() != "congress":
        return None
    return body.term, None, body.span


#: A meeting's date: ISO date, the expression it came from, time of day and its span.
Dated = tuple[str | None, DateHit | None, str | None, tuple[int, int] | None]


def meeting_date(
    text: str, anchor: Anchor, sentences: list[tuple[int, int]], head: Header
) -> Dated:
    """The meeting's date from the anchor sentence (or its neighbours; in a text with no
    month of writing, the nearest earlier sentence with a date: the lead of a text that
    reports the meeting further down) and its time of day."""
    index = sentences.index(anchor.sentence) if anchor.sentence in sentences else 0
    neighbours = [
        anchor.sentence,
        *sentences[index + 1 : index + 3],
        *sentences[max(0, index - 1) : index],
    ]
    if head.month is None:  # no month of writing: the lead that dates the event
        neighbours += reversed(sentences[: max(0, index - 1)])
    for ns, ne in neighbours:
        hits = [h for h in find_dates(text, ns, ne) if _own_date(text, h, ns, head)]
        if not hits:
            continue
        held = anchor.held[0] if (ns, ne) == anchor.sentence else ns
        hit = min(
            hits,
            key=lambda h: (
                h.day is None and h.weekday is None and h.relative is None,
                abs(h.start - held),
            ),
        )
        iso = resolve(hit, head.reference, head.year_to_resolve(hit))
        if iso is None and head.month and hit.month in (None, int(head.month[0][5:7])):
            iso = head.month[0]  # "held Friday" in a text dated by its month only
        tod = TOD_RE.search(text, max(ns, hit.start - 40), min(ne, hit.end + 25))
        if tod is None:
            tod = TOD_RE.search(text, ns, anchor.held[0]) if (ns, ne) == anchor.sentence else None
        return iso, hit, time_of_day(tod.group(1)) if tod else None, tod.span() if tod else None
    return _month_of_writing(text, anchor, head)


def _month_of_writing(text: str, anchor: Anchor, head: Header) -> Dated:
    """A meeting reported with no date of its own was held in the month the text is dated."""
    if head.month is None:
        return None, None, None, None
    iso, (start, end) = head.month
    hit = DateHit(start, end, int(iso[:4]), int(iso[5:7]), None)
    tod = TOD_RE.search(text, anchor.sentence[0], anchor.held[0])
    return iso, hit, time_of_day(tod.group(1)) if tod else None, tod.span() if tod else None


def _own_date(text: str, hit: DateHit, start: int, head: Header) -> bool:
    """A date that can be the meeting's: not a dateline's, not one of a thing to come."""
    future = _cues_before("future_date_before", r"(?:the\s+)?").search(
        text, max(start, hit.start - 60), hit.start
    )
    return future is None and not _in_dateline(text, hit, head)


def _in_dateline(text: str, hit: DateHit, head: Header) -> bool:
    """A date inside "BEIJING, Feb. 6 (Xinhua) --" or a page timestamp is not the meeting's."""
    after = text[hit.end : hit.end + 14]
    return bool(_DATELINE_TAIL.match(after)) or (
        head.published_span is not None
        and head.published_span[0] <= hit.start < head.published_span[1]
    )
