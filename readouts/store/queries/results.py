"""What the corpus queries return: small frozen pydantic models, one per kind of answer.

The CLI prints them, the REST API returns them as they are (FastAPI serialises pydantic
models) and ``--json`` is ``model_dump(mode="json")``, so the three never disagree about a
field's name or type.  Meetings are always *merged* meetings (``events``): one real meeting
with every report of it and every place each report was seen.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class _Result(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class PersonRef(_Result):
    person_id: str
    name: str


class SourceRef(_Result):
    """One place a report was seen: the original file or URL, or a syndicated copy."""

    source: str
    relation: str = Field(description="original | exact_copy | near_duplicate")
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    similarity: float | None = None


class Report(_Result):
    """One document's account of a meeting."""

    meeting_id: str
    doc_id: str
    title: str | None
    outlet: str | None
    published: str | None
    body_name: str | None = Field(description="the body as this report writes it")
    sources: list[SourceRef]


class MeetingSummary(_Result):
    """A merged meeting as a list shows it."""

    event_id: str
    date: str | None
    meeting_type: str
    body_id: str | None
    body: str | None = Field(description='the body\'s label: "Hunan / Standing Committee ..."')
    jurisdiction: str | None
    country: str | None
    session_number: int | None
    session_term: int | None
    presiders: list[PersonRef]
    n_participants: int = Field(description="distinct people over every report")
    n_reports: int
    reports: list[Report]


class MeetingPage(_Result):
    total: int = Field(description="meetings matching the filters, over every page")
    limit: int
    offset: int
    meetings: list[MeetingSummary]


class MeetingParticipant(_Result):
    """A person at a merged meeting: roles and offices over every report of it."""

    person_id: str
    name: str
    roles: list[str]
    titles: list[str]


class MeetingItemText(_Result):
    kind: str = Field(description="agenda | formulation | directive")
    agenda_kind: str | None
    text: str
    doc_id: str


class MeetingDetail(_Result):
    meeting: MeetingSummary
    participants: list[MeetingParticipant]
    items: list[MeetingItemText]


class SearchMeeting(_Result):
    """A meeting reported by a document that matched, with the people the query names."""

    event_id: str
    meeting_id: str
    date: str | None
    meeting_type: str
    body: str | None
    jurisdiction: str | None
    matched_people: list[PersonRef]


class SearchHit(_Result):
    doc_id: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str = Field(description="an excerpt around the matched words, plain text")
    highlights: list[tuple[int, int]] = Field(
        description="[start, end) offsets of the matched words in the snippet"
    )
    n_sources: int
    meetings: list[SearchMeeting]


class SearchResults(_Result):
    query: str
    total: int = Field(description="documents matching, over every page")
    limit: int
    offset: int
    hits: list[SearchHit]


class PersonSummary(_Result):
    person_id: str
    name: str
    aliases: list[str]
    jurisdiction: str | None
    country: str | None
    n_meetings: int
    n_documents: int
    first_seen: str | None
    last_seen: str | None


class Office(_Result):
    """A post a person was seen holding, with the first and last meeting that says so."""

    post_id: str
    title: str
    label: str
    jurisdiction: str | None
    first_seen: str | None
    last_seen: str | None
    n_meetings: int
    n_documents: int


class TimelineMeeting(_Result):
    event_id: str
    date: str | None
    meeting_type: str
    body_id: str | None
    body: str | None
    jurisdiction: str | None
    roles: list[str]
    titles: list[str]
    doc_ids: list[str]


class CoAttendee(_Result):
    person_id: str
    name: str
    jurisdiction: str | None
    n_shared: int = Field(description="merged meetings both attended")


class PersonTimeline(_Result):
    person: PersonSummary
    offices: list[Office]
    meetings: list[TimelineMeeting] = Field(description="oldest first")
    n_meetings_shown: int
    co_attendees: list[CoAttendee] = Field(description="most shared meetings first")


class BodySummary(_Result):
    body_id: str
    name: str
    label: str
    jurisdiction: str | None
    country: str | None
    n_meetings: int


class PeriodCount(_Result):
    period: str | None = Field(description='"2023" or "2023-05"; null for undated meetings')
    n_meetings: int


class BodyActivity(_Result):
    body: BodySummary
    periods: list[PeriodCount]


class Count(_Result):
    key: str | None
    n: int


class CorpusStats(_Result):
    documents: int
    sources: int
    readouts: int
    reports: int = Field(description="meetings as reported, one per document and meeting")
    meetings: int = Field(description="merged meetings (events)")
    people: int
    bodies: int
    posts: int
    occupancies: int
    by_year: list[Count]
    by_jurisdiction: list[Count]
    by_type: list[Count]
    top_formulations: list[Count]


class FormulationCount(_Result):
    formulation: str
    period: str | None
    jurisdiction: str | None
    n_meetings: int
