"""Analysts' corrections to the resolver, replayed on every ingest so none is ever lost.

A judgement is kept as a log entry, not as an edit of the rows it changed: ``merge A B``
(B is the same person as A) and ``split P docs`` (P's mentions in these documents are
someone else).  The person a participation belongs to is its resolver key run through the
log in order, so a document ingested after the judgement lands where the analyst said, and
the same log over the same corpus always gives the same people.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from readouts.resolve.keys import make_id

MERGE = "merge"
SPLIT = "split"


@dataclass(frozen=True, slots=True)
class Judgement:
    kind: str  # MERGE | SPLIT
    person_id: str  # merge: the survivor; split: the person split
    other_id: str | None = None  # merge: the person merged into person_id
    doc_ids: frozenset[str] = frozenset()  # split: documents whose mentions leave person_id
    new_person_id: str | None = None  # split: the split-off person's id


def split_person_id(person_id: str, doc_ids: Iterable[str]) -> str:
    """The id of the person split off ``person_id`` for these documents (deterministic)."""
    return make_id("per", "split", person_id, *sorted(set(doc_ids)))


class JudgementLog:
    """The judgements in the order they were made, ready to apply to resolver keys."""

    def __init__(self, judgements: Iterable[Judgement]) -> None:
        self.judgements = tuple(judgements)
        involved: set[str] = set()
        for judgement in self.judgements:
            involved.add(judgement.person_id)
            if judgement.other_id:
                involved.add(judgement.other_id)
        self._involved = frozenset(involved)

    def person_id(self, person_key: str, doc_id: str) -> str:
        """Where the analysts' judgements put a mention the resolver keyed ``person_key``."""
        if person_key not in self._involved:
            return person_key
        current = person_key
        for judgement in self.judgements:
            if judgement.kind == MERGE and current == judgement.other_id:
                current = judgement.person_id
            elif (
                judgement.kind == SPLIT
                and current == judgement.person_id
                and doc_id in judgement.doc_ids
                and judgement.new_person_id
            ):
                current = judgement.new_person_id
        return current

    def __len__(self) -> int:
        return len(self.judgements)
