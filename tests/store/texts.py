"""Short readouts written for the store tests: fictional people, real places.

Each function returns the text of one document; the arguments change what the tests need
to vary (the day, the people, the province) while the rest stays a plausible readout.
"""

from __future__ import annotations


def standing_meeting(
    day: int = 10,
    secretary: str = "Xia Peiran",
    deputy: str = "Wu Jinglan",
    province: str = "Hunan",
    topic: str = "flood control and the spring sowing of rice in the hill counties",
) -> str:
    """A provincial Party standing committee meeting on May ``day``, 2023."""
    return (
        f" date 2023-05-{day:02d} The Standing Committee of the Provincial Party Committee held "
        "a meeting\n\n"
        f"{province} Daily, May {day}th (reporter Lin Qiao) On the morning of the {day}th, "
        f"{secretary}, Secretary of the Provincial Party Committee, presided over a meeting of "
        f"the Standing Committee of the Provincial Party Committee to study {topic}. {deputy}, "
        "Deputy Secretary of the Provincial Party Committee and Governor, reported on the work "
        "of the provincial government. The meeting emphasized that it is necessary to protect "
        "every village along the river and to keep the granaries full.\n"
    )


def second_report(day: int = 10, secretary: str = "Xia Peiran", deputy: str = "Wu Jinglan") -> str:
    """Another outlet's own account of :func:`standing_meeting` (same day, body, people)."""
    return (
        f" date 2023-05-{day + 1:02d} Provincial leaders discuss the rainy season\n\n"
        f"Xiangjiang Weekly, May {day + 1}th On May {day}, 2023, the Standing Committee of the "
        f"Hunan Provincial Party Committee held a meeting chaired by {secretary}, Secretary of "
        f"the Provincial Party Committee. Governor {deputy} attended. Officials reviewed the "
        "plan for dikes, pumping stations and emergency shelters before the rains arrive.\n"
    )


def syndicated_copy(text: str) -> str:
    """``text`` as another site reposts it: a word changed, a credit and an editor's line."""
    return text.replace("every village", "each village") + "(Source: Hunan Daily; Editor: Mo Lan)\n"


def executive_meeting(province: str, governor: str, title: str, day: int, attendee: str) -> str:
    """A provincial government executive meeting in June 2023."""
    return (
        f" date 2023-06-{day:02d} {province} Provincial government holds executive meeting\n\n"
        f"{province} Daily, June {day}th On the afternoon of the {day}th, {governor}, {title} of "
        f"{province} Province, presided over the executive meeting of the provincial government "
        f"to arrange the summer grain purchase. {attendee} attended the meeting.\n"
    )


def not_a_readout() -> str:
    return (
        " date 2023-05-12 Azaleas bloom early on the terraces\n\n"
        "Visitors crowded the mountain roads this weekend as the azaleas opened two weeks "
        "earlier than usual, and the village guesthouses were full for the first time since "
        "the spring rains.\n"
    )
