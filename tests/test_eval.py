"""The scorer, folding, alignment and floors, on tiny fictional documents and hand-made records."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readouts.eval import (
    METRICS,
    default_key,
    evaluate_dir,
    fold_name,
    fold_title,
    raise_floors,
    score_document,
)
from readouts.eval.floors import breaches, floor_for, load_floors, write_floors
from readouts.eval.runner import EvalError
from readouts.model import Body, Evidence, Meeting, Participant, Record

TEXT = (
    "Riverton, 3 March 2024. The Standing Committee of the Riverton Municipal Party Committee "
    "held a meeting on the morning of 3 March 2024. Li Mingzhe, Secretary of the Municipal "
    "Party Committee, presided. Zhou Anna, Mayor, spoke. Trần Đức Bình attended.\n"
    "On 5 March 2024 the Riverton People's Government held an executive meeting. Zhou Anna "
    "presided. Pham Van Long, Vice-Mayor, reported."
)


def _span(needle: str, start: int = 0) -> tuple[int, int]:
    at = TEXT.index(needle, start)
    return (at, at + len(needle))


def _person(name: str, roles: list[str], titles: list[str], after: int = 0) -> Participant:
    return Participant(
        name=name,
        roles=roles,
        titles=[Evidence(text=t, span=_span(t, after)) for t in titles],
        mentions=[_span(name, after)],
    )


def _meeting(date: str, people: list[Participant], **fields: Any) -> Meeting:
    fields.setdefault("body", Body(name=None, jurisdiction="Riverton", country="CN", span=None))
    return Meeting(date=date, participants=people, span=(0, 10), **fields)


SECOND = TEXT.index("On 5 March")


def _first_meeting() -> Meeting:
    return _meeting(
        "2024-03-03",
        [
            _person("Li Mingzhe", ["presided"], ["Secretary of the Municipal Party Committee"]),
            _person("Zhou Anna", ["spoke"], ["Mayor"]),
            _person("Trần Đức Bình", ["attended"], []),
        ],
        time_of_day="morning",
        meeting_type="standing_committee_meeting",
    )


def _second_meeting() -> Meeting:
    return _meeting(
        "2024-03-05",
        [
            _person("Zhou Anna", ["presided"], [], SECOND),
            _person("Pham Van Long", ["reported"], ["Vice-Mayor"], SECOND),
        ],
        meeting_type="executive_meeting",
    )


def _record(*meetings: Meeting, is_readout: bool = True) -> Record:
    return Record(
        doc_id="doc_test",
        source="t.txt",
        lang="en",
        is_readout=is_readout,
        meetings=list(meetings),
        extractor="test",
    )


def _gold_meeting(meeting: Meeting) -> dict[str, Any]:
    """The gold form of a meeting: what a gold file holds (no spans, titles as strings)."""
    data = meeting.model_dump(mode="json")
    return {
        "date": data["date"],
        "time_of_day": data["time_of_day"],
        "body": {k: v for k, v in (data["body"] or {}).items() if k != "span"} or None,
        "meeting_type": data["meeting_type"],
        "session": None,
        "location": None,
        "participants": [
            {"name": p["name"], "roles": p["roles"], "titles": [t["text"] for t in p["titles"]]}
            for p in data["participants"]
        ],
    }


def _gold(*meetings: Meeting) -> dict[str, Any]:
    return {
        "doc": "t",
        "lang": "en",
        "is_readout": bool(meetings),
        "meetings": [_gold_meeting(m) for m in meetings],
        "notes": "",
    }


# --- folding ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Trần Đức Bình", "Tran Duc Binh"),
        ("Xi Jin-ping", "Xi Jinping"),
        ("O’Brien", "O'Brien"),
        ("O'Brien", "OBrien"),
        ("ZHANG  Qingwei", "Zhang Qingwei"),
        ("Đặng Thị Ngọc", "dang thi ngoc"),
    ],
)
def test_fold_name_equates_variants(a: str, b: str) -> None:
    assert fold_name(a) == fold_name(b)


@pytest.mark.parametrize(("a", "b"), [("Li Ming", "Li Mingzhe"), ("Zhou Anna", "Zhou Anne")])
def test_fold_name_keeps_different_names_apart(a: str, b: str) -> None:
    assert fold_name(a) != fold_name(b)


LATIN = st.characters(categories=("Lu", "Ll"), max_codepoint=0x24F) | st.sampled_from(
    "ĐđăâêôơưẠạẢảẤấẦầẪẫỆệỌọỢợỨứ"
)
SEPARATORS = st.sampled_from([" ", "-", "'", "’", "  ", "\t"])


@given(st.text())
def test_fold_name_is_idempotent(name: str) -> None:
    assert fold_name(fold_name(name)) == fold_name(name)


@given(st.text(LATIN))
def test_fold_name_ignores_case(name: str) -> None:
    assert fold_name(name.upper()) == fold_name(name.lower()) == fold_name(name)


@given(st.lists(st.text(LATIN, min_size=1), min_size=1, max_size=4), st.data())
def test_fold_name_ignores_spaces_hyphens_apostrophes(
    parts: list[str], data: st.DataObject
) -> None:
    joined = "".join(part + data.draw(SEPARATORS) for part in parts)
    assert fold_name(joined) == fold_name("".join(parts))


@given(st.text())
def test_fold_title_is_idempotent(title: str) -> None:
    assert fold_title(fold_title(title)) == fold_title(title)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The Secretary of the Party Committee,", "secretary of the party committee"),
        ("Director of the People’s Congress", "Director of the People's Congress"),
        ("Vice-Mayor", "Vice Mayor"),
        ("  Mayor  ", "the mayor"),
    ],
)
def test_fold_title_equates_variants(a: str, b: str) -> None:
    assert fold_title(a) == fold_title(b)


def test_fold_title_keeps_an_inner_the() -> None:
    assert fold_title("Secretary of the Committee") == "secretary of the committee"


# --- scoring ---------------------------------------------------------------------------------


def test_perfect_prediction_scores_one_everywhere() -> None:
    gold = _gold(_first_meeting(), _second_meeting())
    result = score_document(gold, _record(_first_meeting(), _second_meeting()), TEXT)
    metrics = result.counts.metrics()
    assert all(metrics[m] == 1.0 for m in METRICS), metrics
    assert result.clean


def test_swapped_meetings_are_aligned_by_date_and_names() -> None:
    gold = _gold(_first_meeting(), _second_meeting())
    result = score_document(gold, _record(_second_meeting(), _first_meeting()), TEXT)
    assert result.alignment == [(1, 0), (0, 1)]
    assert result.counts.metrics()["names_f1"] == 1.0
    assert result.counts.metrics()["date_acc"] == 1.0


def test_alignment_prefers_name_overlap_when_dates_are_missing() -> None:
    first, second = _first_meeting(), _second_meeting()
    undated = [m.model_copy(update={"date": None}) for m in (second, first)]
    result = score_document(_gold(first, second), _record(*undated), TEXT)
    assert result.alignment == [(1, 0), (0, 1)]


def _drop_person(meeting: Meeting, name: str) -> Meeting:
    kept = [p for p in meeting.participants if p.name != name]
    return meeting.model_copy(update={"participants": kept})


def _edit_person(meeting: Meeting, who: str, **update: Any) -> Meeting:
    people = [p.model_copy(update=update) if p.name == who else p for p in meeting.participants]
    return meeting.model_copy(update={"participants": people})


def _add_person(meeting: Meeting, person: Participant) -> Meeting:
    return meeting.model_copy(update={"participants": [*meeting.participants, person]})


F1_CASES = [
    # (case, predicted first meeting, tally, (tp, fp, fn), false negatives, false positives)
    (
        "missing name",
        _drop_person(_first_meeting(), "Zhou Anna"),
        "names",
        (2, 0, 1),
        ["Zhou Anna"],
        [],
    ),
    (
        "extra name",
        _add_person(_first_meeting(), _person("Pham Van Long", ["attended"], [])),
        "names",
        (3, 1, 0),
        [],
        ["Pham Van Long"],
    ),
    (
        "variant spelling",
        _edit_person(_first_meeting(), "Trần Đức Bình", name="Tran Duc-Binh"),
        "names",
        (3, 0, 0),
        [],
        [],
    ),
    (
        "missed presider",
        _edit_person(_first_meeting(), "Li Mingzhe", roles=["attended"]),
        "presider",
        (0, 0, 1),
        ["Li Mingzhe"],
        [],
    ),
    (
        "wrong role",
        _edit_person(_first_meeting(), "Zhou Anna", roles=["reported"]),
        "role",
        (2, 1, 1),
        ["Zhou Anna: spoke"],
        ["Zhou Anna: reported"],
    ),
    (
        "extra role",
        _edit_person(_first_meeting(), "Zhou Anna", roles=["spoke", "attended"]),
        "role",
        (3, 1, 0),
        [],
        ["Zhou Anna: attended"],
    ),
    (
        "title variant",
        _edit_person(
            _first_meeting(), "Zhou Anna", titles=[Evidence(text="the Mayor,", span=_span("Mayor"))]
        ),
        "title",
        (2, 0, 0),
        [],
        [],
    ),
    (
        "wrong title",
        _edit_person(
            _first_meeting(),
            "Zhou Anna",
            titles=[Evidence(text="Secretary", span=_span("Secretary"))],
        ),
        "title",
        (1, 1, 1),
        ["Zhou Anna: Mayor"],
        ["Zhou Anna: Secretary"],
    ),
]


@pytest.mark.parametrize(
    ("predicted", "tally", "expected", "fns", "fps"),
    [case[1:] for case in F1_CASES],
    ids=[case[0] for case in F1_CASES],
)
def test_f1_counts(
    predicted: Meeting,
    tally: str,
    expected: tuple[int, int, int],
    fns: list[str],
    fps: list[str],
) -> None:
    result = score_document(_gold(_first_meeting()), _record(predicted), TEXT)
    counted = result.counts.tallies[tally]
    assert (counted.tp, counted.fp, counted.fn) == expected
    assert result.false_negatives.get(tally, []) == fns
    assert result.false_positives.get(tally, []) == fps


def test_f1_values_from_counts() -> None:
    predicted = _drop_person(_first_meeting(), "Zhou Anna")
    metrics = score_document(_gold(_first_meeting()), _record(predicted), TEXT).counts.metrics()
    assert metrics["names_p"] == 1.0
    assert metrics["names_r"] == pytest.approx(2 / 3)
    assert metrics["names_f1"] == pytest.approx(0.8)


def test_unaligned_meetings_count_as_false_positives_and_negatives() -> None:
    result = score_document(
        _gold(_first_meeting()), _record(_first_meeting(), _second_meeting()), TEXT
    )
    names = result.counts.tallies["names"]
    assert (names.tp, names.fp, names.fn) == (3, 2, 0)
    assert result.counts.ratios["meeting_count"].value == 0.0
    assert result.alignment == [(0, 0), (1, None)]

    result = score_document(
        _gold(_first_meeting(), _second_meeting()), _record(_second_meeting()), TEXT
    )
    names = result.counts.tallies["names"]
    assert (names.tp, names.fp, names.fn) == (2, 0, 3)
    assert result.alignment == [(None, 0), (0, 1)]


@pytest.mark.parametrize(
    ("update", "field", "gold_value", "predicted_value"),
    [
        ({"date": "2024-03-04"}, "date", "2024-03-03", "2024-03-04"),
        ({"time_of_day": "afternoon"}, "time_of_day", "morning", "afternoon"),
        ({"meeting_type": "other"}, "meeting_type", "standing_committee_meeting", "other"),
        ({"body": None}, "jurisdiction", "Riverton", None),
    ],
)
def test_field_accuracy_counts_a_miss(
    update: dict[str, Any], field: str, gold_value: Any, predicted_value: Any
) -> None:
    predicted = _first_meeting().model_copy(update=update)
    result = score_document(_gold(_first_meeting()), _record(predicted), TEXT)
    assert result.counts.ratios[field].value == 0.0
    assert [(m.field, m.gold, m.predicted) for m in result.field_misses] == [
        (field, gold_value, predicted_value)
    ]


def test_jurisdiction_compares_folded() -> None:
    gold = _gold(_first_meeting())
    gold["meetings"][0]["body"]["jurisdiction"] = "Quang Ninh"
    body = Body(name=None, jurisdiction="Quảng Ninh", country="VN", span=None)
    predicted = _first_meeting().model_copy(update={"body": body})
    assert score_document(gold, _record(predicted), TEXT).counts.ratios["jurisdiction"].value == 1


def test_extra_fields_session_location_body_name() -> None:
    gold = _gold(_first_meeting())
    gold["meetings"][0].update(session={"number": 15, "term": 14}, location={"name": "Riverton"})
    gold["meetings"][0]["body"]["name"] = "The Standing Committee"
    result = score_document(gold, _record(_first_meeting()), TEXT)
    ratios = result.counts.ratios
    assert (ratios["session"].value, ratios["location"].value) == (0.0, 0.0)
    assert ratios["body_name"].value == 0.0
    assert {m.field for m in result.field_misses} == {"session", "location", "body_name"}


@pytest.mark.parametrize(
    ("mention", "title_span", "mention_ok", "title_ok"),
    [
        (_span("Zhou Anna"), _span("Mayor"), True, True),
        (_span("Zhou Ann"), _span("Mayor"), False, True),
        ((len(TEXT) - 2, len(TEXT) + 5), _span("Mayor"), False, True),
        (_span("Zhou Anna"), _span("Mayor,"), True, True),  # title folding drops punctuation
        (_span("Zhou Anna"), _span("Secretary"), True, False),
    ],
)
def test_span_integrity(
    mention: tuple[int, int], title_span: tuple[int, int], mention_ok: bool, title_ok: bool
) -> None:
    """Li Mingzhe's mention and title are right; Zhou Anna has one right and one tested mention."""
    zhou = Participant(
        name="Zhou Anna",
        roles=["spoke"],
        titles=[Evidence(text="Mayor", span=title_span)],
        mentions=[_span("Zhou Anna"), mention],
    )
    li = _person("Li Mingzhe", ["presided"], ["Secretary of the Municipal Party Committee"])
    result = score_document(_gold(), _record(_meeting("2024-03-03", [li, zhou])), TEXT)
    metrics = result.counts.metrics()
    assert metrics["mention_integrity"] == pytest.approx((2 + mention_ok) / 3)
    assert metrics["title_span_integrity"] == pytest.approx((1 + title_ok) / 2)
    assert len(result.bad_mentions) == (not mention_ok)
    assert len(result.bad_title_spans) == (not title_ok)


def test_span_integrity_uses_record_text_when_present() -> None:
    html_text = "Meeting. Zhou Anna, Mayor, spoke."
    zhou = Participant(name="Zhou Anna", roles=["spoke"], mentions=[(9, 18)])
    record = _record(_meeting("2024-03-03", [zhou])).model_copy(update={"text": html_text})
    result = score_document(_gold(), record, "<p>raw html</p>")
    assert result.counts.metrics()["mention_integrity"] == 1.0


def test_no_prediction_counts_as_negative_with_no_meetings() -> None:
    result = score_document(_gold(_first_meeting()), None, TEXT, error="Boom: no")
    metrics = result.counts.metrics()
    assert metrics["is_readout_acc"] == 0.0
    assert metrics["names_r"] == 0.0
    assert metrics["date_acc"] is None
    assert result.error == "Boom: no"
    assert result.counts.errors == 1


def test_negative_document_predicted_negative_is_perfect() -> None:
    result = score_document(_gold(), _record(is_readout=False), "Weather: sunny.")
    metrics = result.counts.metrics()
    assert metrics["is_readout_acc"] == metrics["meeting_count_acc"] == 1.0
    assert metrics["names_f1"] == metrics["presider_f1"] == 1.0


def test_predicted_dict_scores_like_the_record() -> None:
    record = _record(_first_meeting())
    gold = _gold(_first_meeting(), _second_meeting())
    as_dict = score_document(gold, record.model_dump(mode="json"), TEXT)
    assert as_dict.counts == score_document(gold, record, TEXT).counts


# --- runner ----------------------------------------------------------------------------------


def _write_doc(folder: Path, stem: str, text: str, gold: dict[str, Any]) -> None:
    import json

    (folder / f"{stem}.txt").write_bytes(text.encode("utf-8"))
    (folder / f"{stem}.gold.json").write_text(json.dumps(gold), encoding="utf-8")


def test_evaluate_dir_passes_lang_and_exact_text(tmp_path: Path) -> None:
    _write_doc(tmp_path, "a", "line one\r\nLi Mingzhe presided.", _gold())
    (tmp_path / "orphan.txt").write_text("no gold", encoding="utf-8")
    seen: list[tuple[str, str | None]] = []

    def fake(text: str, source: str, lang: str | None = None) -> Record:
        seen.append((text, lang))
        return _record(is_readout=False)

    report = evaluate_dir(tmp_path, extractor=fake)
    assert seen == [("line one\r\nLi Mingzhe presided.", "en")]
    assert report.score.counts.documents == 1


def test_evaluate_dir_survives_extractor_errors(tmp_path: Path) -> None:
    _write_doc(tmp_path, "a", TEXT, _gold(_first_meeting()))

    def broken(text: str, source: str, lang: str | None = None) -> Record:
        raise ValueError("not yet")

    report = evaluate_dir(tmp_path, extractor=broken)
    assert report.errors == [("a", "ValueError: not yet")]
    assert report.score.metrics()["is_readout_acc"] == 0.0


@pytest.mark.parametrize("make", ["missing", "empty"])
def test_evaluate_dir_rejects_unusable_directories(tmp_path: Path, make: str) -> None:
    target = tmp_path / "gold"
    if make == "empty":
        target.mkdir()
    with pytest.raises(EvalError):
        evaluate_dir(target)


# --- floors ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("score", "floor"),
    [(0.5, 0.49), (0.29, 0.28), (0.8333, 0.82), (1.0, 0.99), (0.005, 0.0), (0.0, 0.0)],
)
def test_floor_for(score: float, floor: float) -> None:
    assert floor_for(score) == floor


def test_raise_floors_never_lowers_unless_allowed() -> None:
    current = {"names_f1": 0.9, "date_acc": 0.1}
    metrics: dict[str, float | None] = {"names_f1": 0.5, "date_acc": 0.8, "session_acc": None}
    assert raise_floors(current, metrics) == {"date_acc": 0.79, "names_f1": 0.9}
    assert raise_floors(current, metrics, allow_lower=True) == {"date_acc": 0.79, "names_f1": 0.49}


def test_breaches() -> None:
    metrics: dict[str, float | None] = {"names_f1": 0.5, "date_acc": None, "title_f1": 0.7}
    floors = {"names_f1": 0.6, "date_acc": 0.1, "title_f1": 0.7, "role_f1": 0.0}
    lines = breaches("dev/en", metrics, floors)
    assert len(lines) == 2
    assert lines[0].startswith("dev/en: date_acc n/a")
    assert lines[1].startswith("dev/en: names_f1 0.5000 below floor 0.60")
    assert breaches("k", {"date_acc": None}, {"date_acc": 0.0}) == []


def test_floors_round_trip_and_reject_unknown_metrics(tmp_path: Path) -> None:
    path = tmp_path / "floors.json"
    write_floors(path, {"seeds": {"names_f1": 0.5}})
    assert load_floors(path) == {"seeds": {"names_f1": 0.5}}
    path.write_text('{"seeds": {"name_f1": 0.5}}', encoding="utf-8")
    with pytest.raises(EvalError, match="name_f1"):
        load_floors(path)
    assert load_floors(tmp_path / "absent.json", missing_ok=True) == {}


@pytest.mark.parametrize(
    ("path", "known", "key"),
    [
        ("/c/corpus/dev/en", (), "dev/en"),
        ("/c/corpus/seeds", (), "seeds"),
        ("/c/corpus/dev/zh", ("corpus/dev/zh",), "corpus/dev/zh"),
        ("/c/corpus/gold", ("gold",), "gold"),
    ],
)
def test_default_key(path: str, known: tuple[str, ...], key: str) -> None:
    assert default_key(Path(path), known) == key
