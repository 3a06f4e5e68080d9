"""People-side rules of the English extractor (names, roles, offices), one short fictional
case per rule, written for these tests."""

from __future__ import annotations

import pytest

import readouts
from readouts.extract.en.lexicon import english
from readouts.extract.en.names import find_names
from readouts.read.normalize import normalize

People = dict[str, tuple[list[str], list[str]]]


def _people(text: str) -> People:
    record = readouts.extract(text, lang="en")
    assert record.meetings, "no meeting found"
    return {
        p.name: (list(p.roles), [t.text for t in p.titles]) for p in record.meetings[0].participants
    }


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Bo Tianming [Po T'ien-ming] chaired it.", ["Bo Tianming"]),
        ("Bo Tianming (Bo Tian-ming) chaired it.", ["Bo Tianming"]),
        ("Bo Tianming 薄天明 chaired it.", ["Bo Tianming"]),
        (
            "Wu Haibo, Ding Xiaolin, Shen lirong and Ma Kai",
            ["Wu Haibo", "Ding Xiaolin", "Shen lirong", "Ma Kai"],
        ),
        ("He women and men attended.", []),
        ("Vice Premier Liu He attended. He said so.", ["Liu He"]),
        ("It was chaired by Gao An.", ["Gao An"]),
        ("Seated are O Chol Min and Kim Yong Bok.", ["O Chol Min", "Kim Yong Bok"]),
        ("Vice Chairman for Youth Organizations Choe Pyong, Premier.", ["Choe Pyong"]),
    ],
)
def test_names(text: str, names: list[str]) -> None:
    assert [h.name for h in find_names(normalize(text), english())] == names


@pytest.mark.parametrize(
    ("text", "name", "rank"),
    [
        (
            "The meeting was held. Brigadier Kofi Mensah attended the meeting.",
            "Kofi Mensah",
            "Brigadier",
        ),
        (
            "The meeting was held. Brigadier General Ha Van Son attended the meeting.",
            "Ha Van Son",
            "Brigadier General",
        ),
        ("The meeting was held. VMar Ri Chol Ho attended the meeting.", "Ri Chol Ho", "VMar"),
    ],
)
def test_ranks(text: str, name: str, rank: str) -> None:
    person = readouts.extract(text, lang="en").meetings[0].participants[0]
    assert (person.name, person.rank) == (name, rank)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Standing Committee held a meeting. Vice Chairman Rao Kemin [Jao K'o-min] "
            "chaired the meeting.",
            {"Rao Kemin": (["presided"], ["Vice Chairman"])},
        ),
        (
            "The Standing Committee held a meeting. Feng Jiaxi presided over the meeting, and "
            "Tian Yaoming deployed the work.",
            {"Feng Jiaxi": (["presided"], []), "Tian Yaoming": (["spoke"], [])},
        ),
        (
            "The Standing Committee held a meeting. Feng Jiaxi presided over the meeting; and "
            "Tian Yaoming, Secretary of the Party Group, attended the meeting.",
            {
                "Feng Jiaxi": (["presided"], []),
                "Tian Yaoming": (["attended"], ["Secretary of the Party Group"]),
            },
        ),
        (
            "The Standing Committee held a meeting. Feng Jiaxi said they followed the rulings of "
            "the Court, the Council, and Chairman Tian Yaoming, emphasized the rule of law.",
            {"Feng Jiaxi": (["spoke"], [])},
        ),
        (
            "The conference was held. Comrade Dang Van Khoa - Deputy Head of Department of "
            "Area 3, Central Organization Commission attended the conference.",
            {
                "Dang Van Khoa": (
                    ["attended"],
                    ["Deputy Head of Department of Area 3, Central Organization Commission"],
                )
            },
        ),
    ],
)
def test_roles_and_titles(text: str, expected: People) -> None:
    assert _people(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A meeting of the Political Bureau was held. Seated at the table are: WPK Vice "
            "Chairman for Light Industry Choe Pyong and Cabinet Premier and State Planning "
            "Commission Chairman Ro Kyong Il.",
            {
                "Choe Pyong": (["attended"], ["WPK Vice Chairman for Light Industry"]),
                "Ro Kyong Il": (
                    ["attended"],
                    ["Cabinet Premier", "State Planning Commission Chairman"],
                ),
            },
        ),
        (
            "The Standing Committee held a meeting. Mayor Gu Lanfeng presided over the meeting, "
            "which was also attended by Tao Xinyu. Tao Xinyu provided guidance.",
            {"Gu Lanfeng": (["presided"], ["Mayor"]), "Tao Xinyu": (["spoke", "attended"], [])},
        ),
        (
            "The Standing Committee held a meeting. Tao Xinyu, Secretary of the Party Group, "
            "made a thorough inspection on behalf of the group.",
            {"Tao Xinyu": (["reported"], ["Secretary of the Party Group"])},
        ),
        (
            "The conference was held. Major General Ha Van Son, Director of the Department of "
            "Logistics, General Department of Politics, and representatives of agencies "
            "reported on the preparations.",
            {
                "Ha Van Son": (
                    ["reported"],
                    ["Director of the Department of Logistics, General Department of Politics"],
                )
            },
        ),
        (
            "Speaking at the conference, Secretary Ma Tingyu emphasized: Comrade Lu Baiqiang is "
            "an experienced cadre.",
            {"Ma Tingyu": (["spoke"], ["Secretary"])},
        ),
        (
            "The Standing Committee held a meeting. Tao Xinyu has regularly attended the "
            "meetings of the group.",
            {"Tao Xinyu": (["attended"], [])},
        ),
        (
            "The Standing Committee held a meeting. Tao Xinyu, Deputy Secretary of the Party "
            "Committee, and members of the Standing Committee made statements.",
            {"Tao Xinyu": (["spoke"], ["Deputy Secretary of the Party Committee"])},
        ),
        (
            "The session closed. Tao Xinyu, executive chairman of the presidium and the "
            "director of the Standing Committee, presided over the meeting.",
            {
                "Tao Xinyu": (
                    ["presided"],
                    ["executive chairman of the presidium", "director of the Standing Committee"],
                )
            },
        ),
        (
            "The session closed. Tao Xinyu, Gu Lanfeng and other city leaders on the rostrum "
            "were seated on the rostrum.",
            {"Tao Xinyu": (["attended"], []), "Gu Lanfeng": (["attended"], [])},
        ),
        (
            "On 3 May, Bo Tianming 薄天明 CPC General Secretary presided over a meeting.",
            {"Bo Tianming": (["presided"], ["CPC General Secretary"])},
        ),
        (
            "The conference was held. Minister of Culture, General Pham Van Hoa, chaired the "
            "conference.",
            {"Pham Van Hoa": (["presided"], ["Minister of Culture"])},
        ),
        (
            "The meeting was held. The Chairman of the Provincial Committee and Party Secretary, "
            "Gao Mingyuan, presided over the meeting.",
            {
                "Gao Mingyuan": (
                    ["presided"],
                    ["Chairman of the Provincial Committee", "Party Secretary"],
                )
            },
        ),
        (
            "The conference was held. Reporting to the Governor on the plan, Comrade Tran Van "
            "Binh said the work went well.",
            {"Tran Van Binh": (["spoke"], [])},
        ),
        (
            "The State Council held a meeting. Vice Premier Ding Haoran and State Councilor "
            "Wang Qiu attended.",
            {
                "Ding Haoran": (["attended"], ["Vice Premier"]),
                "Wang Qiu": (["attended"], ["State Councilor"]),
            },
        ),
        (
            "The summit was held. Lao President Khamphet Vongsavanh and Cambodian Prime "
            "Minister Sok Vannak attended the meeting.",
            {
                "Khamphet Vongsavanh": (["attended"], ["Lao President"]),
                "Sok Vannak": (["attended"], ["Cambodian Prime Minister"]),
            },
        ),
        (
            "The conference was held. Politburo member and Standing member of the Secretariat "
            "Tran Van Khoa attended the conference. Li Ming (centre) chaired the conference.",
            {
                "Tran Van Khoa": (
                    ["attended"],
                    ["Politburo member", "Standing member of the Secretariat"],
                ),
                "Li Ming": (["presided"], []),
            },
        ),
        (
            "The meeting was held. He Ming, Director of the Office, and members of the "
            "Standing Committee attended the meeting and reported on the work.",
            {"He Ming": (["reported", "attended"], ["Director of the Office"])},
        ),
        (
            "State President Lê Văn Khải chaired a conference in Quảng Ninh. Concluding the "
            "event, President Khải commended Quảng Ninh's progress.",
            {"Lê Văn Khải": (["presided", "spoke"], ["State President"])},
        ),
        (
            "The Standing Committee held a meeting. Zhou Mingde, Secretary of the Party "
            "Committee, attended. Zhou Mingde presided. Secretary Zhou stressed the work.",
            {
                "Zhou Mingde": (
                    ["presided", "spoke", "attended"],
                    ["Secretary of the Party Committee"],
                )
            },
        ),
        (
            "The conference was held. Also attending were Politburo member, Secretary of the "
            "Party Central Committee, Head of the Central Commission Le Van Tam; Deputy Prime "
            "Minister Ho Van Ba.",
            {
                "Le Van Tam": (
                    ["attended"],
                    [
                        "Politburo member",
                        "Secretary of the Party Central Committee",
                        "Head of the Central Commission",
                    ],
                ),
                "Ho Van Ba": (["attended"], ["Deputy Prime Minister"]),
            },
        ),
        (
            "The conference was held. Speaking at the conference, Politburo member, Party "
            "Central Committee Secretary, Head of the Commission Le Van Tam emphasized the "
            "task. Secretary of the Party Central Committee Le Van Tam also noted the plan. "
            "Addressing the Governor, Gao Ming said it.",
            {
                "Le Van Tam": (
                    ["spoke"],
                    [
                        "Politburo member",
                        "Party Central Committee Secretary",
                        "Head of the Commission",
                    ],
                ),
                "Gao Ming": (["spoke"], []),
            },
        ),
        (
            "The Standing Committee held a meeting. Gao Ming presided. The meeting pointed out "
            "that General Secretary Bo Tianming stressed that reform is key. The meeting "
            "studied Bo Tianming Thought. General Secretary Bo emphasized in his speech that "
            "reform is key.",
            {"Gao Ming": (["presided"], [])},
        ),
        (
            "The news agency reported that Gao Ming presided over the meeting of the Standing "
            "Committee.",
            {"Gao Ming": (["presided"], [])},
        ),
        (
            "The conference was held on May 2.\nAttending the conference:\nVu Van Nam, "
            "Chairman of the People's Committee\n- Le Thi Hoa, Vice Chairwoman\nThe "
            "conference reviewed the plan. Participants included Ha Van Son.",
            {
                "Vu Van Nam": (["attended"], ["Chairman of the People's Committee"]),
                "Le Thi Hoa": (["attended"], ["Vice Chairwoman"]),
                "Ha Van Son": (["attended"], []),
            },
        ),
        (
            "The meeting was held. Gao Ming presided over the meeting, also in attendance were "
            "Zhou Wei and Li Na. A second meeting was held with Ma Kai in attendance.",
            {
                "Gao Ming": (["presided"], []),
                "Zhou Wei": (["attended"], []),
                "Li Na": (["attended"], []),
                "Ma Kai": (["attended"], []),
            },
        ),
    ],
)
def test_cues(text: str, expected: People) -> None:
    assert _people(text) == expected


@pytest.mark.parametrize(
    ("sentence", "roles"),
    [
        ("Gao Wenbo gave a briefing on the plan.", ["reported"]),
        ("Gao Wenbo, on behalf of the Standing Committee, made a work report.", ["reported"]),
        ("Gao Wenbo summarized the work.", ["spoke"]),
        ("Gao Wenbo delivered opening remarks.", ["spoke"]),
        ("Gao Wenbo gave a mobilization speech.", ["spoke"]),
        ("Gao Wenbo gave an address.", ["spoke"]),
        ("Gao Wenbo delivered the opening speech.", ["spoke"]),
        ("Gao Wenbo and Qiu Lan respectively made speeches.", ["spoke"]),
        ("Gao Wenbo made a report on the speech.", ["reported"]),
        ("Gao Wenbo attended the meeting to guide and comment.", ["spoke", "attended"]),
        ("Gao Wenbo presided over the meeting to hear work reports.", ["presided"]),
    ],
)
def test_role_phrases(sentence: str, roles: list[str]) -> None:
    people = _people("The meeting was held. " + sentence)
    assert people["Gao Wenbo"][0] == roles


@pytest.mark.parametrize(
    ("opening", "role"),
    [
        ("Taking part in the meeting were", "attended"),
        ("Also joining were", "attended"),
        ("Hosting the meeting was", "presided"),
        ("Seated on the rostrum were", "attended"),
    ],
)
def test_object_phrases(opening: str, role: str) -> None:
    people = _people(f"The meeting was held. {opening} Gao Wenbo and Qiu Lan.")
    assert people == {"Gao Wenbo": ([role], []), "Qiu Lan": ([role], [])}


def test_plural_label_keeps_its_case() -> None:
    people = _people("The meeting was held. Deputy PMs Gao Wenbo and Qiu Lan also attended.")
    assert people == {
        "Gao Wenbo": (["attended"], ["Deputy PM"]),
        "Qiu Lan": (["attended"], ["Deputy PM"]),
    }
