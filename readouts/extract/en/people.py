"""From names in sentences to the meeting's participants with roles, offices and mentions."""

from __future__ import annotations

import re
from bisect import bisect_left

import regex

from readouts.extract.en.lexicon import EnglishLexicon, fold
from readouts.extract.en.memo import phrase_cache
from readouts.extract.en.names import NameHit
from readouts.extract.en.roles import Mention, assign_roles, subject_cue_starts
from readouts.extract.en.titles import (
    singular_office,
    titles_after,
    titles_before,
    titles_set_off_before,
)
from readouts.model import Evidence, Participant

_SHORT_SECRETARY = re.compile(r"(provincial|municipal|city|county) party (?:committee )?secretary")
_THE = regex.compile(r"\bthe\b")
_PUNCT = regex.compile(r"[^\w\s]")
_HEADER_END = regex.compile(r"\s*:\s*")
_LINE_START = regex.compile(r"[\s\-*•\d.)]*")
_LIST_GAP = regex.compile(r"[\s,;]*(?:and)?[\s,]*")
_ROLE_ORDER = ["presided", "spoke", "reported", "attended"]


def _mentions_in(
    text: str, sentence: tuple[int, int], hits: list[NameHit], lex: EnglishLexicon
) -> list[Mention]:
    s, e = sentence
    out: list[Mention] = []
    for i, hit in enumerate(hits):
        limit = hits[i + 1].lead if i + 1 < len(hits) else e
        floor = out[-1].end if out else s
        before = titles_before(text, hit.lead, floor, lex)
        if not before.spans and not before.group:
            before = titles_set_off_before(text, hit.lead, hit.tail, floor, lex)
        after = titles_after(text, hit.tail, limit, lex, name_at_limit=i + 1 < len(hits))
        mention = Mention(hit, min(before.end, hit.lead), after.end, before.spans + after.spans)
        out.append(mention)
        if after.group:
            _spread(text, out, after.group)
        if before.group:
            mention.titles.extend(before.group)
            mention.label = before.group
    return out


def _spread(text: str, mentions: list[Mention], spans: list[tuple[int, int]]) -> None:
    """A plural label after a list gives each listed person without an office the label."""
    last = mentions[-1]
    last.titles.extend(spans)
    for m, nxt in zip(reversed(mentions[:-1]), reversed(mentions[1:]), strict=True):
        if m.titles or not _LIST_GAP.fullmatch(text, m.end, nxt.start):
            break
        m.titles.extend(spans)


def collect(
    text: str, sentences: list[tuple[int, int]], hits: list[NameHit], lex: EnglishLexicon
) -> list[Mention]:
    """Every mention in ``sentences`` with the roles its sentence gives it."""
    hits = [h for h in hits if not h.press]
    seen: list[Mention] = []
    last_subjects: list[Mention] = []
    header: set[str] = set()
    cues = subject_cue_starts(text, lex)
    k = 0
    for sentence in sentences:
        k, mentions = _sentence_mentions(text, sentence, hits, k, lex)
        # A sentence that names no one gives a role only by a subject cue, to someone named
        # before ("He said"): most have none.
        if mentions or ((last_subjects or seen) and _holds(cues, sentence)):
            result = assign_roles(text, sentence, mentions, lex, last_subjects, seen)
            if result.subjects:
                last_subjects = result.subjects
        seen.extend(mentions)
        if header and _list_line(text, sentence, mentions):
            mentions[0].roles.update(header)
        else:
            header = _list_header(text, sentence, lex)
    return seen


def _holds(starts: list[int] | None, sentence: tuple[int, int]) -> bool:
    """Whether one of ``starts`` (``None``: every place) is in ``sentence``."""
    if starts is None:
        return True
    at = bisect_left(starts, sentence[0])
    return at < len(starts) and starts[at] < sentence[1]


def _sentence_mentions(
    text: str, sentence: tuple[int, int], hits: list[NameHit], k: int, lex: EnglishLexicon
) -> tuple[int, list[Mention]]:
    """The mentions of the names that start in ``sentence``, the first of them at or after
    ``hits[k]``; and where the names of the next sentence start looking."""
    s, e = sentence
    n = len(hits)
    while k < n and hits[k].start < s:
        k += 1
    j = k
    while j < n and hits[j].start < e:
        j += 1
    if j == k:
        return j, []  # most sentences name no one
    mentions = _mentions_in(text, sentence, hits[k:j], lex)
    _carry_labels(text, mentions)
    return j, mentions


def _list_header(text: str, sentence: tuple[int, int], lex: EnglishLexicon) -> set[str]:
    """ "Attending the conference:" on a line of its own: the role of each line that follows."""
    end = sentence[1]
    while end > sentence[0] and text[end - 1].isspace():
        end -= 1  # the sentence's last character, without copying the sentence
    if end == sentence[0] or text[end - 1] != ":":
        return set()
    cues = list(lex.object_role_re.finditer(text, *sentence))
    if cues and _HEADER_END.fullmatch(text, cues[-1].end(), sentence[1]):
        return {cues[-1].lastgroup or ""}
    return set()


def _list_line(text: str, sentence: tuple[int, int], mentions: list[Mention]) -> bool:
    """A line of such a list: one person, written first, and no role of its own."""
    return (
        len(mentions) == 1
        and not mentions[0].roles
        and _LINE_START.fullmatch(text, sentence[0], mentions[0].start) is not None
    )


def _carry_labels(text: str, mentions: list[Mention]) -> None:
    """A plural label before a list ("Party members A, B and C") is each one's office."""
    label: list[tuple[int, int]] | None = None
    previous: Mention | None = None
    for m in mentions:
        if m.label:
            label = m.label
        elif (
            label and previous and _LIST_GAP.fullmatch(text, previous.end, m.start) and not m.titles
        ):
            m.titles.extend(label)
        else:
            label = None
        previous = m


class _Person:
    """A participant being gathered from mentions: the model is made, and the offices read,
    only for those kept (many people named are given no role)."""

    __slots__ = ("name", "named", "offices", "rank", "rank_span", "roles")

    def __init__(self, name: str) -> None:
        self.name = name
        self.named = False
        self.roles: list[str] = []
        self.offices: list[tuple[int, int]] = []
        self.rank: str | None = None
        self.rank_span: tuple[int, int] | None = None


def participants(
    text: str, mentions: list[Mention], region: tuple[int, int], lex: EnglishLexicon
) -> list[Participant]:
    """Merge mentions of the same person; keep those with a stated role, stated at least once
    where the full name is written (a short "Secretary Xi stressed" alone may be a quotation)."""
    people: dict[str, _Person] = {}
    for m in mentions:
        hit = m.hit
        key = fold(hit.name).replace(" ", "").replace("-", "")
        person = people.get(key)
        if person is None:
            person = people[key] = _Person(hit.name)
        if m.roles:
            person.named = person.named or hit.kind != "alias"
            for role in sorted(m.roles):
                if role not in person.roles:
                    person.roles.append(role)
        if hit.rank and person.rank is None:
            person.rank = hit.rank
            person.rank_span = (hit.rank_start or 0, (hit.rank_start or 0) + len(hit.rank))
        if hit.kind != "alias":  # "PM Chinh" repeats an office
            person.offices.extend(m.titles)
    return [_participant(text, p, region, lex) for p in people.values() if p.named]


def _participant(
    text: str, person: _Person, region: tuple[int, int], lex: EnglishLexicon
) -> Participant:
    return Participant(
        name=person.name,
        roles=sorted(person.roles, key=_ROLE_ORDER.index),
        titles=_titles(text, person.offices, lex),
        rank=person.rank,
        rank_span=person.rank_span,
        mentions=_all_mentions(text, person.name, region),
    )


def _titles(text: str, offices: list[tuple[int, int]], lex: EnglishLexicon) -> list[Evidence]:
    """Each office once, in the singular, however it is worded (see ``_title_key``)."""
    keys: set[str] = set()
    out: list[Evidence] = []
    for s, e in offices:
        title = singular_office(text[s:e], lex) or text[s:e]
        key = _title_key(title, lex)
        if key and key not in keys:
            keys.add(key)
            out.append(Evidence(text=title, span=(s, e)))
    return out


@phrase_cache
def _title_key(title: str, lex: EnglishLexicon) -> str:
    """A key under which two wordings of one office meet ("Provincial Party Secretary",
    "Party Central Committee Secretary" and "Secretary of the (Provincial) Party (Central)
    Committee"): the office's head words, then its organisation, without "the"."""
    t = title.lower().strip()
    short = _SHORT_SECRETARY.fullmatch(t)
    if short:
        t = f"secretary of the {short.group(1)} party committee"
    t = _PUNCT.sub("", _THE.sub(" ", t))
    words = t.split()
    of = words.index("of") if "of" in words else -1
    if of > 0:  # "secretary of the party central committee"
        return " ".join(words[:of]) + "|" + " ".join(words[of + 1 :])
    k = len(words)
    while k > 1 and (words[k - 1] in lex.title_heads or words[k - 1] in lex.rank_words):
        k -= 1  # "party central committee deputy secretary"
    return " ".join(words[k:]) + "|" + " ".join(words[:k]) if k < len(words) else " ".join(words)


def _all_mentions(text: str, name: str, region: tuple[int, int]) -> list[tuple[int, int]]:
    out = []
    at = text.find(name, region[0], region[1])
    while at >= 0:
        end = at + len(name)
        if (at == 0 or not text[at - 1].isalpha()) and (
            end == len(text) or not text[end].isalpha()
        ):
            out.append((at, end))
        at = text.find(name, end, region[1])
    return out
