"""The record types: the one place the readout record is defined.

Everything downstream (the CLI, the evaluation, the store, the API, the exports) speaks these
types, and the JSON Schema that ``readouts schema`` prints is generated from them, so the
contract in ``spec/record.md`` cannot drift from the code.  Every model forbids unknown keys so
that a typo in a gold file or an API payload fails loudly instead of being silently dropped.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

#: ``[start, end)`` offsets into the document text, as Python ``str`` indices.
Span = Annotated[tuple[int, int], Field(description="[start, end) offsets into the text")]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=True)


class Lang(str, Enum):
    en = "en"
    zh = "zh"
    vi = "vi"


class MeetingType(str, Enum):
    plenary_session = "plenary_session"
    standing_committee_meeting = "standing_committee_meeting"
    politburo_meeting = "politburo_meeting"
    executive_meeting = "executive_meeting"
    party_group_meeting = "party_group_meeting"
    leading_group_meeting = "leading_group_meeting"
    study_session = "study_session"
    democratic_life_meeting = "democratic_life_meeting"
    work_conference = "work_conference"
    symposium = "symposium"
    congress_session = "congress_session"
    working_session = "working_session"
    other = "other"


class TimeOfDay(str, Enum):
    morning = "morning"
    afternoon = "afternoon"
    evening = "evening"


class Role(str, Enum):
    presided = "presided"
    spoke = "spoke"
    reported = "reported"
    attended = "attended"


class AgendaKind(str, Enum):
    convey = "convey"
    report = "report"
    review = "review"
    deploy = "deploy"
    award = "award"
    other = "other"


class Evidence(_Model):
    """A piece of text quoted from the document with the place it stands."""

    text: str
    span: Span


class Body(_Model):
    name: str | None = Field(description="the convening body as written; null if unnamed")
    jurisdiction: str | None = Field(
        description="province, city, county, military region or country, Latin script"
    )
    country: str | None = Field(description="ISO 3166 alpha-2")
    span: Span | None = Field(description="where the body (or its jurisdiction) is named")


class Session(_Model):
    number: int
    term: int | None = None
    span: Span | None = None


class Location(_Model):
    name: str
    span: Span


class AgendaItem(_Model):
    kind: AgendaKind
    text: str
    span: Span


class Participant(_Model):
    name: str = Field(description="as written, without honorifics or ranks")
    roles: list[Role] = Field(default_factory=list)
    titles: list[Evidence] = Field(default_factory=list)
    rank: str | None = None
    rank_span: Span | None = None
    mentions: list[Span] = Field(default_factory=list)


class MeetingEvidence(_Model):
    """Spans for the meeting's scalar values, so that each one can be traced and highlighted."""

    date: Span | None = None
    time_of_day: Span | None = None
    meeting_type: Span | None = None


class Meeting(_Model):
    date: str | None = Field(description="YYYY-MM-DD or YYYY-MM; null when no year is known")
    time_of_day: TimeOfDay | None = None
    body: Body | None = None
    meeting_type: MeetingType = MeetingType.other
    session: Session | None = None
    location: Location | None = None
    participants: list[Participant] = Field(default_factory=list)
    agenda: list[AgendaItem] = Field(default_factory=list)
    formulations: list[Evidence] = Field(default_factory=list)
    directives: list[Evidence] = Field(default_factory=list)
    span: Span
    evidence: MeetingEvidence = Field(default_factory=MeetingEvidence)


class HeaderEvidence(_Model):
    title: Span | None = None
    published: Span | None = None
    outlet: Span | None = None


class Record(_Model):
    doc_id: str
    source: str
    lang: Lang
    title: str | None = None
    published: str | None = Field(default=None, description="YYYY-MM-DD")
    outlet: str | None = None
    is_readout: bool
    meetings: list[Meeting] = Field(default_factory=list)
    evidence: HeaderEvidence = Field(default_factory=HeaderEvidence)
    extractor: str = Field(description="name and version of the extractor that made the record")
    text: str | None = Field(
        default=None,
        description="the text the offsets point into, when it is not the file as read (HTML)",
    )


def record_schema() -> dict[str, Any]:
    """The JSON Schema of a record, as ``readouts schema`` prints it."""
    schema = Record.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://readouts.invalid/schema/record.json"
    return schema
