"""Typed queries over a corpus store, for the CLI, the REST API and the web pages.

Each function takes an open :class:`~readouts.store.Store` and returns pydantic models from
:mod:`.results`, the same on SQLite and PostgreSQL.  Meetings are merged meetings (one per
real meeting, with every report and source).  User text is always data: it is bound as a
parameter and, for full-text search, quoted word by word.  See ``QUERIES.md`` here.
"""

from readouts.store.queries.filters import MAX_LIMIT, MeetingFilter, QueryError
from readouts.store.queries.meetings import (
    body_activity,
    find_bodies,
    get_meeting,
    list_meetings,
)
from readouts.store.queries.people import find_people, person_timeline
from readouts.store.queries.search import search
from readouts.store.queries.stats import corpus_stats, formulation_counts

__all__ = [
    "MAX_LIMIT",
    "MeetingFilter",
    "QueryError",
    "body_activity",
    "corpus_stats",
    "find_bodies",
    "find_people",
    "formulation_counts",
    "get_meeting",
    "list_meetings",
    "person_timeline",
    "search",
]
