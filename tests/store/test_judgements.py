"""Analysts' merges and splits: applied at once, and replayed on every later ingest."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import person_ids, write
from sqlalchemy import select
from texts import executive_meeting, standing_meeting

from readouts.store import Store
from readouts.store import schema as t
from readouts.store.ingest import ingest_paths
from readouts.store.judgements import JudgementError, merge_people, split_person


def _two_wang_yu(store: Store, tmp_path: Path) -> tuple[str, str]:
    write(tmp_path, "sc.txt", executive_meeting("Sichuan", "Wang Yu", "Governor", 2, "Deng Ke"))
    write(
        tmp_path, "hn.txt", executive_meeting("Hunan", "Wang Yu", "Vice Governor", 5, "Qin Shuyi")
    )
    ingest_paths(store, [tmp_path])
    with store.begin() as conn:
        rows = conn.execute(
            select(t.people.c.jurisdiction, t.people.c.person_id).where(
                t.people.c.name == "Wang Yu"
            )
        ).all()
    ids = dict(rows)
    return ids["Sichuan"], ids["Hunan"]


def _offices(store: Store, person_id: str) -> list[str]:
    with store.begin() as conn:
        query = (
            select(t.posts.c.label)
            .join(t.occupancies, t.occupancies.c.post_id == t.posts.c.post_id)
            .where(t.occupancies.c.person_id == person_id)
            .order_by(t.posts.c.label)
        )
        return list(conn.execute(query).scalars())


def test_merge_joins_offices_and_holds_for_later_documents(store: Store, tmp_path: Path) -> None:
    sichuan, hunan = _two_wang_yu(store, tmp_path)
    outcome = merge_people(store, sichuan, hunan, note="same man, transferred")
    assert (outcome.person_id, outcome.moved) == (sichuan, 1)
    assert person_ids(store, "Wang Yu") == [sichuan]
    assert _offices(store, sichuan) == [
        "Hunan / Vice Governor of Hunan Province",
        "Sichuan / Governor of Sichuan Province",
    ]
    later = tmp_path / "later"
    write(later, "hn2.txt", executive_meeting("Hunan", "Wang Yu", "Vice Governor", 19, "Qin Shuyi"))
    ingest_paths(store, [later])
    assert person_ids(store, "Wang Yu") == [sichuan]
    with store.begin() as conn:
        n_meetings = conn.execute(
            select(t.people.c.n_meetings).where(t.people.c.person_id == sichuan)
        ).scalar()
        judgements = conn.execute(select(t.judgements.c.kind, t.judgements.c.note)).all()
    assert n_meetings == 3
    assert judgements == [("merge", "same man, transferred")]


def test_split_moves_the_named_documents_only(store: Store, tmp_path: Path) -> None:
    write(tmp_path, "a.txt", standing_meeting(day=10))
    write(tmp_path, "b.txt", standing_meeting(day=24, topic="the schools of the hill counties"))
    ingest_paths(store, [tmp_path])
    [xia] = person_ids(store, "Xia Peiran")
    with store.begin() as conn:
        doc_24 = conn.execute(
            select(t.meetings.c.doc_id).where(t.meetings.c.date == "2023-05-24")
        ).scalar_one()
    outcome = split_person(store, xia, [doc_24])
    assert outcome.moved == 1 and sorted(person_ids(store, "Xia Peiran")) == sorted(
        [xia, outcome.person_id]
    )
    later = tmp_path / "later"
    write(later, "c.txt", standing_meeting(day=28, topic="the roads of the mountain districts"))
    ingest_paths(store, [later])
    with store.begin() as conn:
        counts = dict(
            conn.execute(
                select(t.people.c.person_id, t.people.c.n_meetings).where(
                    t.people.c.name == "Xia Peiran"
                )
            ).all()
        )
    assert counts == {xia: 2, outcome.person_id: 1}


@pytest.mark.parametrize(
    ("action", "problem"),
    [
        (lambda s, a, b: merge_people(s, a, "per_0000000000000000"), "no person"),
        (lambda s, a, b: merge_people(s, a, "Wang Yu"), "ambiguous"),
        (lambda s, a, b: merge_people(s, a, a), "already one person"),
        (lambda s, a, b: split_person(s, a, ["doc_nothere"]), "is not mentioned in doc_nothere"),
        (lambda s, a, b: split_person(s, a, []), "at least one document"),
    ],
)
def test_bad_judgements_change_nothing(
    store: Store, tmp_path: Path, action: object, problem: str
) -> None:
    sichuan, hunan = _two_wang_yu(store, tmp_path)
    with pytest.raises(JudgementError, match=problem):
        action(store, sichuan, hunan)  # type: ignore[operator]
    with store.begin() as conn:
        assert conn.execute(select(t.judgements)).first() is None
    assert sorted(person_ids(store, "Wang Yu")) == sorted([sichuan, hunan])


def test_a_split_must_leave_something(store: Store, tmp_path: Path) -> None:
    write(tmp_path, "a.txt", standing_meeting(day=10))
    ingest_paths(store, [tmp_path])
    [xia] = person_ids(store, "Xia Peiran")
    with store.begin() as conn:
        doc = conn.execute(select(t.documents.c.doc_id)).scalar_one()
    with pytest.raises(JudgementError, match="nothing would remain"):
        split_person(store, xia, [doc])
