"""The English extractor: one readable function composing the stages.

header -> sentences -> meeting anchors -> per meeting: body, type, session, place,
jurisdiction, date, people (names, offices, roles), agenda, formulations, directives.
"""

from __future__ import annotations

import regex

from readouts.extract.en import agenda as ag
from readouts.extract.en import meeting as mt
from readouts.extract.en import place as pl
from readouts.extract.en.dates import time_of_day
from readouts.extract.en.header import Header, read_header
from readouts.extract.en.lexicon import EnglishLexicon, Place, english
from readouts.extract.en.names import find_names
from readouts.extract.en.people import collect, participants
from readouts.model import Body, HeaderEvidence, Location, Meeting, MeetingEvidence, Record, Session
from readouts.read.normalize import normalize
from readouts.read.sentences import split_sentences

EXTRACTOR = "readouts-en/0.1.0"
_OPENS_MEETING = regex.compile(
    r"(?:On|In|At|During|That|Also on)\s+(?:the\s+)?(?:same\s+)?(?:morning|afternoon|evening|"
    r"day|\w+day|\p{Lu}\p{Ll}+\.?\s+\d|\d)"
)
_SAME_DAY = regex.compile(
    r"(?:On|In)\s+the\s+(morning|afternoon|evening)\s+of\s+the\s+same\s+day", regex.I
)
_HEADING = regex.compile(r"[^.!?\"”:;)\s]\s*$")
_TRAILING_SPACE = regex.compile(r"(?r)\s*")
_NOT_HEADING_END = frozenset('.!?"”:;)')
_ALSO = regex.compile(r"\balso\s+$")
_HOLDS = regex.compile(r"held|convened|presided over|chaired|hosted|opened|co-chaired", regex.I)


def extract_english(text: str, source: str, doc_id: str) -> Record:
    lex = english()
    norm = normalize(text)
    head = read_header(norm, lex)
    sentences = split_sentences(norm)
    anchors = mt.find_anchors(norm, sentences, lex)
    record = Record(
        doc_id=doc_id,
        source=source,
        lang="en",
        title=text[head.title[0] : head.title[1]] if head.title else None,
        published=head.published,
        outlet=head.outlet,
        is_readout=False,
        evidence=HeaderEvidence(
            title=head.title, published=head.published_span, outlet=head.outlet_span
        ),
        extractor=EXTRACTOR,
    )
    if not anchors:
        return record
    hits = find_names(norm, lex)
    mentions = collect(norm, sentences, hits, lex)
    chosen = _meeting_anchors(norm, anchors, sentences, head)
    by_names = pl.people_country([h.kind for h in hits if not h.press])
    for i, (anchor, dated) in enumerate(chosen):
        start = 0 if i == 0 else anchor.sentence[0]
        end = chosen[i + 1][0].sentence[0] if i + 1 < len(chosen) else len(norm)
        section = [s for s in sentences if start <= s[0] < end]
        inside = [m for m in mentions if start <= m.hit.start < end]
        people = [(m.start, m.end) for m in inside]
        meeting = _meeting(text, norm, anchor, dated, section, head, lex, people, by_names)
        meeting.participants = participants(text, inside, (start, end), lex)
        record.meetings.append(meeting)
    record.is_readout = True
    return record


def _meeting_anchors(
    norm: str, anchors: list[mt.Anchor], sentences: list[tuple[int, int]], head: Header
) -> list[tuple[mt.Anchor, mt.Dated]]:
    """The main anchor, and each later one that opens another meeting: a sentence starting
    with its own time ("On the afternoon of the same day, ... held") and a different date or
    time of day from the meeting before it, or one where another unit "also held" a dated
    meeting; each with its date.  The same meeting told again lends its time of day to a
    first telling that had none."""
    first = _main_anchor(norm, anchors, head)
    last = mt.meeting_date(norm, first, sentences, head)
    chosen = [(first, last)]
    for anchor in anchors:
        if anchor.sentence[0] <= chosen[-1][0].sentence[0]:
            continue
        also = _ALSO.search(norm, max(anchor.sentence[0], anchor.held[0] - 6), anchor.held[0])
        if not (also or _OPENS_MEETING.match(norm, anchor.sentence[0], anchor.held[0])):
            continue
        if not _HOLDS.fullmatch(norm, *anchor.held):
            continue
        own = mt.meeting_date(norm, anchor, [anchor.sentence], head)
        same_day = _SAME_DAY.match(norm, anchor.sentence[0], anchor.held[0])
        if same_day:  # the previous meeting's day, with this sentence's time of day
            own = (last[0], last[1], time_of_day(same_day.group(1)), same_day.span(1))
        elif own[1] is None:
            continue
        told_again = own[0] == last[0] and (own[2] is None or last[2] is None or own[2] == last[2])
        if told_again and not (also and own[1] is not None):
            if last[2] is None and own[2] is not None:  # the lead tells its time of day
                last = own
                chosen[-1] = (chosen[-1][0], own)
            continue  # the same meeting told again (a caption, a lead, a recap)
        chosen.append((anchor, own))
        last = own
    return chosen


def _main_anchor(norm: str, anchors: list[mt.Anchor], head: Header) -> mt.Anchor:
    """The first anchor after the headline that is a sentence of the text, not a subheading
    line ("Wu presided over the first plenary meeting"): the headline rarely carries the date
    and a subheading rarely names the meeting in full."""
    title = head.title
    after = [a for a in anchors if title is None or a.sentence[0] >= title[1]] or anchors
    return next((a for a in after if not _is_heading(norm, *a.sentence)), after[0])


def _is_heading(text: str, start: int, end: int) -> bool:
    """``_HEADING.search(text, start, end)``: whether the line ends without a sentence's final
    punctuation.  Only its last character that is not a space decides: that one is looked at,
    found by matching the trailing spaces backwards, instead of trying every position."""
    last = _TRAILING_SPACE.match(text, start, end)
    at = last.start() if last else end
    return at > start and text[at - 1] not in _NOT_HEADING_END


def _meeting(
    text: str,
    norm: str,
    anchor: mt.Anchor,
    dated: mt.Dated,
    section: list[tuple[int, int]],
    head: Header,
    lex: EnglishLexicon,
    people: list[tuple[int, int]],
    by_names: Place | None,
) -> Meeting:
    body = mt.find_body(norm, anchor, lex, people)
    title_text = norm[head.title[0] : head.title[1]] if head.title else ""
    kind, kind_span = mt.meeting_type(norm, anchor, body, title_text, lex, people)
    place, place_span = pl.jurisdiction(norm, anchor, body, head, lex, by_names)
    iso, date_hit, tod, tod_span = dated
    session = mt.session_numbers(norm, anchor, body, lex)
    loc = pl.location(norm, anchor, lex, section)
    span = anchor.sentence
    return Meeting(
        date=iso,
        time_of_day=tod,
        body=Body(
            name=mt.written_name(text, body) if body else None,
            jurisdiction=place.jurisdiction if place else None,
            country=(place.country or None) if place else None,
            span=body.span if body else place_span,
        )
        if body or place
        else None,
        meeting_type=kind,
        session=Session(number=session[0], term=session[1], span=session[2]) if session else None,
        location=Location(name=text[loc[1][0] : loc[1][1]], span=loc[1]) if loc else None,
        agenda=ag.agenda_items(text, section, span, lex, norm),
        formulations=ag.formulations(text, norm, section[0][0], section[-1][1], lex),
        directives=ag.directives(text, section, lex, norm),
        span=span,
        evidence=MeetingEvidence(
            date=(date_hit.start, date_hit.end) if date_hit and iso else None,
            time_of_day=tod_span,
            meeting_type=kind_span,
        ),
    )
