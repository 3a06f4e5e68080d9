"""Opening stores: paths and URLs, migrations recorded, WAL, clear errors for bad targets."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Integer,
    MetaData,
    Table,
    Text,
    func,
    inspect,
    select,
)
from texts import second_report, standing_meeting, syndicated_copy

from readouts.load import Document
from readouts.store import Store, StoreError, open_store
from readouts.store import schema as t
from readouts.store.ingest import ingest_documents, ingest_paths
from readouts.store.migrations import LATEST, add_missing_columns
from readouts.store.minhash import BANDS
from readouts.store.queries import MeetingFilter, get_meeting, list_meetings, person_timeline
from readouts.store.url import database_url, resolve_target


def test_new_store_is_migrated_to_latest(store: Store) -> None:
    assert store.schema_version() == LATEST
    with store.begin() as conn:
        names = conn.execute(select(t.schema_version.c.name)).scalars().all()
    assert len(names) == LATEST


def test_reopening_does_not_migrate_again(store_target: str) -> None:
    for _ in range(2):
        with open_store(store_target) as opened, opened.begin() as conn:
            rows = conn.execute(select(t.schema_version)).all()
    assert [row.version for row in rows] == list(range(1, LATEST + 1))


def test_sqlite_store_uses_wal(sqlite_store: Store) -> None:
    with sqlite_store.begin() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_store_newer_than_code_is_refused(sqlite_target: str) -> None:
    with open_store(sqlite_target) as opened, opened.begin() as conn:
        conn.execute(t.schema_version.insert().values(version=LATEST + 1, name="x", applied_at="-"))
    with pytest.raises(StoreError, match="newer than this readouts"):
        open_store(sqlite_target)


@pytest.mark.parametrize(
    ("target", "driver", "database"),
    [
        ("r.db", "sqlite+pysqlite", "r.db"),
        ("sqlite:///r.db", "sqlite+pysqlite", "r.db"),
        (":memory:", "sqlite+pysqlite", ":memory:"),
        ("postgresql://u@h/db", "postgresql+psycopg", "db"),
        ("postgres://u:p@h:5433/db", "postgresql+psycopg", "db"),
    ],
)
def test_targets_map_to_urls(target: str, driver: str, database: str) -> None:
    url = database_url(target)
    assert (url.drivername, url.database) == (driver, database)


@pytest.mark.parametrize(
    ("target", "problem"),
    [
        ("mysql://u@h/db", "unsupported store URL"),
        ("no/such/dir/r.db", "does not exist"),
        ("sqlite:///", "no file path"),
    ],
)
def test_bad_targets_say_why(target: str, problem: str) -> None:
    with pytest.raises(StoreError, match=problem):
        open_store(target)


def test_a_directory_is_not_a_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a directory"):
        open_store(str(tmp_path))


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StoreError, match="cannot open store"):
        open_store(str(path))
    assert path.read_text().startswith("these are my notes")


def test_unreachable_postgres_is_one_sentence() -> None:
    with pytest.raises(StoreError, match="cannot open store") as info:
        open_store("postgresql://nobody@127.0.0.1:1/none")
    assert "\n" not in str(info.value)


def test_default_target_comes_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READOUTS_DB", "/tmp/elsewhere.db")
    assert resolve_target(None) == "/tmp/elsewhere.db"
    assert resolve_target("given.db") == "given.db"
    monkeypatch.delenv("READOUTS_DB")
    assert resolve_target(None) == "readouts.db"


def test_an_older_store_is_migrated_on_open(store_target: str) -> None:
    """A store as version 1 left it (with two indexes since dropped) reaches the latest."""
    with open_store(store_target) as opened, opened.begin() as conn:
        conn.exec_driver_sql("CREATE INDEX ix_participations_name_key ON participations (name_key)")
        conn.exec_driver_sql(
            "CREATE INDEX ix_participations_person_key ON participations (person_key)"
        )
        conn.execute(t.schema_version.delete().where(t.schema_version.c.version > 1))
    with open_store(store_target) as opened, opened.begin() as conn:
        indexes = {i["name"] for i in inspect(conn).get_indexes("participations")}
        versions = conn.execute(select(t.schema_version.c.version)).scalars().all()
    assert "ix_participations_name_key" not in indexes
    assert "ix_participations_person_event" in indexes
    assert sorted(versions) == list(range(1, LATEST + 1))


def test_add_missing_columns_adds_what_a_table_gained(store: Store) -> None:
    old, new = MetaData(), MetaData()
    Table("scratch", old, Column("id", Integer, primary_key=True))
    grown = Table("scratch", new, Column("id", Integer, primary_key=True), Column("note", Text))
    with store.begin() as conn:
        old.create_all(conn)
        conn.exec_driver_sql("INSERT INTO scratch (id) VALUES (1)")
        add_missing_columns(conn, grown)
        add_missing_columns(conn, grown)  # twice: nothing left to add
        assert conn.execute(select(grown.c.id, grown.c.note)).all() == [(1, None)]


def test_migration_3_signs_stored_documents_again(store_target: str, tmp_path: Path) -> None:
    """A store whose signatures predate version 3 is re-signed: copies are found again."""
    (tmp_path / "a.txt").write_text(standing_meeting())
    with open_store(store_target) as opened:
        ingest_paths(opened, [tmp_path / "a.txt"])
        with opened.begin() as conn:
            conn.execute(t.minhash_bands.delete())
            conn.execute(t.minhash_bands_recent.delete())
            conn.execute(t.documents.update().values(minhash=b"old"))
            conn.execute(t.schema_version.delete().where(t.schema_version.c.version > 2))
    (tmp_path / "b.txt").write_text(syndicated_copy(standing_meeting()))
    with open_store(store_target) as opened:
        summary = ingest_paths(opened, [tmp_path / "b.txt"])
        with opened.begin() as conn:
            bands = len(_stored_bands(conn))
    assert summary.near_duplicates == 1
    assert bands == BANDS


def test_migration_4_indexes_participations_by_person_and_by_event(
    store_target: str, tmp_path: Path
) -> None:
    """A store as version 3 left it (single-column indexes on person and event) gets the two
    composite indexes in their place, and answers the person and meeting queries as before."""
    (tmp_path / "a.txt").write_text(standing_meeting())
    (tmp_path / "b.txt").write_text(second_report())
    (tmp_path / "c.txt").write_text(standing_meeting(day=17, topic="the summer harvest"))
    with open_store(store_target) as opened:
        ingest_paths(opened, [tmp_path])
        before = _answers(opened)
        with opened.begin() as conn:
            for index in t.PARTICIPATION_INDEXES:
                conn.exec_driver_sql(f"DROP INDEX {index.name}")
            for column in ("person_id", "event_id"):
                conn.exec_driver_sql(
                    f"CREATE INDEX ix_participations_{column} ON participations ({column})"
                )
            conn.execute(t.schema_version.delete().where(t.schema_version.c.version > 3))
    with open_store(store_target) as opened:
        with opened.begin() as conn:
            found = inspect(conn).get_indexes("participations")
        indexes = {index["name"]: index["column_names"] for index in found}
        after = _answers(opened)
    assert indexes["ix_participations_person_event"] == ["person_id", "event_id", "date"]
    assert indexes["ix_participations_event_person"] == ["event_id", "person_id"]
    assert "ix_participations_person_id" not in indexes
    assert "ix_participations_event_id" not in indexes
    assert after == before
    assert before[1]  # the secretary's two meetings, one of them reported twice


def test_migration_5_drops_the_unread_band_and_source_indexes(
    store_target: str, tmp_path: Path
) -> None:
    """A store as version 4 left it (bands indexed by document, sources by content) loses
    both indexes, and still finds exact and near copies through the ones left."""
    (tmp_path / "a.txt").write_text(standing_meeting())
    with open_store(store_target) as opened:
        ingest_paths(opened, [tmp_path / "a.txt"])
        with opened.begin() as conn:
            _bands_as_in_version_5(conn)
            conn.exec_driver_sql("CREATE INDEX ix_minhash_bands_doc ON minhash_bands (doc_id)")
            conn.exec_driver_sql("CREATE INDEX ix_sources_content_id ON sources (content_id)")
            conn.execute(t.schema_version.delete().where(t.schema_version.c.version > 4))
    (tmp_path / "b.txt").write_text(syndicated_copy(standing_meeting()))
    (tmp_path / "c.txt").write_text(standing_meeting())
    with open_store(store_target) as opened:
        summary = ingest_paths(opened, [tmp_path / "b.txt", tmp_path / "c.txt"])
        with opened.begin() as conn:
            bands = {i["name"] for i in inspect(conn).get_indexes("minhash_bands")}
            sources = {i["name"] for i in inspect(conn).get_indexes("sources")}
    assert "ix_minhash_bands_doc" not in bands
    assert "ix_sources_content_id" not in sources
    assert (summary.near_duplicates, summary.exact_copies) == (1, 1)


def test_migration_6_keys_the_bands_by_integer_document_id(
    store_target: str, tmp_path: Path
) -> None:
    """A store as version 5 left it (bands keyed by the text doc_id, with a band number) gets
    the compact table, rebuilt from the stored signatures, and still finds copies."""
    (tmp_path / "a.txt").write_text(standing_meeting())
    (tmp_path / "b.txt").write_text(second_report())
    with open_store(store_target) as opened:
        ingest_paths(opened, [tmp_path / "a.txt", tmp_path / "b.txt"])
        with opened.begin() as conn:
            before = _stored_bands(conn)
            _bands_as_in_version_5(conn)
            conn.execute(t.schema_version.delete().where(t.schema_version.c.version > 5))
    (tmp_path / "c.txt").write_text(syndicated_copy(standing_meeting()))
    with open_store(store_target) as opened:
        summary = ingest_paths(opened, [tmp_path / "c.txt"])
        with opened.begin() as conn:
            columns = [c["name"] for c in inspect(conn).get_columns("minhash_bands")]
            after = _stored_bands(conn)
    assert columns == ["bucket", "document_id"]
    assert len(before) == 2 * BANDS
    assert after == before  # the copy adds no bands: it is not a new document
    assert summary.near_duplicates == 1


def test_migration_7_indexes_for_linking_reports(store_target: str, tmp_path: Path) -> None:
    """A store as version 6 left it (participations indexed by meeting_id, meetings by date)
    has meetings indexed by date and body instead, and its pages read the same."""
    (tmp_path / "a.txt").write_text(standing_meeting())
    (tmp_path / "b.txt").write_text(second_report())
    with open_store(store_target) as opened:
        ingest_paths(opened, [tmp_path])
        before = _answers(opened)
        with opened.begin() as conn:
            conn.exec_driver_sql(
                "CREATE INDEX ix_participations_meeting_id ON participations (meeting_id)"
            )
            conn.exec_driver_sql("DROP INDEX ix_meetings_date_body")
            conn.exec_driver_sql("CREATE INDEX ix_meetings_date ON meetings (date)")
            conn.execute(t.schema_version.delete().where(t.schema_version.c.version > 6))
    with open_store(store_target) as opened:
        with opened.begin() as conn:
            indexes = {i["name"] for i in inspect(conn).get_indexes("participations")}
            meetings = {i["name"]: i["column_names"] for i in inspect(conn).get_indexes("meetings")}
        after = _answers(opened)
    assert "ix_participations_meeting_id" not in indexes
    assert meetings["ix_meetings_date_body"] == ["date", "body_id"]
    assert "ix_meetings_date" not in meetings
    assert after == before


def _bands_as_in_version_5(conn: Connection) -> None:
    """Replace the bands table by its layout up to version 5, holding the same bands."""
    rows = _stored_bands(conn)
    conn.exec_driver_sql("DROP TABLE minhash_bands")
    conn.exec_driver_sql("DROP TABLE minhash_bands_recent")
    conn.exec_driver_sql(
        "CREATE TABLE minhash_bands (bucket BIGINT NOT NULL, doc_id VARCHAR(64) NOT NULL "
        "REFERENCES documents (doc_id), band SMALLINT NOT NULL, PRIMARY KEY (bucket, doc_id))"
    )
    legacy = Table(
        "minhash_bands", MetaData(), Column("bucket", BigInteger), Column("doc_id", Text),
        Column("band", Integer),
    )  # fmt: skip
    if rows:
        conn.execute(
            legacy.insert(),
            [{"bucket": b, "doc_id": d, "band": i % BANDS} for i, (b, d) in enumerate(rows)],
        )


def _stored_bands(conn: Connection) -> list[tuple[int, str]]:
    """(bucket, doc_id) of every stored band, in the big table or the recent one."""
    found = []
    for table in (t.minhash_bands, t.minhash_bands_recent):
        query = select(table.c.bucket, t.documents.c.doc_id).join(
            t.documents, t.documents.c.id == table.c.document_id
        )
        found += [(bucket, doc_id) for bucket, doc_id in conn.execute(query)]
    return sorted(found)


def _answers(store: Store) -> tuple[object, ...]:
    meetings = list_meetings(store, MeetingFilter())
    person = next(p.person_id for p in meetings.meetings[0].presiders)
    timeline = person_timeline(store, person)
    assert timeline is not None
    details = [get_meeting(store, m.event_id) for m in meetings.meetings]
    return meetings, timeline.meetings, timeline.co_attendees, details


def test_map_reads_maps_a_sqlite_file_and_reads_the_same(store: Store, tmp_path: Path) -> None:
    """A serving process maps the file; what it reads does not change (PostgreSQL: no-op)."""
    (tmp_path / "a.txt").write_text(standing_meeting())
    ingest_paths(store, [tmp_path / "a.txt"])
    before = _answers(store)
    store.map_reads()
    after = _answers(store)
    assert after == before
    if store.dialect == "sqlite":
        with store.connect() as conn:
            assert (conn.exec_driver_sql("PRAGMA mmap_size").scalar() or 0) > 0


def test_map_reads_keeps_an_in_memory_store() -> None:
    with open_store(":memory:") as memory:
        ingest_documents(memory, [Document("a", standing_meeting())])
        memory.map_reads()
        with memory.connect() as conn:
            assert conn.execute(select(func.count()).select_from(t.documents)).scalar() == 1
