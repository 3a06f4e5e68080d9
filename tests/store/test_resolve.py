"""The resolver's keys: who is one person, which offices and bodies are one."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readouts.model import Body, Evidence, Participant
from readouts.resolve import JudgementLog, resolve_body, resolve_participant
from readouts.resolve.judgements import MERGE, SPLIT, Judgement
from readouts.resolve.keys import name_key, words_key
from readouts.resolve.places import Jurisdiction, named_jurisdiction, strip_places

HUNAN = Jurisdiction("Hunan", "CN")
SICHUAN = Jurisdiction("Sichuan", "CN")


def person(name: str, *titles: str) -> Participant:
    return Participant(name=name, titles=[Evidence(text=t, span=(0, len(t))) for t in titles])


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Trần Văn Sơn", "Tran Van Son"),
        ("Đỗ Thị Hà", "Do Thi Ha"),
        ("Xi Jin-ping", "Xi Jinping"),
        ("ZHANG  Wei", "Zhang Wei"),
    ],
)
def test_spellings_of_one_name_share_a_key(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Secretary of the Hunan Provincial Party Committee",
            "Provincial Party Committee Secretary",
        ),
        (
            "Chairman of the People’s Council of Nghe An province",
            "Chairman of the Provincial People's Council",
        ),
        ("Vice-Governor", "Vice Governor"),
        ("Secretary of the CPC Provincial Committee", "Provincial Party Committee Secretary"),
        (
            "General Secretary of the CPC Central Committee",
            "general secretary of the Communist Party of China (CPC) Central Committee",
        ),
    ],
)
def test_ways_of_writing_an_office_share_a_key(a: str, b: str) -> None:
    assert words_key(strip_places(a)) == words_key(strip_places(b))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Secretary of the Provincial Party Committee",
            "Deputy Secretary of the Provincial Party Committee",
        ),
        ("Governor", "Vice Governor"),
        ("Director of the Standing Committee of the Provincial People's Congress", "Director"),
    ],
)
def test_different_offices_keep_different_keys(a: str, b: str) -> None:
    assert words_key(a) != words_key(b)


@given(
    st.lists(
        st.sampled_from(["Party", "Standing", "Committee", "of", "the", "Secretary"]), max_size=8
    )
)
def test_office_key_ignores_word_order(words: list[str]) -> None:
    shuffled = words[:]
    random.Random(0).shuffle(shuffled)
    assert words_key(" ".join(words)) == words_key(" ".join(shuffled))


@given(st.text(max_size=60))
def test_keys_are_stable_under_refolding(text: str) -> None:
    assert words_key(words_key(text)) == words_key(text)
    assert name_key(name_key(text)) == name_key(text)


@pytest.mark.parametrize(
    ("title", "place"),
    [
        ("Secretary of the Quang Binh Provincial Party Committee", "Quang Binh"),
        ("Head of the National Assembly Delegation of Nghe An province", "Nghe An"),
        ("General Secretary of the CPC Central Committee", "China"),
        ("Political Commissar of Military Region 4", "Military Region 4"),
        ("Secretary of the Provincial Party Committee", None),
        ("Head of the Provincial National Assembly Delegation", None),
        ("Alternate Member of the Party Central Committee", "Vietnam"),
        ("Minister of Public Security", "Vietnam"),
        ("Commander", None),
    ],
)
def test_offices_name_their_place(title: str, place: str | None) -> None:
    found = named_jurisdiction(title, "VN")
    assert (found.name if found else None) == place


def test_same_name_same_place_is_one_person_whatever_the_office() -> None:
    a = resolve_participant(person("Wang Yu", "Vice Governor"), HUNAN)
    b = resolve_participant(
        person("Wang Yu", "Secretary of the Hunan Provincial Party Committee"), SICHUAN
    )
    assert a.person_key == b.person_key


def test_same_name_elsewhere_with_unrelated_offices_is_another_person() -> None:
    a = resolve_participant(person("Wang Yu", "Vice Governor"), HUNAN)
    b = resolve_participant(person("Wang Yu", "Commander"), SICHUAN)
    assert a.person_key != b.person_key


def test_a_central_official_is_placed_at_the_centre_a_local_one_at_home() -> None:
    minister = resolve_participant(
        person("Lam Van", "Minister of Public Security"), Jurisdiction("Nghe An", "VN")
    )
    assert minister.jurisdiction == Jurisdiction("Vietnam", "VN")
    both = resolve_participant(
        person(
            "Lam Van",
            "Member of the Party Central Committee",
            "Secretary of the Provincial Party Committee",
        ),
        Jurisdiction("Nghe An", "VN"),
    )
    assert both.jurisdiction == Jurisdiction("Nghe An", "VN")


def test_without_a_place_a_name_needs_the_same_office() -> None:
    a = resolve_participant(person("Liu Qiang", "Municipal Party Secretary"), None, "doc_1")
    b = resolve_participant(person("Liu Qiang", "Municipal Party Secretary"), None, "doc_2")
    c = resolve_participant(person("Liu Qiang", "Mayor"), None, "doc_3")
    d = resolve_participant(person("Liu Qiang"), None, "doc_4")
    e = resolve_participant(person("Liu Qiang"), None, "doc_5")
    assert a.person_key == b.person_key
    assert len({a.person_key, c.person_key, d.person_key, e.person_key}) == 4


def test_an_office_naming_its_place_is_placed_there() -> None:
    resolved = resolve_participant(
        person(
            "Le An",
            "Secretary of the Provincial Party Committee",
            "Chairman of the People's Council of Nghe An province",
        ),
        Jurisdiction("Military Region 4", "VN"),
    )
    assert resolved.jurisdiction == Jurisdiction("Nghe An", "VN")
    assert {t.jurisdiction for t in resolved.titles} == {Jurisdiction("Nghe An", "VN")}


def test_bodies_resolve_to_jurisdiction_and_canonical_name() -> None:
    written = [
        Body(
            name="Standing Committee of the Provincial Party Committee",
            jurisdiction="Hunan",
            country="CN",
            span=None,
        ),
        Body(
            name="Hunan Provincial Party Committee Standing Committee",
            jurisdiction="Hunan",
            country="CN",
            span=None,
        ),
    ]
    a, b = (resolve_body(body) for body in written)
    assert a is not None and b is not None and a.body_id == b.body_id
    assert a.label == "Hunan / Standing Committee of the Provincial Party Committee"
    other = resolve_body(written[0].model_copy(update={"jurisdiction": "Hubei"}))
    assert other is not None and other.body_id != a.body_id
    assert resolve_body(Body(name=None, jurisdiction="Hunan", country="CN", span=None)) is None


def test_judgements_replay_in_order() -> None:
    log = JudgementLog(
        [
            Judgement(MERGE, person_id="per_a", other_id="per_b"),
            Judgement(
                SPLIT, person_id="per_a", doc_ids=frozenset({"doc_2"}), new_person_id="per_c"
            ),
            Judgement(MERGE, person_id="per_d", other_id="per_c"),
        ]
    )
    assert log.person_id("per_b", "doc_1") == "per_a"
    assert log.person_id("per_b", "doc_2") == "per_d"
    assert log.person_id("per_a", "doc_2") == "per_d"
    assert log.person_id("per_x", "doc_2") == "per_x"
