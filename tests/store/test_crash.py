"""Crash safety: an ingest killed with SIGKILL mid-run, then rerun, ends complete and exact.

The real CLI ingests a few thousand small files; once some batches are committed the process
is killed without warning (no cleanup, no rollback handler).  The rerun must finish the job:
one document per file, none twice, none missing, none half-written (every meeting and
participant of a stored record present, the full-text index in step, the people's counts
matching the evidence).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from generated import small_readouts
from sqlalchemy import func, select

from readouts.ids import doc_id
from readouts.store import Store, open_store
from readouts.store import schema as t

REPO = Path(__file__).resolve().parents[2]
N_FILES = 1500
KILL_AFTER = 200  # documents committed before the kill
BATCH = 50


def _stored(store: Store) -> int:
    with store.begin() as conn:
        return int(conn.execute(select(func.count()).select_from(t.documents)).scalar_one())


def _ingest(target: str, folder: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "readouts",
            "ingest",
            str(folder),
            "--db",
            target,
            "--batch-size",
            str(BATCH),
            "-q",
        ],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _kill_mid_run(target: str, folder: Path) -> int:
    process = _ingest(target, folder)
    with open_store(target) as store:
        deadline = time.monotonic() + 300
        while (
            _stored(store) < KILL_AFTER and process.poll() is None and time.monotonic() < deadline
        ):
            time.sleep(0.05)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        assert process.returncode == -signal.SIGKILL
        return _stored(store)


@pytest.mark.slow
def test_killed_ingest_reruns_to_an_exact_store(store_target: str, tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    expected = set()
    for name, text in small_readouts(N_FILES):
        (folder / name).write_text(text, encoding="utf-8")
        expected.add(doc_id(text))
    before = _kill_mid_run(store_target, folder)
    assert KILL_AFTER <= before < N_FILES, "the kill must land mid-run"
    assert before % BATCH == 0, "only whole batches are ever stored"
    rerun = _ingest(store_target, folder)
    out, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err
    assert f"{N_FILES - before} new, {before} already stored" in out
    with open_store(store_target) as store:
        _check_complete(store, expected)


def _check_complete(store: Store, expected: set[str]) -> None:
    d, s, m, p = t.documents, t.sources, t.meetings, t.participations
    with store.begin() as conn:
        assert set(conn.execute(select(d.c.doc_id)).scalars()) == expected
        assert conn.execute(select(func.count()).select_from(d)).scalar() == len(expected)
        assert conn.execute(select(func.count(s.c.content_id.distinct()))).scalar() == len(expected)
        assert conn.execute(select(func.count()).select_from(s)).scalar() == len(expected)
        in_doc = select(func.count()).where(m.c.doc_id == d.c.doc_id).scalar_subquery()
        half_docs = conn.execute(select(func.count()).where(d.c.n_meetings != in_doc)).scalar()
        in_meeting = select(func.count()).where(p.c.meeting_id == m.c.meeting_id).scalar_subquery()
        half_meetings = conn.execute(
            select(func.count()).where(m.c.n_participants != in_meeting)
        ).scalar()
        assert (half_docs, half_meetings) == (0, 0)
        events = (
            select(func.count(p.c.event_id.distinct()))
            .where(p.c.person_id == t.people.c.person_id)
            .scalar_subquery()
        )
        wrong_counts = conn.execute(
            select(func.count()).where(t.people.c.n_meetings != events)
        ).scalar()
        unsummarized = conn.execute(
            select(func.count(p.c.person_id.distinct())).where(
                p.c.person_id.not_in(select(t.people.c.person_id))
            )
        ).scalar()
        assert (wrong_counts, unsummarized) == (0, 0)
        if store.dialect == "sqlite":
            conn.exec_driver_sql(
                "INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')"
            )
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
