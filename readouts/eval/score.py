"""Scoring one predicted record against one gold annotation, as ``spec/record.md`` defines it.

Pure functions: no file access, no extractor call, so that the scorer can be tested with
hand-made records and reused on records that were extracted elsewhere (a saved JSON run).
Gold and predicted meetings are first reduced to the same small view (:class:`MeetingView`),
so that every comparison below is written once for both sides.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from readouts.eval.fold import fold_name, fold_title, fold_value
from readouts.eval.results import (
    TALLIES,
    Counts,
    DocResult,
    FieldMiss,
    Ratio,
    Score,
    SpanMiss,
    Tally,
)
from readouts.model import Meeting, Record

__all__ = [
    "MeetingView",
    "Person",
    "align",
    "gold_view",
    "predicted_view",
    "score_document",
    "score_documents",
]

#: How much an equal date weighs against one shared participant when aligning meetings: a
#: readout that reports two meetings usually tells them apart by their dates first.
DATE_BONUS = 3.0
MONTH_BONUS = 1.0


@dataclass(frozen=True)
class Person:
    """A participant reduced to what is scored: the name (as written and folded), roles, titles."""

    name: str
    key: str
    roles: frozenset[str]
    titles: tuple[str, ...]


@dataclass(frozen=True)
class MeetingView:
    """The scored fields of a meeting, the same shape for gold dicts and predicted models."""

    date: str | None
    time_of_day: str | None
    meeting_type: str | None
    jurisdiction: str | None
    body_name: str | None
    session: tuple[int, int | None] | None
    location: str | None
    people: tuple[Person, ...]


def _plain(value: Any) -> Any:
    """Enum members become their values: a model built by hand keeps enums, JSON has strings."""
    return value.value if isinstance(value, Enum) else value


def _title_text(title: Any) -> str:
    return str(title["text"] if isinstance(title, Mapping) else title)


def _person(name: str, roles: Iterable[Any], titles: Iterable[Any]) -> Person:
    return Person(
        name=name,
        key=fold_name(name),
        roles=frozenset(str(_plain(r)) for r in roles),
        titles=tuple(_title_text(t) for t in titles),
    )


def gold_view(meeting: Mapping[str, Any]) -> MeetingView:
    """The view of a gold meeting dict (absent keys read as null, as in the record)."""
    body = meeting.get("body") or {}
    session = meeting.get("session")
    location = meeting.get("location")
    return MeetingView(
        date=meeting.get("date"),
        time_of_day=meeting.get("time_of_day"),
        meeting_type=meeting.get("meeting_type"),
        jurisdiction=body.get("jurisdiction"),
        body_name=body.get("name"),
        session=(session["number"], session.get("term")) if session else None,
        location=location.get("name") if location else None,
        people=tuple(
            _person(p["name"], p.get("roles") or [], p.get("titles") or [])
            for p in meeting.get("participants") or []
        ),
    )


def predicted_view(meeting: Meeting) -> MeetingView:
    """The view of a predicted meeting."""
    body = meeting.body
    return MeetingView(
        date=meeting.date,
        time_of_day=_plain(meeting.time_of_day),
        meeting_type=_plain(meeting.meeting_type),
        jurisdiction=body.jurisdiction if body else None,
        body_name=body.name if body else None,
        session=(meeting.session.number, meeting.session.term) if meeting.session else None,
        location=meeting.location.name if meeting.location else None,
        people=tuple(
            _person(p.name, p.roles, [t.text for t in p.titles]) for p in meeting.participants
        ),
    )


def _affinity(pred: MeetingView, gold: MeetingView) -> float:
    score = float(len({p.key for p in pred.people} & {p.key for p in gold.people}))
    if pred.date and gold.date:
        if pred.date == gold.date:
            score += DATE_BONUS
        elif pred.date[:7] == gold.date[:7]:
            score += MONTH_BONUS
    return score


def align(
    predicted: Sequence[MeetingView], gold: Sequence[MeetingView]
) -> list[tuple[int | None, int | None]]:
    """Pair predicted with gold meetings one-to-one, greedily by affinity.

    Pairs with no affinity at all are still made (by position) while both sides have meetings
    left: a one-meeting readout whose date and names were all missed is still the same meeting,
    and its fields must count as wrong rather than drop out of the field accuracies.
    Returns ``(predicted index, gold index)`` pairs, ``None`` on the side that has no partner,
    in gold order with unmatched predictions last.
    """
    candidates = sorted(
        (-_affinity(p, g), abs(i - j), i, j)
        for i, p in enumerate(predicted)
        for j, g in enumerate(gold)
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs: list[tuple[int | None, int | None]] = []
    for _, _, i, j in candidates:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    pairs += [(None, j) for j in range(len(gold)) if j not in used_g]
    pairs.sort(key=lambda pair: pair[1] if pair[1] is not None else len(gold))
    pairs += [(i, None) for i in range(len(predicted)) if i not in used_p]
    return pairs


def _fold_optional_title(value: str | None) -> str | None:
    return None if value is None else fold_title(value)


def _same(value: Any) -> Any:
    return value


#: Scored meeting fields: ratio key, how to read it from a view, how to normalize before ``==``.
_FIELDS: tuple[tuple[str, Callable[[MeetingView], Any], Callable[[Any], Any]], ...] = (
    ("date", lambda m: m.date, _same),
    ("time_of_day", lambda m: m.time_of_day, _same),
    ("meeting_type", lambda m: m.meeting_type, _same),
    ("jurisdiction", lambda m: m.jurisdiction, fold_value),
    ("body_name", lambda m: m.body_name, _fold_optional_title),
    ("session", lambda m: m.session, _same),
    ("location", lambda m: m.location, _fold_optional_title),
)


def _compare_fields(
    pairs: Iterable[tuple[int, MeetingView, MeetingView]], ratios: dict[str, Ratio]
) -> list[FieldMiss]:
    misses: list[FieldMiss] = []
    for gold_index, pred, gold in pairs:
        for key, read, normalize in _FIELDS:
            ok = normalize(read(pred)) == normalize(read(gold))
            ratios[key] = ratios[key] + Ratio(int(ok), 1)
            if not ok:
                misses.append(FieldMiss(gold_index, key, read(gold), read(pred)))
    return misses


Items = dict[str, tuple[Counter[Hashable], dict[Hashable, str]]]


def _items(view: MeetingView | None, label: str) -> Items:
    """Each kind of scored item of a meeting, as a multiset plus a readable form of each item."""
    kinds: Items = {kind: (Counter(), {}) for kind in TALLIES}
    for person in view.people if view else ():
        _add(kinds["names"], person.key, label + person.name, multi=True)
        if "presided" in person.roles:
            _add(kinds["presider"], person.key, label + person.name)
        for role in sorted(person.roles):
            _add(kinds["role"], (person.key, role), f"{label}{person.name}: {role}")
        for title in person.titles:
            item = (person.key, fold_title(title))
            _add(kinds["title"], item, f"{label}{person.name}: {title}")
    return kinds


def _add(
    kind: tuple[Counter[Hashable], dict[Hashable, str]],
    item: Hashable,
    shown: str,
    multi: bool = False,
) -> None:
    """Count an item; pairs are sets (a repeated title is one title), names are a multiset
    (a person listed twice in one meeting is a real error)."""
    counter, display = kind
    if multi or item not in counter:
        counter[item] += 1
    display.setdefault(item, shown)


def _compare_items(
    pred: Items,
    gold: Items,
    tallies: dict[str, Tally],
    fps: dict[str, list[str]],
    fns: dict[str, list[str]],
) -> None:
    for kind in TALLIES:
        (p_count, p_shown), (g_count, g_shown) = pred[kind], gold[kind]
        tp = sum((p_count & g_count).values())
        extra, missing = p_count - g_count, g_count - p_count
        tallies[kind] = tallies[kind] + Tally(tp, sum(extra.values()), sum(missing.values()))
        fps[kind] += [p_shown[item] for item in extra.elements()]
        fns[kind] += [g_shown[item] for item in missing.elements()]


def _compare_people(
    alignment: Sequence[tuple[int | None, int | None]],
    pred_meetings: Sequence[MeetingView],
    gold_meetings: Sequence[MeetingView],
    tallies: dict[str, Tally],
) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Names, presiders, roles and titles of aligned meetings against each other; an unaligned
    meeting's items are all false positives (predicted) or false negatives (gold).  Items are
    labelled with their meeting (``[g1]``, ``[p0]``) only when there are several."""
    several = max(len(gold_meetings), len(pred_meetings)) > 1
    fps: dict[str, list[str]] = {kind: [] for kind in TALLIES}
    fns: dict[str, list[str]] = {kind: [] for kind in TALLIES}
    for i, j in alignment:
        pred = pred_meetings[i] if i is not None else None
        gold = gold_meetings[j] if j is not None else None
        p_label = f"[p{i}] " if several and i is not None else ""
        g_label = f"[g{j}] " if several and j is not None else ""
        _compare_items(_items(pred, p_label), _items(gold, g_label), tallies, fps, fns)
    return fps, fns


def _span_text(text: str, span: Sequence[int]) -> str | None:
    start, end = span[0], span[1]
    return text[start:end] if 0 <= start <= end <= len(text) else None


def _check_spans(
    record: Record, text: str, ratios: dict[str, Ratio]
) -> tuple[list[SpanMiss], list[SpanMiss]]:
    """Span integrity: does each mention/title span hold the name/title it is attached to?"""
    text = record.text if record.text is not None else text
    bad_mentions: list[SpanMiss] = []
    bad_titles: list[SpanMiss] = []
    for meeting in record.meetings:
        for person in meeting.participants:
            for span in person.mentions:
                found = _span_text(text, span)
                ok = found is not None and fold_name(found) == fold_name(person.name)
                ratios["mention_integrity"] += Ratio(int(ok), 1)
                if not ok:
                    bad_mentions.append(SpanMiss(person.name, span, found or "<out of range>"))
            for title in person.titles:
                found = _span_text(text, title.span)
                ok = found is not None and fold_title(found) == fold_title(title.text)
                ratios["title_span_integrity"] += Ratio(int(ok), 1)
                if not ok:
                    bad_titles.append(
                        SpanMiss(title.text, title.span, found or "<out of range>", person.name)
                    )
    return bad_mentions, bad_titles


def _as_record(predicted: Record | Mapping[str, Any] | None) -> Record | None:
    if predicted is None or isinstance(predicted, Record):
        return predicted
    return Record.model_validate(predicted)


def score_document(
    gold: Mapping[str, Any],
    predicted: Record | Mapping[str, Any] | None,
    text: str,
    *,
    doc: str | None = None,
    error: str | None = None,
) -> DocResult:
    """Score one document.

    ``predicted`` is None when the extractor produced nothing (it raised): the document then
    counts as a prediction of "not a readout, no meetings", so a crash costs points instead of
    vanishing from the denominators.  ``text`` is the document text the spans point into.
    """
    record = _as_record(predicted)
    gold_meetings = [gold_view(m) for m in gold.get("meetings") or []]
    pred_meetings = [predicted_view(m) for m in record.meetings] if record else []
    pred_is_readout = record.is_readout if record else False
    alignment = align(pred_meetings, gold_meetings)

    counts = Counts()
    ratios, tallies = counts.ratios, counts.tallies
    ratios["is_readout"] = Ratio(int(bool(gold.get("is_readout")) == pred_is_readout), 1)
    ratios["meeting_count"] = Ratio(int(len(gold_meetings) == len(pred_meetings)), 1)
    aligned = [
        (j, pred_meetings[i], gold_meetings[j])
        for i, j in alignment
        if i is not None and j is not None
    ]
    field_misses = _compare_fields(aligned, ratios)

    fps, fns = _compare_people(alignment, pred_meetings, gold_meetings, tallies)
    bad_mentions, bad_titles = _check_spans(record, text, ratios) if record else ([], [])
    return DocResult(
        doc=doc or str(gold.get("doc", "")),
        counts=Counts(
            ratios=ratios,
            tallies=tallies,
            documents=1,
            gold_meetings=len(gold_meetings),
            predicted_meetings=len(pred_meetings),
            aligned_meetings=len(aligned),
            errors=int(error is not None),
        ),
        gold_is_readout=bool(gold.get("is_readout")),
        predicted_is_readout=pred_is_readout,
        alignment=alignment,
        field_misses=field_misses,
        false_positives={k: v for k, v in fps.items() if v},
        false_negatives={k: v for k, v in fns.items() if v},
        bad_mentions=bad_mentions,
        bad_title_spans=bad_titles,
        error=error,
    )


def score_documents(
    items: Iterable[tuple[Mapping[str, Any], Record | Mapping[str, Any] | None, str]],
) -> Score:
    """Score ``(gold, predicted, text)`` triples into one micro-averaged :class:`Score`."""
    return Score.of(score_document(gold, pred, text) for gold, pred, text in items)
