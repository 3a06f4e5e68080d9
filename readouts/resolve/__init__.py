"""Resolution across documents: one person, body and post however and wherever written.

Pure functions from record values to keys and deterministic ids (:mod:`.keys`,
:mod:`.participants`), the places offices name (:mod:`.places`), and the replay of
analysts' judgements (:mod:`.judgements`).  The store calls these while ingesting and
keeps the results in its tables; nothing here does I/O.
"""

from readouts.resolve.judgements import Judgement, JudgementLog
from readouts.resolve.participants import (
    ResolvedBody,
    ResolvedParticipant,
    ResolvedTitle,
    resolve_body,
    resolve_participant,
)

__all__ = [
    "Judgement",
    "JudgementLog",
    "ResolvedBody",
    "ResolvedParticipant",
    "ResolvedTitle",
    "resolve_body",
    "resolve_participant",
]
