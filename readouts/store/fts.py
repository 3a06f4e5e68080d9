"""The full-text index over documents: the one part of the schema that differs by database.

SQLite gets an FTS5 *external-content* table over ``documents`` (title and text), kept in
step by triggers, so a document and its index entry are written in the same transaction and
the text is stored once.  PostgreSQL gets a generated ``tsvector`` column on ``documents``
(title weighted above text) with a GIN index, which the database keeps in step by itself.
Both stem English words (Porter / the ``english`` configuration), so a search for "meeting"
finds "meetings" on either database.

How to query (the query text must be passed as a bound parameter, never formatted in):

* SQLite: ``SELECT d.* FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid
  WHERE documents_fts MATCH :q ORDER BY bm25(documents_fts)`` -- ``:q`` in FTS5 syntax, so
  quote user text as phrases (see :func:`fts5_phrases`).
* PostgreSQL: ``SELECT * FROM documents WHERE search @@ plainto_tsquery('english', :q)
  ORDER BY ts_rank(search, plainto_tsquery('english', :q)) DESC``.
"""

from __future__ import annotations

import regex
from sqlalchemy import Connection

FTS_TABLE = "documents_fts"
PG_SEARCH_COLUMN = "search"
PG_CONFIG = "english"
#: PostgreSQL caps a tsvector at 1 MB; readouts are far shorter, but a 10 MB input is not.
PG_MAX_INDEXED_CHARS = 500_000

_SQLITE_DDL = (
    f"""CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(
        title, text, content='documents', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2')""",
    f"""CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_ai AFTER INSERT ON documents BEGIN
        INSERT INTO {FTS_TABLE}(rowid, title, text) VALUES (new.id, new.title, new.text);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_ad AFTER DELETE ON documents BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_au AFTER UPDATE OF title, text ON documents
    BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO {FTS_TABLE}(rowid, title, text) VALUES (new.id, new.title, new.text);
    END""",
)

_PG_DDL = (
    f"""ALTER TABLE documents ADD COLUMN IF NOT EXISTS {PG_SEARCH_COLUMN} tsvector
        GENERATED ALWAYS AS (
            setweight(to_tsvector('{PG_CONFIG}', coalesce(title, '')), 'A')
            || setweight(to_tsvector('{PG_CONFIG}', left(text, {PG_MAX_INDEXED_CHARS})), 'B')
        ) STORED""",
    f"CREATE INDEX IF NOT EXISTS ix_documents_search ON documents USING GIN ({PG_SEARCH_COLUMN})",
)


def create_fulltext_index(conn: Connection) -> None:
    """Create the dialect's full-text index over ``documents`` (idempotent)."""
    statements = _SQLITE_DDL if conn.dialect.name == "sqlite" else _PG_DDL
    for statement in statements:
        conn.exec_driver_sql(statement)


_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’][\p{L}]+)?")


def fts5_phrases(query: str) -> str | None:
    """User text as an FTS5 query that means "all these words", whatever characters it holds.

    Each word becomes a quoted phrase, so FTS5 operators (``AND``, ``NEAR``, ``*``, ``:``,
    ``^``, quotes, parentheses) and SQL fragments are searched for as plain words.  ``None``
    when the text has no word at all (nothing to search for).
    """
    words = [w.replace('"', '""') for w in _WORD.findall(query)]
    return " ".join(f'"{w}"' for w in words) if words else None
