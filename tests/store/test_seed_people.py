"""Issue 3's check on the real seeds (read from ../shared, never copied here): the provincial
secretary of the first two seed readouts is one person, holding the offices both give him."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from readouts.resolve.keys import name_key
from readouts.store import Store
from readouts.store import schema as t
from readouts.store.ingest import ingest_paths

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "seeds"
BOTH = [SEEDS / "seed_000.txt", SEEDS / "seed_001.txt"]


@pytest.mark.skipif(not all(p.is_file() for p in BOTH), reason="../shared/corpus is not here")
def test_the_secretary_of_two_seeds_is_one_person_with_both_offices(store: Store) -> None:
    ingest_paths(store, BOTH)
    p, o = t.people.c, t.occupancies.c
    with store.begin() as conn:
        people = conn.execute(
            select(p.person_id, p.n_documents).where(p.name_key == name_key("Zhang Qingwei"))
        ).all()
        assert len(people) == 1
        person_id, n_documents = people[0]
        offices = conn.execute(
            select(t.posts.c.office_key, o.n_documents)
            .join(t.posts, t.posts.c.post_id == o.post_id)
            .where(o.person_id == person_id)
        ).all()
    held = {office: n for office, n in offices}
    assert n_documents == 2
    # Party secretary and people's congress director, each seen in both readouts.
    assert sum(1 for n in held.values() if n == 2) >= 2, held
