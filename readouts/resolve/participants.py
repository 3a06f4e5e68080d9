"""Resolving what one meeting says into keys: the person, the posts, the body.

A participant is placed in a jurisdiction: the place one of their offices names ("Secretary
of the Quang Binh Provincial Party Committee": Quang Binh), else the convening body's.  The
person's key is (country, jurisdiction, folded name): the same name in the same place is one
person whatever their office that day ("a person seen with office X in province P and later
office Y in P"), and two people of a common name in different places stay apart unless an
analyst merges them.  Each office becomes a post: (its own place, else the person's; its
words as a bag), so "Provincial Party Committee Secretary" in Hunan is one post however it
is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from readouts.model import Body, Participant
from readouts.resolve.keys import make_id, name_key, words_key
from readouts.resolve.places import (
    Jurisdiction,
    OfficePlace,
    office_place,
    strip_adjectival_places,
    strip_places,
)


@dataclass(frozen=True, slots=True)
class ResolvedTitle:
    text: str
    span: tuple[int, int]
    post_id: str
    office_key: str
    jurisdiction: Jurisdiction | None


@dataclass(frozen=True, slots=True)
class ResolvedParticipant:
    name_key: str
    jurisdiction: Jurisdiction | None
    person_key: str
    titles: tuple[ResolvedTitle, ...]


@dataclass(frozen=True, slots=True)
class ResolvedBody:
    body_id: str
    name_key: str
    name: str
    label: str
    jurisdiction: Jurisdiction | None


@lru_cache(maxsize=16384)
def _office_key(title: str) -> str:
    """The office's words as a key (cached: offices repeat across a corpus)."""
    return words_key(strip_places(title))


def meeting_place(body: Body | None) -> Jurisdiction | None:
    """Where the meeting's body belongs, as the extractor found it."""
    if body is None or not body.jurisdiction:
        return None
    return Jurisdiction(body.jurisdiction, body.country)


def person_key(key: str, place: Jurisdiction | None, tie: str) -> str:
    """The resolver's id of a person: a hash of (country, jurisdiction, folded name).

    Without a jurisdiction a name alone is too weak (two "Liu Qiang" of unknown places), so
    ``tie`` joins the key: the first office written for them, else the document.
    """
    if place is None:
        return make_id("per", None, None, key, tie)
    return make_id("per", place.country, place.name, key)


def post_id(office_key: str, place: Jurisdiction | None) -> str:
    if place is None:
        return make_id("post", None, None, office_key)
    return make_id("post", place.country, place.name, office_key)


def _home(places: list[OfficePlace], meeting: Jurisdiction | None) -> Jurisdiction | None:
    """Where the person belongs: a local place an office names; else the centre when every
    office is central (a minister at a provincial meeting); else the meeting's place."""
    local = next((p.jurisdiction for p in places if p.jurisdiction and not p.national), None)
    if local is not None:
        return local
    if places and all(p.national for p in places):
        return next((p.jurisdiction for p in places if p.jurisdiction), meeting)
    return meeting


def resolve_participant(
    participant: Participant, place: Jurisdiction | None, doc_id: str = ""
) -> ResolvedParticipant:
    """Place the participant, key the person and each of their offices."""
    country = place.country if place else None
    offices = [
        (title, _office_key(title.text), office_place(title.text, country))
        for title in participant.titles
    ]
    offices = [(title, key, where) for title, key, where in offices if key]
    home = _home([where for _, _, where in offices], place)
    key = name_key(participant.name)
    titles = tuple(
        ResolvedTitle(
            text=title.text,
            span=title.span,
            post_id=post_id(office_key, where.jurisdiction or home),
            office_key=office_key,
            jurisdiction=where.jurisdiction or home,
        )
        for title, office_key, where in offices
    )
    tie = offices[0][1] if offices else f"doc:{doc_id}"
    return ResolvedParticipant(key, home, person_key(key, home, tie), titles)


def resolve_body(body: Body | None) -> ResolvedBody | None:
    """The convening body as (jurisdiction, canonical name); None when the text names none."""
    if body is None or not body.name:
        return None
    return _resolve_body(body.name, body.jurisdiction, body.country)


@lru_cache(maxsize=4096)
def _resolve_body(name: str, jurisdiction: str | None, country: str | None) -> ResolvedBody | None:
    """Cached: a corpus names a few hundred bodies, each in thousands of readouts, and the
    result (frozen) depends on nothing else."""
    key = _office_key(name)
    if not key:
        return None
    place = Jurisdiction(jurisdiction, country) if jurisdiction else None
    shown = strip_adjectival_places(name)
    label = f"{place.name} / {shown}" if place else shown
    body_id = make_id("body", place.country if place else None, place.name if place else None, key)
    return ResolvedBody(body_id, key, name, label, place)


def post_label(title: str, place: Jurisdiction | None) -> str:
    shown = strip_adjectival_places(title)
    return f"{place.name} / {shown}" if place else shown
