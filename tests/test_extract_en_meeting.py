"""Meeting-level rules of the English extractor (is a meeting reported, its date, type, body,
jurisdiction): short fictional cases written for each rule."""

from __future__ import annotations

import pytest

from readouts import extract
from readouts.extract.en.dates import spoken_years


@pytest.mark.parametrize(
    "text",
    [
        "The Information Office held a press conference on Friday in Lamcheng on the economy of "
        "the province. Speakers: Gao Mingyuan, governor of the province.\n",
        "The provincial People's Committee has organised many investment promotion meetings "
        "abroad, said Chairman Dao Van Khiem in an interview.\n",
        "On May 4, Gao Mingyuan visited two cities. He stressed the need to carry out the plans "
        "of the work conference of the Provincial Party Committee.\n",
    ],
)
def test_not_a_readout(text: str) -> None:
    assert not extract(text).is_readout


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "On January 9, Gao Mingyuan, Secretary of the Provincial Party Committee, had a group "
            "talk with the new leadership of the Provincial People's Congress.\n",
            "working_session",
        ),
        (
            "On 4 May, President Dao Van Khiem chaired a conference in Lam Son province to "
            "complete the inspection report on the performance of the Standing Board of the "
            "provincial Party Committee.\n",
            "working_session",
        ),
        (
            "On October 9, the congress chose 61 members. After the vote, the newly elected "
            "committee convened its first meeting and went on to elect its Standing Board.\n",
            "plenary_session",
        ),
        (
            "On the afternoon of May 4, the Provincial Party Committee held a conference to "
            "announce the decision of the Politburo. Dao Van Khiem spoke at the conference.\n",
            "other",
        ),
        (
            "On February 3, the Provincial Party Committee's Rural Work Conference and the "
            "Provincial Rural Work Committee's plenary meeting were held in the capital. "
            "Gao Mingyuan presided.\n",
            "work_conference",
        ),
        (
            "On May 3, several leaders attended the meeting of the Standing Committee. Gao "
            "Mingyuan presided over the meeting.\n",
            "standing_committee_meeting",
        ),
        (
            "At the conference, Colonel Dao Van Khiem and several department heads briefed the "
            "participants on the training plan.\n",
            "work_conference",
        ),
    ],
)
def test_meeting_found_and_typed(text: str, kind: str) -> None:
    record = extract(text)
    assert record.is_readout
    assert record.meetings[0].meeting_type == kind


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("In 2023, the province grew. Work in 2024 goes on.", (2023, 2024)),
        ("Born in 1961, he joined the Party.", ()),
    ],
)
def test_years_at_a_sentence_start(text: str, years: tuple[int, ...]) -> None:
    assert spoken_years(text) == years


HEADED = (
    " date 2024-06-12 The provincial people's congress standing committee meets\n\n"
    "Gao Mingyuan presided over the first plenary meeting\n\n"
    "On the morning of June 11, the 12th session of the Standing Committee of the 14th "
    "Provincial People's Congress began in Lamcheng. Gao Mingyuan presided over the meeting.\n"
)
OWNED = (
    "On March 2, the Provincial Party Committee's Rural Work Conference was held. "
    "Gao Mingyuan presided.\n"
)


@pytest.mark.parametrize(
    ("text", "kind", "body", "session"),
    [
        (
            HEADED,
            "congress_session",
            "Standing Committee of the Provincial People's Congress",
            (12, 14),
        ),
        (OWNED, "work_conference", "Provincial Party Committee", None),
    ],
)
def test_meeting_sentence_and_body(
    text: str, kind: str, body: str, session: tuple[int, int] | None
) -> None:
    """A subheading line does not establish the meeting when a sentence of the text does; the
    body named in the meeting's own name is its owner; the term is the session's, not the
    body's."""
    assert _type_body_session(text) == (kind, body, session)


@pytest.mark.parametrize(
    ("text", "jurisdiction", "kind"),
    [
        (
            "On 2 April, President Dao Van Khiem chaired a conference in the coastal province of "
            "Nghệ An which reviewed the draft report.\n",
            "Nghe An",
            "work_conference",
        ),
        (
            "On April 3 a session of the Workers' Party of Korea [WPK] Political Bureau took "
            "place. Kim Chol Min chaired the session.\n",
            "North Korea",
            "politburo_meeting",
        ),
        (
            "On the morning of April 5, Dao Van Khiem, Secretary of the Provincial Party "
            "Committee, Head of the Delegation of the National Assembly of Ha Tinh province, "
            "attended the meeting and talked with members of the veterans' club.\n",
            "Ha Tinh",
            "working_session",
        ),
        (
            "Addressing the Government's regular meeting, which was held via videoconference on "
            "August 4, Prime Minister Dao Van Khiem said growth had recovered.\n",
            "Vietnam",
            "executive_meeting",
        ),
    ],
)
def test_jurisdiction_and_type(text: str, jurisdiction: str, kind: str) -> None:
    """Places written with diacritics are found; a national body is found in the meeting
    phrase when its name is cut short; a body inside a person's offices does not convene the
    meeting; the medium of a meeting ("via teleconference") is not the meeting."""
    meeting = extract(text).meetings[0]
    assert meeting.body is not None
    assert meeting.body.jurisdiction == jurisdiction
    assert meeting.meeting_type == kind


def test_date_of_a_thing_to_come_is_not_the_meetings() -> None:
    text = (
        "Lamcheng, July 12, 2022, 10.00 local time. The planning office took part in a "
        "coordination meeting for the Governor's field trip, which is scheduled for 14-15 July "
        "2022. Dao Van Khiem chaired the meeting.\n"
    )
    assert extract(text).meetings[0].date == "2022-07-12"


@pytest.mark.parametrize(
    ("text", "jurisdiction"),
    [
        (
            "On May 6, the Standing Committee of the Provincial Party Committee held a meeting. "
            "It studied the remarks made during the inspection tour in Zhejiang and the "
            "instructions on Jiangsu's work. Secretary Gao Mingyuan presided over the meeting.\n",
            "Jiangsu",
        ),
        (
            "On the morning of May 6, the party group of the municipal government held a meeting "
            "to study the speeches made during the Premier's research in Shandong. Gao Mingyuan "
            "presided over the meeting.\n",
            None,
        ),
    ],
)
def test_places_visited_and_places_whose_work_is_spoken_of(
    text: str, jurisdiction: str | None
) -> None:
    body = extract(text).meetings[0].body
    assert (body.jurisdiction if body else None) == jurisdiction


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "On the morning of June 2, the party group of the municipal government held an "
            "enlarged meeting. Mayor Gao Mingyuan presided over the meeting.\n",
            "party group of the municipal government",
        ),
        (
            "The party group of the provincial government of Hebei held a special democratic life "
            "meeting on May 3. Gao Mingyuan presided over the meeting.\n",
            "party group of the provincial government of Hebei",
        ),
        (
            "The fourth plenary session of the 9th Central Committee of the Communist Party of "
            "Lamland is held in the capital from May 3 to 5. Gao Mingyuan presided.\n",
            "Central Committee of the Communist Party of Lamland",
        ),
        (
            "The Political Bureau of the Communist Party of Lamland (CPL) Central Committee held "
            "a meeting on Friday. Gao Mingyuan presided over the meeting.\n",
            "Political Bureau of the Communist Party of Lamland (CPL) Central Committee",
        ),
        (
            "On May 3, Gao Mingyuan chaired the ministry's video conference to study the "
            "resolutions of the 9th Conference of the Central Committee. Tran Van Khoa spoke.\n",
            None,
        ),
        (
            "On May 3, the Standing Committee of the Provincial Party Committee held a meeting. "
            "Secretary Gao Mingyuan presided over the meeting.\n",
            "Standing Committee of the Provincial Party Committee",
        ),
        (
            "On November 8, the Political and Legal Affairs Committee of the Provincial Party "
            "Committee held an office meeting. Secretary Gao Mingyuan presided.\n",
            "Political and Legal Affairs Committee of the Provincial Party Committee",
        ),
        (
            "According to the Hebei Daily, a meeting was held last week by the Standing Committee "
            "of the Provincial Party Committee in Hebei province. Gao Mingyuan presided.\n",
            "Standing Committee of the Provincial Party Committee",
        ),
    ],
)
def test_body_names(text: str, body: str | None) -> None:
    """Bodies written in lower case, ending in a place or a party; not the body of a meeting
    the text refers to."""
    found = extract(text).meetings[0].body
    assert (found.name if found else None) == body


@pytest.mark.parametrize(
    ("text", "session"),
    [
        (
            "On May 3, the Standing Committee of the Provincial Party Committee held a meeting to "
            "study the spirit of the Sixth Plenary Session of the 13th Provincial Party "
            "Committee. Secretary Gao Mingyuan presided.\n",
            None,
        ),
        (
            "On the afternoon of May 3, Gao Mingyuan attended and delivered a speech at the 15th "
            "Plenary Session of the 14th Provincial Military Region Party Committee.\n",
            (15, 14),
        ),
        (
            "On the morning of May 6, the People's Council of Ha Tinh province, term XI, opened "
            "its 7th session. Dao Van Khiem presided.\n",
            (7, 11),
        ),
        (
            "The 20th Ha Tinh Provincial Party Congress began its work on the morning of "
            "October 2. Dao Van Khiem presided over the congress.\n",
            (20, None),
        ),
        (
            "A few days ago, the Standing Committee of the Municipal Party Committee held a "
            "meeting to study the speech made by General Secretary Gao Mingyuan at the Third "
            "Plenary Session of the 20th Commission. Secretary Lin Qiaosheng presided.\n",
            None,
        ),
    ],
)
def test_session_numbers(text: str, session: tuple[int, int | None] | None) -> None:
    meeting = extract(text).meetings[0]
    got = (meeting.session.number, meeting.session.term) if meeting.session else None
    assert got == session


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Yesterday, the 4th Session of the 15th Municipal People's Congress concluded at "
            "Lamcheng International Conference Center. Gao Mingyuan presided.\n",
            "Lamcheng International Conference Center",
        ),
        (
            "On July 24, General Dao Van Khiem chaired the ministry's online conference. The "
            "conference, held on July 24 and 25 at the Headquarters of the Ministry of National "
            "Defence, was networked with 32 units.\n",
            "Headquarters of the Ministry of National Defence",
        ),
        (
            "The extraordinary plenary meeting of the committee began today in Havana, chaired by "
            "Secretary Dao Van Khiem.\n",
            "Havana",
        ),
        (
            "On 4 May, President Dao Van Khiem chaired a conference in the coastal province of "
            "Quảng Ninh which reviewed the draft report.\n",
            "Quảng Ninh",
        ),
    ],
)
def test_location(text: str, place: str) -> None:
    location = extract(text).meetings[0].location
    assert location is not None
    assert location.name == place


def test_lead_sentence_tells_the_time_of_day() -> None:
    text = (
        " date 2025-11-03 Local news\n\n"
        "Secretary Dao Van Khiem chaired a session of the Standing Board of the Provincial Party "
        "Committee.\n\nOn the morning of November 3, the Standing Board of the Provincial Party "
        "Committee held a session chaired by Secretary Dao Van Khiem.\n"
    )
    meetings = extract(text).meetings
    assert [(m.date, m.time_of_day) for m in meetings] == [("2025-11-03", "morning")]


def test_a_ceremony_told_as_known_and_dated_by_the_lead() -> None:
    """A meeting the text opens on as on a thing known ("Also at the ceremony, ...") is a
    meeting; with no month of writing it is dated by the nearest earlier dated sentence, its
    year by the term the appointees start."""
    text = (
        "New chiefs for three districts\n"
        "On June 30 the Lamcheng city authorities named new chiefs for three districts.\n"
        "Dao Van Khiem was re-appointed as a district chief for the 2021-2026 tenure.\n"
        "He thanked the city for its trust.\n"
        "Also at the ceremony, the city handed decisions to nine deputy chiefs.\n"
        "The work ahead is heavy, said Tran Van Khoa, Secretary of the municipal Party "
        "Committee.\n"
    )
    record = extract(text)
    assert record.is_readout
    assert [(m.date, m.meeting_type) for m in record.meetings] == [("2021-06-30", "other")]


def test_separate_meetings_each_their_own() -> None:
    """An umbrella sentence ("held separate meetings") is no meeting; a unit that "also held"
    a meeting the same day held another one."""
    text = (
        " date 2023-11-10 Units of the Municipal Party Committee have lately held separate "
        "meetings to learn the spirit of the plenum.\n"
        "On November 9, the Municipal Commission for Discipline Inspection held a Standing "
        "Committee meeting on the spirit of the plenum.\n"
        "The Propaganda Department of the Municipal Party Committee also held a staff meeting "
        "on November 9 on the same subject.\n"
        "On November 8, the United Front Work Department held an office meeting on it.\n"
    )
    meetings = extract(text).meetings
    assert [m.date for m in meetings] == ["2023-11-09", "2023-11-09", "2023-11-08"]
    first = meetings[0]
    assert first.meeting_type == "standing_committee_meeting"
    assert first.body is not None
    assert first.body.name == "Municipal Commission for Discipline Inspection"


def test_delegation_attending_a_congress() -> None:
    """A delegation attending a congress session holds its own meeting: its body is the
    delegation, its place the delegation's, and the congress's numbers are not its."""
    text = (
        "On the morning of March 7, the Hebei delegation attending the Second Session of the "
        "15th National People's Congress held a group meeting in the capital. Gao Mingyuan "
        "chaired it.\n"
    )
    meeting = extract(text).meetings[0]
    assert meeting.body is not None
    assert (meeting.body.name, meeting.body.jurisdiction) == ("Hebei delegation", "Hebei")
    assert meeting.meeting_type == "congress_session"
    assert meeting.session is None


@pytest.mark.parametrize(
    ("text", "kind", "body", "session"),
    [
        (
            "Lam Son Newspaper - On the afternoon of July 12, the Provincial Party Committee's "
            "Standing Board met to give opinions on several issues. Secretary Dao Van Khiem "
            "chaired the meeting.\n",
            "standing_committee_meeting",
            "Provincial Party Committee's Standing Board",
            None,
        ),
        (
            "On 12 March 2024, the 15th Conference of the Hanoi Party Committee (expanded) opened "
            "in the capital. Secretary Dao Van Khiem presided.\n",
            "plenary_session",
            "Hanoi Party Committee",
            (15, None),
        ),
    ],
)
def test_bodies_that_meet(
    text: str, kind: str, body: str, session: tuple[int, int | None] | None
) -> None:
    """A body that "met" establishes its meeting; "the 15th Conference of the X Committee" is
    the X Committee's, numbered 15 with no term stated."""
    assert _type_body_session(text) == (kind, body, session)


def test_a_meeting_to_come_does_not_establish_one() -> None:
    text = (
        "The conference will be held on May 5 in the capital. On May 2, the Standing Committee "
        "of the Provincial Party Committee held a meeting to prepare it. Gao Mingyuan presided.\n"
    )
    meetings = extract(text).meetings
    assert [m.meeting_type for m in meetings] == ["standing_committee_meeting"]


def _type_body_session(text: str) -> tuple[str, str | None, tuple[int, int | None] | None]:
    """The first meeting's type, body name and (session number, term)."""
    meeting = extract(text).meetings[0]
    name = meeting.body.name if meeting.body else None
    session = (meeting.session.number, meeting.session.term) if meeting.session else None
    return meeting.meeting_type, name, session
