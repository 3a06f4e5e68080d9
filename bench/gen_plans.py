"""What each generated document reports: one meeting plan per document index.

A plan fixes the facts of a meeting (kind, jurisdiction, day, who presided, reported, spoke and
attended, in which office, what was studied) before any wording is chosen, so that a second
report of the same meeting by another outlet can be written from the same facts, and so that
session numbers follow the calendar (executive meetings counted from the governor's first day).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from gen_world import FIRST_DAY, LAST_DAY, Jurisdiction, Seat, World


@dataclass(frozen=True)
class Plan:
    kind: str
    place: Jurisdiction
    day: dt.date
    time_of_day: str | None
    presider: Seat
    speakers: tuple[Seat, ...] = ()
    reporters: tuple[Seat, ...] = ()
    attendees: tuple[Seat, ...] = ()
    guests: tuple[str, ...] = ()
    number: int = 0
    term: int = 0
    topic: tuple[str, str] = ("", "")
    document: str = ""
    decision: str = ""
    formulations: tuple[str, ...] = ()
    directives: tuple[str, ...] = ()


#: Meeting kinds and how often each is written: [kind, country, weight].
MEETING_KINDS = (
    ("standing", "CN", 22),
    ("executive", "CN", 16),
    ("study", "CN", 6),
    ("conference", "CN", 12),
    ("symposium", "CN", 6),
    ("party_group", "CN", 5),
    ("congress", "CN", 6),
    ("plenary", "CN", 2),
    ("democratic_life", "CN", 2),
    ("leading_group", "CN", 6),
    ("city_standing", "CN", 5),
    ("vn_standing", "VN", 5),
    ("vn_committee", "VN", 5),
    ("vn_executive", "VN", 2),
    ("vn_working", "VN", 4),
)

#: When each provincial people's congress term opened (newest first) and its number.
CONGRESS_TERMS = (
    (dt.date(2023, 1, 15), 14),
    (dt.date(2018, 1, 20), 13),
    (dt.date(2013, 1, 20), 12),
    (dt.date(2008, 1, 20), 11),
)

#: Consecutive documents' days are this many days apart (coprime with the number of days).
DAY_STRIDE = 7919


def plan_for(world: World, seed: int, index: int) -> Plan:
    """The meeting that document ``index`` reports when it is an original."""
    rng = random.Random(f"{seed}/{index}/plan")
    kinds = [k for k, _, _ in MEETING_KINDS]
    weights = [w for _, _, w in MEETING_KINDS]
    kind = rng.choices(kinds, weights)[0]
    country = next(c for k, c, _ in MEETING_KINDS if k == kind)
    place, day = _slot(world, seed, index, country)
    if kind == "democratic_life":
        day = dt.date(day.year, 12, rng.randint(18, 30))
    return PLANNERS[kind](world, place, day, rng)


def _slot(world: World, seed: int, index: int, country: str) -> tuple[Jurisdiction, dt.date]:
    """Where and when document ``index``'s meeting is held, without a body meeting twice a day.

    Real bodies do not hold two meetings of one kind on one day, but independent random days
    make that common in a large corpus (and the ingest then rightly links the two as reports of
    one meeting).  So days are dealt out in rounds: document ``index`` gets day ``index *
    DAY_STRIDE`` (mod the number of days) of round ``index // days``, and the rounds of one day
    go to different places (an offset drawn per day): two documents of a day share a place only
    after every place of the country has had a meeting that day.
    """
    days = (LAST_DAY - FIRST_DAY).days + 1
    day_index = (index * DAY_STRIDE + seed) % days
    places = [p for p in world.places if p.country == country]
    offset = random.Random(f"{seed}/{day_index}/{country}/places").randrange(len(places))
    place = places[(index // days + offset) % len(places)]
    return place, FIRST_DAY + dt.timedelta(days=day_index)


def _common(world: World, rng: random.Random, day: dt.date, country: str) -> dict[str, Any]:
    work = world.parts["work"]
    usable = [f for f, year in work["formulations"] if year <= day.year]
    pool = work["topics"] if country == "CN" else [(t, t) for t in work["vn_topics"]]
    return {
        "time_of_day": rng.choice(("morning", "morning", "afternoon", "afternoon", None)),
        "topic": tuple(rng.choice(pool)),
        "document": rng.choice(work["documents"]),
        "decision": rng.choice(work["decisions"]),
        "formulations": (
            tuple(rng.sample(usable, min(len(usable), rng.randint(0, 2))))
            if country == "CN"
            else ()
        ),
        "directives": tuple(rng.sample(work["directives"], 2)),
    }


def _seats(place: Jurisdiction, world: World, day: dt.date, *keys: str) -> tuple[Seat, ...]:
    return tuple(place.seat(key, day, world) for key in keys)


def _plan_standing(world: World, place: Jurisdiction, day: dt.date, rng: random.Random) -> Plan:
    sec, gov, dsec, org, npc, cppcc = _seats(
        place, world, day, "sec", "gov", "dsec", "org", "npc", "cppcc"
    )
    reporter = rng.choice(
        (gov, dsec, org, place.seat(rng.choice(("drc", "fin", "agri")), day, world))
    )
    return Plan(
        "standing",
        place,
        day,
        presider=sec,
        reporters=(reporter,),
        attendees=(npc, cppcc) if rng.random() < 0.6 else (),
        **_common(world, rng, day, "CN"),
    )


def _plan_executive(world: World, place: Jurisdiction, day: dt.date, rng: random.Random) -> Plan:
    gov, evg, vg1, vg2, vg3, sg = _seats(place, world, day, "gov", "evg", "vg1", "vg2", "vg3", "sg")
    tenure = place.posts["gov"].at(day)
    number = (day - max(tenure.start, FIRST_DAY)).days // 12 + 1
    reporter = rng.choice((vg1, vg2, vg3))
    return Plan(
        "executive",
        place,
        day,
        presider=gov,
        reporters=(reporter,),
        attendees=(evg, vg1, vg2, vg3, sg),
        number=number,
        **_common(world, rng, day, "CN"),
    )


def _plan_study(world: World, place: Jurisdiction, day: dt.date, rng: random.Random) -> Plan:
    sec, dsec, npc = _seats(place, world, day, "sec", "dsec", "npc")
    return Plan(
        "study",
        place,
        day,
        presider=sec,
        speakers=(dsec, npc),
        guests=(world.person("CN", rng),),
        **_common(world, rng, day, "CN"),
    )


def _plan_conference(world: World, place: Jurisdiction, day: dt.date, rng: random.Random) -> Plan:
    speaker = place.seat(rng.choice(("evg", "vg1", "vg2", "vg3")), day, world)
    presider = place.seat(rng.choice(("sg", "emg", "drc", "agri")), day, world)
    return Plan(
        "conference",
        place,
        day,
        presider=presider,
        speakers=(speaker,),
        **_common(world, rng, day, "CN"),
    )


def _plan_symposium(world: World, place: Jurisdiction, day: dt.date, rng: random.Random) -> Plan:
    sec, gov, sg = _seats(place, world, day, "sec", "gov", "sg")
    presider, other = (sec, gov) if rng.random() < 0.6 else (gov, sg)
    guests = tuple(world.person("CN", rng) for _ in range(3))
    return Plan(
        "symposium",
        place,
        day,
        presider=presider,
        attendees=(other,),
        guests=guests,
        **_common(world, rng, day, "CN"),
    )


def _plan_party_group(world: World, place: Jurisdiction, day: dt.date, rng: random.Random) -> Plan:
    gov, evg, vg2, sg = _seats(place, world, day, "gov", "evg", "vg2", "sg")
    gov = replace(
        gov, title="Secretary of the Party Group of the Provincial Government and Governor"
    )
    return Plan(
        "party_group",
        place,
        day,
        presider=gov,
        reporters=(sg,),
        attendees=(evg, vg2),
        **_common(world, rng, day, "CN"),
    )


def _plan_congress(world: World, place: Jurisdiction, day: dt.date, rng: random.Random) -> Plan:
    npc, vd1, vd2 = _seats(place, world, day, "npc", "npc_vd1", "npc_vd2")
    vice = place.seat(rng.choice(("vg1", "vg2", "vg3")), day, world)
    term_start, term = next((start, term) for start, term in CONGRESS_TERMS if day >= start)
    return Plan(
        "congress",
        place,
        day,
        presider=npc,
        reporters=(vice,),
        attendees=(vd1, vd2),
        number=(day - term_start).days // 60 + 1,
        term=term,
        **_common(world, rng, day, "CN"),
    )


def _plan_plenary(world: World, place: Jurisdiction, day: dt.date, rng: random.Random) -> Plan:
    sec, gov = _seats(place, world, day, "sec", "gov")
    second_term = day >= dt.date(2021, 11, 1)
    term_start = dt.date(2021, 11, 1) if second_term else dt.date(2016, 11, 1)
    return Plan(
        "plenary",
        place,
        day,
        presider=sec,
        reporters=(gov,),
        number=(day - term_start).days // 200 + 1,
        term=place.term_base + second_term,
        **_common(world, rng, day, "CN"),
    )


def _plan_democratic(world: World, place: Jurisdiction, day: dt.date, rng: random.Random) -> Plan:
    (sec,) = _seats(place, world, day, "sec")
    guide = Seat(world.person("CN", rng), "Deputy Head of the Central Guidance Group", "")
    return Plan(
        "democratic_life",
        place,
        day,
        presider=sec,
        attendees=(guide,),
        **_common(world, rng, day, "CN"),
    )


def _plan_leading(world: World, place: Jurisdiction, day: dt.date, rng: random.Random) -> Plan:
    evg, vg2, sg = _seats(place, world, day, "evg", "vg2", "sg")
    reporter = place.seat(rng.choice(("emg", "agri", "drc")), day, world)
    return Plan(
        "leading_group",
        place,
        day,
        presider=evg,
        reporters=(reporter,),
        attendees=(vg2, sg),
        **_common(world, rng, day, "CN"),
    )


def _plan_city(world: World, place: Jurisdiction, day: dt.date, rng: random.Random) -> Plan:
    csec, mayor = _seats(place, world, day, "csec", "mayor")
    return Plan(
        "city_standing",
        place,
        day,
        presider=csec,
        reporters=(mayor,),
        **_common(world, rng, day, "CN"),
    )


def _plan_vn(
    world: World, place: Jurisdiction, day: dt.date, rng: random.Random, kind: str
) -> Plan:
    sec, sdsec, pcc, vpc1, vpc2, vpc3, council, dpi = _seats(
        place, world, day, "sec", "sdsec", "pcc", "vpc1", "vpc2", "vpc3", "council", "dpi"
    )
    common = _common(world, rng, day, "VN")
    if kind == "vn_committee":
        return Plan(
            kind,
            place,
            day,
            presider=pcc,
            reporters=(rng.choice((vpc2, dpi)),),
            attendees=(vpc1, vpc2, vpc3),
            **common,
        )
    if kind == "vn_working":
        which = rng.choice(("1", "2"))
        hosts = _seats(place, world, day, f"dsec{which}", f"dchair{which}")
        return Plan(
            kind,
            place,
            day,
            presider=sec,
            reporters=(hosts[1],),
            attendees=hosts,
            guests=(place.districts[int(which) - 1],),
            **common,
        )
    number = (day - dt.date(2020, 10, 15)).days // 45 + 1 if day.year > 2020 else day.month
    return Plan(
        kind,
        place,
        day,
        presider=sec,
        reporters=(rng.choice((sdsec, dpi)),),
        attendees=(sdsec, pcc, council),
        number=number,
        **common,
    )


Planner = Callable[[World, Jurisdiction, dt.date, random.Random], "Plan"]
PLANNERS: dict[str, Planner] = {
    "standing": _plan_standing,
    "executive": _plan_executive,
    "study": _plan_study,
    "conference": _plan_conference,
    "symposium": _plan_symposium,
    "party_group": _plan_party_group,
    "congress": _plan_congress,
    "plenary": _plan_plenary,
    "democratic_life": _plan_democratic,
    "leading_group": _plan_leading,
    "city_standing": _plan_city,
    "vn_standing": lambda w, p, d, r: _plan_vn(w, p, d, r, "vn_standing"),
    "vn_committee": lambda w, p, d, r: _plan_vn(w, p, d, r, "vn_committee"),
    "vn_executive": lambda w, p, d, r: _plan_vn(w, p, d, r, "vn_executive"),
    "vn_working": lambda w, p, d, r: _plan_vn(w, p, d, r, "vn_working"),
}


def same_day_plans(world: World, seed: int, index: int) -> tuple[Plan, Plan]:
    """A Standing Committee meeting in the morning and an executive meeting that afternoon."""
    rng = random.Random(f"{seed}/{index}/plan")
    place = rng.choice([p for p in world.places if p.country == "CN"])
    day = FIRST_DAY + dt.timedelta(days=rng.randint(0, (LAST_DAY - FIRST_DAY).days))
    first = replace(_plan_standing(world, place, day, rng), time_of_day="morning")
    second = replace(_plan_executive(world, place, day, rng), time_of_day="afternoon")
    return first, second
