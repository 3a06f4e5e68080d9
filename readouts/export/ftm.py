"""FollowTheMoney entities, so that our people and posts open in Aleph and OpenSanctions tools.

One JSON object per line, ``{"id", "schema", "properties"}`` with every property a list of
strings, as ``ftm`` and ``nomenklatura`` read them.  The mapping:

* ``Person`` (people: ``name``, ``alias``, ``country``);
* ``Organization`` (convening bodies: ``name`` = the label with the jurisdiction,
  ``alias`` = the name as written, ``country``, ``jurisdiction``);
* ``Position`` (posts: ``name`` = label, ``alias`` = title, ``country``,
  ``subnationalArea`` = the jurisdiction);
* ``Occupancy`` (``holder`` -> Person, ``post`` -> Position, ``startDate`` / ``endDate`` =
  the first and last meeting in the corpus that gives the office, said so in
  ``description`` because the real tenure may be longer);
* ``Event`` (merged meetings: ``name``, ``date``, ``organizer`` -> Organization,
  ``involved`` -> every Person, ``country``, ``publisher`` = the outlets,
  ``sourceUrl`` where a source is a URL, ``recordId`` = our event id).

Ids are our own deterministic ids (``per_…``, ``body_…``, ``post_…``, ``evt_…``), and
``occ_…`` made from the holder's and the post's ids, so re-exporting the same corpus gives
the same entities and Aleph updates rather than duplicates them.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from typing import Any, TextIO

from sqlalchemy import select

from readouts.export.merged import iter_merged_meetings
from readouts.resolve.keys import make_id
from readouts.store import Store
from readouts.store import schema as t

OCCUPANCY_NOTE = (
    "startDate and endDate are the first and last meetings in the readouts corpus that give "
    "this office; the tenure may be longer."
)
Entity = dict[str, Any]


def entity(entity_id: str, schema: str, **properties: Any) -> Entity:
    """An FtM entity; ``None`` and empty values are left out, scalars become one-item lists."""
    props: dict[str, list[str]] = {}
    for name, value in properties.items():
        values = value if isinstance(value, list) else [value]
        kept = [str(v) for v in values if v not in (None, "")]
        if kept:
            props[name] = list(dict.fromkeys(kept))
    return {"id": entity_id, "schema": schema, "properties": props}


def _country(code: str | None) -> str | None:
    return code.lower() if code else None


def iter_entities(store: Store) -> Iterator[Entity]:
    """People, organizations, positions, occupancies, then events, each in id order."""
    yield from _people(store)
    yield from _bodies(store)
    yield from _posts(store)
    yield from _occupancies(store)
    for meeting in iter_merged_meetings(store, with_records=False):
        yield _event(meeting)


def _people(store: Store) -> Iterator[Entity]:
    aliases: dict[str, list[str]] = defaultdict(list)
    pa = t.person_aliases.c
    with store.connect() as conn:
        for person_id, alias in conn.execute(
            select(pa.person_id, pa.alias).order_by(pa.person_id, pa.n_mentions.desc())
        ):
            aliases[person_id].append(alias)
        for row in conn.execute(select(t.people).order_by(t.people.c.person_id)).mappings():
            others = [a for a in aliases.get(row["person_id"], []) if a != row["name"]]
            yield entity(
                row["person_id"],
                "Person",
                name=row["name"],
                alias=others,
                country=_country(row["country"]),
            )


def _bodies(store: Store) -> Iterator[Entity]:
    with store.connect() as conn:
        for row in conn.execute(select(t.bodies).order_by(t.bodies.c.body_id)).mappings():
            code = _country(row["country"])
            yield entity(
                row["body_id"],
                "Organization",
                name=row["label"],
                alias=row["name"],
                country=code,
                jurisdiction=code,
            )


def _posts(store: Store) -> Iterator[Entity]:
    with store.connect() as conn:
        for row in conn.execute(select(t.posts).order_by(t.posts.c.post_id)).mappings():
            yield entity(
                row["post_id"],
                "Position",
                name=row["label"],
                alias=row["title"],
                country=_country(row["country"]),
                subnationalArea=row["jurisdiction"],
            )


def occupancy_id(person_id: str, post_id: str) -> str:
    return make_id("occ", person_id, post_id)


def _occupancies(store: Store) -> Iterator[Entity]:
    oc = t.occupancies.c
    with store.connect() as conn:
        for row in conn.execute(
            select(t.occupancies).order_by(oc.person_id, oc.post_id)
        ).mappings():
            yield entity(
                occupancy_id(row["person_id"], row["post_id"]),
                "Occupancy",
                holder=row["person_id"],
                post=row["post_id"],
                startDate=row["first_seen"],
                endDate=row["last_seen"],
                description=OCCUPANCY_NOTE,
            )


def _event(meeting: dict[str, Any]) -> Entity:
    kind = meeting["meeting_type"].replace("_", " ")
    where = meeting["body"] or meeting["jurisdiction"] or "unknown body"
    name = f"{kind.capitalize()}: {where}" + (f" ({meeting['date']})" if meeting["date"] else "")
    sources = [s for report in meeting["reports"] for s in report["sources"]]
    return entity(
        meeting["event_id"],
        "Event",
        name=name,
        date=meeting["date"],
        organizer=meeting["body_id"],
        involved=[p["person_id"] for p in meeting["participants"]],
        country=_country(meeting["country"]),
        publisher=[r["outlet"] for r in meeting["reports"]],
        sourceUrl=[s["url"] for s in sources if s.get("url")],
        recordId=meeting["event_id"],
    )


def write_ftm(store: Store, out: TextIO) -> int:
    n = 0
    for item in iter_entities(store):
        out.write(json.dumps(item, ensure_ascii=False, sort_keys=True) + "\n")
        n += 1
    return n
