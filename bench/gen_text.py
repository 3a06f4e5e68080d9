"""Writing a meeting plan out as a readout, in the phrasing of the outlets that publish them.

Chinese provincial dailies open with a dateline and "(reporter ...)", refer to "the Provincial
Party Committee" without naming the province, and end with who attended; a wire report
("CHANGSHA, March 14 (Xinhua) --") names the province and often leaves out the attendance
line; Vietnamese provincial newspapers write "Comrade X - Secretary of ..." lists.  Each
renderer draws its wording from the document's own random generator, so two reports of one
plan read differently while stating the same facts.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence

from gen_plans import Plan
from gen_world import MONTHS, Seat

#: A rendered document body: (headline, paragraphs after the dateline).
Body = tuple[str, list[str]]
DIRECTIVE_LEADS = (
    "The meeting pointed out that it is necessary to",
    "The meeting emphasized that we must",
    "The meeting stressed that it is necessary to",
    "The meeting required that we should",
)


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def listing(items: Sequence[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def appositive(seat: Seat) -> str:
    return f"{seat.name}, {seat.title},"


def appositives(seats: Sequence[Seat]) -> str:
    """'A, Governor, and B, Vice Governor,' so that each office stays with its name."""
    return ", and ".join(appositive(s).rstrip(",") for s in seats) + ","


def before(seat: Seat) -> str:
    """'Governor Gu Weizhen' when the office is written before names, else the appositive."""
    return f"{seat.short} {seat.name}" if seat.short else appositive(seat)


def when(plan: Plan) -> str:
    """'On the morning of the 14th' (the dateline gives month and year)."""
    day = ordinal(plan.day.day)
    return f"On the {plan.time_of_day} of the {day}" if plan.time_of_day else f"On the {day}"


def provincial(plan: Plan, wire: bool) -> str:
    """Dailies write 'the Provincial ...'; a wire report names the province."""
    return f"{plan.place.name} Provincial" if wire else "Provincial"


def directives(plan: Plan, rng: random.Random, subject: str = "") -> str:
    first, second = plan.directives
    lead = (
        f"{subject} pointed out that it is necessary to" if subject else rng.choice(DIRECTIVE_LEADS)
    )
    sentence = f"{lead} {first}"
    if plan.formulations:
        quoted = listing([f'"{f}"' for f in plan.formulations])
        sentence += f" and to implement the {quoted} in every county"
    closing = rng.choice(
        (
            "The meeting emphasized that we must",
            "It is necessary to",
            "The meeting called for efforts to",
        )
    )
    return f"{sentence}. {closing} {second}."


def cn_standing(plan: Plan, rng: random.Random, wire: bool) -> Body:
    short, long = plan.topic
    body = f"the Standing Committee of the {provincial(plan, wire)} Party Committee"
    sec, reporter = plan.presider, plan.reporters[0]
    if rng.random() < 0.5:
        anchor = (
            f"{when(plan)}, {appositive(sec)} presided over a meeting of {body} to convey "
            f"and study the spirit of {plan.document} and to study {long}."
        )
    else:
        anchor = (
            f"{when(plan)}, {body} held a meeting to convey and study the spirit of "
            f"{plan.document} and to deploy {long}. {sec.name}, {sec.title}, presided "
            f"over the meeting and delivered a speech."
        )
    closing = [
        f"{appositive(reporter)} reported on {short}. Members of the Standing Committee "
        "of the Provincial Party Committee attended the meeting."
    ]
    if plan.attendees:
        closing.append(f"{appositives(plan.attendees)} attended as non-voting delegates.")
    headline = f"Standing Committee of the Provincial Party Committee holds meeting on {short}"
    return headline, [anchor, directives(plan, rng), " ".join(closing)]


def cn_executive(plan: Plan, rng: random.Random, wire: bool) -> Body:
    short, long = plan.topic
    gov, reporter = plan.presider, plan.reporters[0]
    government = (
        f"the {plan.place.name} provincial government" if wire else "the provincial government"
    )
    anchor = (
        f"{when(plan)}, {before(gov)} presided over the {ordinal(plan.number)} executive "
        f"meeting of {government} to study {long} and the draft {plan.decision}."
    )
    middle = (
        f"The meeting reviewed and approved in principle the draft {plan.decision}. "
        f"{before(reporter)} reported on {short}. {directives(plan, rng)}"
    )
    evg, vg1, vg2, vg3, sg = plan.attendees
    vices = listing([vg1.name, vg2.name, vg3.name])
    closing = (
        f"{before(evg)}, Vice Governors {vices} and Secretary-General {sg.name} attended "
        "the meeting."
    )
    headline = f"Provincial government holds {ordinal(plan.number)} executive meeting"
    return headline, [anchor, middle, closing]


def cn_study(plan: Plan, rng: random.Random, wire: bool) -> Body:
    short, long = plan.topic
    sec = plan.presider
    group = f"the theoretical study centre group of the {provincial(plan, wire)} Party Committee"
    anchor = (
        f"{when(plan)}, {group} held a collective study session on {long}. "
        f"{sec.name}, {sec.title}, presided over the session and delivered a speech."
    )
    dsec, npc = plan.speakers
    lecture = (
        f"Professor {plan.guests[0]} of the Provincial Party School gave a special lecture."
        f" {appositives((dsec, npc))} spoke in turn about their study."
    )
    closing = "Members of the theoretical study centre group attended the session."
    headline = f"Theoretical study centre group holds study session on {short}"
    return headline, [anchor, lecture, directives(plan, rng, sec.name), closing]


def cn_conference(plan: Plan, rng: random.Random, wire: bool) -> Body:
    short, long = plan.topic
    kind = rng.choice(("work conference", "teleconference", "video conference"))
    speaker = plan.speakers[0]
    scope = f"{plan.place.name} provincial" if wire else "provincial"
    anchor = (
        f"{when(plan)}, the {scope} {short} {kind} was held in "
        f"{plan.place.capital} to deploy {long}. {before(speaker)} attended and delivered "
        "a speech."
    )
    closing = (
        f"{appositive(plan.presider)} presided over the meeting. Responsible comrades of "
        "the relevant departments attended the meeting at the main venue, and the cities "
        "and counties attended at branch venues."
    )
    headline = f"Province holds {kind} on {short}"
    return headline, [anchor, directives(plan, rng, speaker.name), closing]


def cn_symposium(plan: Plan, rng: random.Random, wire: bool) -> Body:
    short, _ = plan.topic
    group = rng.choice(
        ("private entrepreneurs", "experts and scholars", "grassroots representatives")
    )
    host, other = plan.presider, plan.attendees[0]
    held = f"held by the {plan.place.name} Provincial Party Committee " if wire else ""
    anchor = (
        f"{when(plan)}, {appositive(host)} presided over a symposium with {group} {held}in "
        f"{plan.place.capital} to listen to their opinions and suggestions on {short}."
    )
    middle = (
        f"{listing(list(plan.guests))} spoke in turn. After listening carefully, "
        f"{host.name} delivered a speech. {directives(plan, rng, host.name)}"
    )
    closing = f"{before(other).rstrip(',')} attended the symposium."
    return f"Provincial leaders hold symposium with {group}", [anchor, middle, closing]


def cn_party_group(plan: Plan, rng: random.Random, wire: bool) -> Body:
    gov, reporter = plan.presider, plan.reporters[0]
    group = f"the Party Group of the {provincial(plan, wire)} Government"
    anchor = (
        f"{when(plan)}, {appositive(gov)} presided over an enlarged meeting of {group} to "
        f"convey and study the spirit of {plan.document}."
    )
    middle = f"{before(reporter)} reported on the implementation plan. {directives(plan, rng)}"
    closing = f"{appositives(plan.attendees)} attended the meeting."
    return "Party Group of the Provincial Government holds enlarged meeting", [
        anchor,
        middle,
        closing,
    ]


def cn_congress(plan: Plan, rng: random.Random, wire: bool) -> Body:
    short, long = plan.topic
    npc, vice = plan.presider, plan.reporters[0]
    body = (
        f"the Standing Committee of the {ordinal(plan.term)} {plan.place.name} Provincial "
        "People's Congress"
    )
    tod = f"the {plan.time_of_day} of " if plan.time_of_day else ""
    anchor = (
        f"The {ordinal(plan.number)} meeting of {body} opened in {plan.place.capital} on "
        f"{tod}the {ordinal(plan.day.day)}. {appositive(npc)} presided over the meeting."
    )
    middle = (
        f"Entrusted by the provincial government, {before(vice)} made a report on {long}. "
        f"The meeting also reviewed the draft {plan.decision}."
    )
    closing = f"{appositives(plan.attendees)} attended the meeting."
    return f"Provincial People's Congress Standing Committee meets on {short}", [
        anchor,
        middle,
        closing,
    ]


def cn_plenary(plan: Plan, rng: random.Random, wire: bool) -> Body:
    sec, gov = plan.presider, plan.reporters[0]
    session = (
        f"The {ordinal(plan.number)} Plenary Session of the {ordinal(plan.term)} "
        f"{plan.place.name} Provincial Party Committee"
    )
    anchor = (
        f"{session} was held in {plan.place.capital} on the {ordinal(plan.day.day)}. The "
        f"Standing Committee of the Provincial Party Committee presided over the session. "
        f"{appositive(sec)} delivered a speech at the session."
    )
    middle = (
        f"The plenary session heard and discussed the work report made by {sec.name} on "
        f'behalf of the Standing Committee, and reviewed and approved the "{plan.decision}'
        f'". {appositive(gov)} explained the draft.'
    )
    closing = "Members and alternate members of the Provincial Party Committee attended."
    return f"{session} held in {plan.place.capital}", [
        anchor,
        middle,
        directives(plan, rng),
        closing,
    ]


def cn_democratic(plan: Plan, rng: random.Random, wire: bool) -> Body:
    sec, guide = plan.presider, plan.attendees[0]
    body = f"the Standing Committee of the {provincial(plan, wire)} Party Committee"
    anchor = (
        f"{when(plan)}, {body} held a special democratic life meeting for {plan.day.year}. "
        f"{appositive(sec)} presided over the meeting and made concluding remarks."
    )
    middle = (
        f"{sec.name} first reported on the inspection of the Standing Committee on behalf "
        "of the Standing Committee. The other members then made self-criticisms one by "
        "one."
    )
    closing = f"{appositive(guide)} attended the meeting and gave comments. {directives(plan, rng)}"
    return "Standing Committee holds special democratic life meeting", [anchor, middle, closing]


def cn_leading(plan: Plan, rng: random.Random, wire: bool) -> Body:
    short, long = plan.topic
    evg, reporter = plan.presider, plan.reporters[0]
    group = f"the {provincial(plan, wire)} Leading Group for {short.title()}"
    anchor = (
        f"{when(plan)}, {group} held a meeting to study {long}. {evg.name}, "
        f"{evg.title} and Head of the Leading Group, presided over the meeting."
    )
    middle = f"{appositive(reporter)} reported on the work of the past stage."
    vg2, sg = plan.attendees
    closing = (
        f"{before(vg2)} and Secretary-General {sg.name} attended the meeting. "
        f"{directives(plan, rng)}"
    )
    return f"Provincial leading group meets on {short}", [anchor, middle, closing]


def cn_city(plan: Plan, rng: random.Random, wire: bool) -> Body:
    short, long = plan.topic
    sec, mayor = plan.presider, plan.reporters[0]
    body = f"the Standing Committee of the {plan.place.capital} Municipal Party Committee"
    anchor = f"{when(plan)}, {appositive(sec)} presided over a meeting of {body} to study {long}."
    middle = f"{appositive(mayor)} reported on {short}. {directives(plan, rng)}"
    return f"Municipal Party Committee Standing Committee meets on {short}", [anchor, middle]


def vn_when(plan: Plan) -> str:
    date = f"{MONTHS[plan.day.month - 1]} {plan.day.day}, {plan.day.year}"
    return f"On the {plan.time_of_day} of {date}" if plan.time_of_day else f"On {date}"


def comrades(seats: Sequence[Seat]) -> str:
    return "; ".join(f"{s.name} - {s.title}" for s in seats)


def vn_meeting(plan: Plan, rng: random.Random, wire: bool) -> Body:
    topic, _ = plan.topic
    name = plan.place.name
    chair, reporter = plan.presider, plan.reporters[0]
    if plan.kind == "vn_committee":
        body, what = f"the {name} Provincial People's Committee", "its regular meeting"
        headline = "Provincial People's Committee holds regular meeting"
    elif plan.kind == "vn_executive":
        body = f"the {name} Provincial Party Executive Committee"
        what = f"its {ordinal(plan.number)} Conference"
        headline = f"Provincial Party Executive Committee reviews {topic}"
    else:
        body, what = f"the Standing Board of the {name} Provincial Party Committee", "a meeting"
        headline = f"Standing Board of the Provincial Party Committee reviews {topic}"
    anchor = f"{vn_when(plan)}, {body} held {what} to review {topic}."
    attending = (
        f"Comrade {chair.name} - {chair.title} chaired the meeting. Attending were "
        f"comrades: {comrades(plan.attendees)}."
    )
    middle = f"Comrade {reporter.name} - {reporter.title} presented the report on {topic}."
    closing = (
        f"Concluding the meeting, Comrade {chair.name} requested departments to "
        f"{plan.directives[0]}. It is necessary to {plan.directives[1]}."
    )
    return headline, [" ".join((anchor, attending)), middle, closing]


def vn_working(plan: Plan, rng: random.Random, wire: bool) -> Body:
    sec, (dsec, chair) = plan.presider, plan.attendees
    district = plan.guests[0]
    anchor = (
        f"{vn_when(plan)}, a working delegation of the Standing Board of the "
        f"{plan.place.name} Provincial Party Committee led by Comrade {sec.name} - "
        f"{sec.title}, had a working session with the Standing Committee of {district} "
        "District Party Committee."
    )
    hosts = (
        f"Also attending were Comrade {dsec.name} - {dsec.title}; Comrade {chair.name} - "
        f"{chair.title}."
    )
    closing = (
        f"At the working session, Comrade {chair.name} reported on {plan.topic[0]}. "
        f"Speaking at the session, Comrade {sec.name} asked the district to "
        f"{plan.directives[0]}."
    )
    return f"Provincial Party Secretary works with {district} district", [anchor, hosts, closing]


RENDERERS: dict[str, Callable[[Plan, random.Random, bool], Body]] = {
    "standing": cn_standing,
    "executive": cn_executive,
    "study": cn_study,
    "conference": cn_conference,
    "symposium": cn_symposium,
    "party_group": cn_party_group,
    "congress": cn_congress,
    "plenary": cn_plenary,
    "democratic_life": cn_democratic,
    "leading_group": cn_leading,
    "city_standing": cn_city,
    "vn_standing": vn_meeting,
    "vn_committee": vn_meeting,
    "vn_executive": vn_meeting,
    "vn_working": vn_working,
}
CN_WIRES = ("Xinhua", "China News Service")
VN_WIRES = ("VNA", "VietnamPlus", "Nhan Dan")


def render(plan: Plan, rng: random.Random, wire: bool, reporter: str) -> str:
    """The full text of one report of ``plan``: header, dateline and paragraphs."""
    headline, paragraphs = RENDERERS[plan.kind](plan, rng, wire)
    if wire:
        headline = f"{plan.place.name}: {headline[0].lower()}{headline[1:]}"
        paragraphs = [paragraphs[0], wire_closing(plan, rng)]
    published = plan.day
    if plan.place.country == "VN":
        outlet = rng.choice(VN_WIRES) if wire else plan.place.outlet
        paragraphs[0] = f"({outlet}) - {paragraphs[0]}"
        return "\n".join([headline, *paragraphs]) + "\n"
    if rng.random() < 0.4 and (plan.day + dt.timedelta(days=1)).month == plan.day.month:
        published = plan.day + dt.timedelta(days=1)
    month, day = MONTHS[published.month - 1], published.day
    if wire:
        city = plan.place.capital.upper()
        dateline = f"{city}, {month} {day} ({rng.choice(CN_WIRES)}) -- "
    else:
        outlet = (
            f"{plan.place.capital} Daily" if plan.kind == "city_standing" else plan.place.outlet
        )
        dateline = f"{outlet}, {month} {ordinal(day)} (reporter {reporter}) "
    paragraphs[0] = dateline + paragraphs[0]
    return f" date {published.isoformat()} {headline}\n\n" + "\n\n".join(paragraphs) + "\n"


def wire_closing(plan: Plan, rng: random.Random) -> str:
    """A wire report keeps the lead and says the rest in a sentence or two of its own, so that
    it reads as another report of the meeting, not as a copy of the first."""
    short, _ = plan.topic
    people = [*plan.reporters, *plan.speakers, *plan.attendees]
    told = ""
    if people:
        verb = rng.choice(("briefed the participants on", "gave an account of"))
        told = f"{before(people[0]).rstrip(',')} {verb} {short}. "
    first, second = plan.directives
    return told + rng.choice(
        (
            f"Participants agreed on the need to {first} and to {second}.",
            f"According to the participants, the priority now is to {first}.",
            f"Officials attending the gathering were urged to {second}.",
        )
    )


def same_day_paragraph(plan: Plan, rng: random.Random) -> str:
    """The second meeting of a one-day, two-meeting report ("On the afternoon of the same day")."""
    short, long = plan.topic
    return (
        f"On the {plan.time_of_day} of the same day, {before(plan.presider)} presided over the "
        f"{ordinal(plan.number)} executive meeting of the provincial government to arrange "
        f"{long}. {before(plan.reporters[0])} reported on {short}. The meeting emphasized "
        f"that we must {plan.directives[1]}."
    )
