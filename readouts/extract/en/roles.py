"""Who did what: roles from the verbs and phrases around names in a sentence.

Two shapes cover the genre.  Subject cues follow their people: "A, title, and B, title,
attended the meeting" — the subjects are the names whose phrases run up to the verb with
nothing but list separators between them.  Object cues precede theirs: "Attending the meeting
were A, B", "chaired by A".  A second verb joined to the first ("presided over the meeting and
delivered a speech") shares its subjects, and a sentence that starts with "He" or the surname
of someone already seen ("Li said") gives that person the role of speaking.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import regex

from readouts.extract.en.lexicon import EnglishLexicon
from readouts.extract.en.names import NameHit

_TIME = (
    r"on \w+day(?: (?:morning|afternoon|evening))?|on the (?:morning|afternoon|evening) of "
    r"(?:the )?\w+|yesterday|today|this (?:morning|afternoon|evening)"
)
_GAP_TO_VERB = regex.compile(
    r"(?:\s+of\s+the\s+(?:\p{Lu}[\p{L}'-]*\s+)*\p{Lu}[\p{L}'-]*)?"
    r"[\s,]*(?:(?:as well as|along with|together with|and)\s+(?:the\s+)?(?:other\s+)?"
    r"\p{Ll}[^.;:]{0,120}?)?(?:[\s,]*(?:also|jointly|respectively|then|later|successively|both|"
    r"all|each|again|personally|who|has|have|had|was|were|first|further|finally|\p{Ll}{3,}ly|"
    r"on behalf of [^,.;:]{1,80}|"
    rf"{_TIME}|\(\p{{Han}}+\)))*[\s,]*"
)
_STOPS = re.compile(r"[.;:]")  # none is in a gap _GAP_TO_VERB takes
_SPACES = " \t\n\v\f\r"  # the ASCII characters of \s
_SPACES_AND_COMMAS = _SPACES + ","
_LIST_GAP = regex.compile(r"[\s,;]*(?:and|as well as|along with|together with)?[\s,]*")
# "presided over the meeting and delivered a speech", "attended the meeting to comment"
_CHAIN_GAP = regex.compile(
    r"[^.;:]{0,80}?(?:(?:\b(?:and|then|before|after)|,)\s+(?:\w+\s+){0,2}|\bto\s+)"
)
_NEW_SUBJECT = regex.compile(
    r"\b(?:the (?:meeting|conference|session|plenum)|it|he|she|they|which|who|that|participants|"
    r"delegates|everyone)\s+(?:(?:also|further|then|again)\s+)?$",
    regex.I,
)
_GOVERNING = "and|of|by|to|from|with|for|at|in|on|the|as well as"
_GOVERNED = regex.compile(rf"\b(?:{_GOVERNING})\s*$|'s\s*$")
#: The last letters of what _GOVERNED finds: where the text ends otherwise, it finds nothing.
_GOVERNED_LAST = frozenset(w[-1] for w in [*_GOVERNING.split("|"), "'s"])
_REPORTED_SPEECH = regex.compile(r"\bthat\s*$")
_PASSIVE = regex.compile(r"\s+by\b")
_CLAUSE_AND = regex.compile(r"([^,;.]{0,200})([,;])\s*and\s*$")
_PRONOUN_START = regex.compile(r"[\W]*(?:(He|She)|((?:\p{Lu}\p{Ll}+ )?\p{Lu}\p{Ll}+))\s+")


@dataclass
class Mention:
    hit: NameHit
    start: int  # start of the person's phrase (offices before the name)
    end: int  # end of the person's phrase (offices after the name)
    titles: list[tuple[int, int]] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)
    label: list[tuple[int, int]] | None = None  # plural offices before ("Party members A, B")


@dataclass
class SentenceRoles:
    """Roles found in one sentence, and the people who were subjects (for "He said")."""

    subjects: list[Mention] = field(default_factory=list)


def _object_roles(
    text: str, start: int, end: int, mentions: list[Mention], lex: EnglishLexicon
) -> list[tuple[int, int]]:
    cues = list(lex.object_role_re.finditer(text, start, end))
    for i, cue in enumerate(cues):
        role = cue.lastgroup or ""
        if role == "spoke" and cue.start() - start > 3:
            continue
        stop = cues[i + 1].start() if i + 1 < len(cues) else end
        verb = lex.subject_role_re.search(text, cue.end(), stop)
        if verb:  # "Speaking at the conference, X emphasized: Y is ...": Y is not speaking
            stop = verb.start()
        roles = {role}
        for combo, extra in lex.object_extra.items():
            if cue.group().lower().startswith(combo):
                roles.update(extra)
        for m in mentions:
            if cue.end() <= m.hit.lead and m.hit.start < stop:
                m.roles.update(roles)
    return [c.span() for c in cues]


def _subjects_before(
    text: str, at: int, mentions: list[Mention], lex: EnglishLexicon
) -> list[Mention]:
    before = [m for m in mentions if m.end <= at]
    if not before or not _gap_to_verb(text, before[-1].end, at):
        return []
    group = [before[-1]]
    for m in reversed(before[:-1]):
        if not _LIST_GAP.fullmatch(text, m.end, group[-1].start):
            break
        group.append(m)
    if _governed(text, group[-1].start) and not _new_clause(text, group[-1].start, lex):
        return []  # "the decisions of ... and Chairman X, emphasized": X is not the subject
    return group


def _gap_to_verb(text: str, start: int, end: int) -> bool:
    """``_GAP_TO_VERB.fullmatch(text, start, end)``: most subjects are followed by their verb
    after a space or a comma, which the pattern takes without trying its parts; and what it
    takes starts, after those, with "(" or a lower-case word, and has no ".", ";" or ":"
    (most gaps that are not one start with a capital, a digit or "'s")."""
    gap = text[start:end].lstrip(_SPACES_AND_COMMAS)
    if not gap:
        return True
    if (gap[0].isascii() and gap[0] != "(" and not gap[0].islower()) or _STOPS.search(gap):
        return False
    return _GAP_TO_VERB.fullmatch(text, start, end) is not None


def _governed(text: str, at: int) -> bool:
    """Whether a word that governs a noun (_GOVERNED) ends the text before ``at``: looked for
    only where the text, without its spaces, ends in a letter one of them ends in."""
    start = max(0, at - 30)
    last = text[start:at].rstrip(_SPACES)[-1:]
    if last.isascii() and last not in _GOVERNED_LAST:
        return False
    return _GOVERNED.search(text, start, at) is not None


def _new_clause(text: str, at: int, lex: EnglishLexicon) -> bool:
    """ "; and X deployed" or "A presided over the meeting, and X deployed": the "and" joins
    two clauses (the one before has its own verb), so X is a subject, not governed."""
    clause = _clause_and(text, max(0, at - 210), at)
    if clause is None:
        return False
    return clause[1] == ";" or lex.subject_role_re.search(clause[0]) is not None


def _clause_and(text: str, start: int, end: int) -> tuple[str, str] | None:
    """The groups of ``_CLAUSE_AND.search(text, start, end)``.  In ASCII they are told by
    string methods: the pattern tries each place and each length of its first group, which
    costs more than the rest of reading the roles where it runs.  Its match is the comma or
    semicolon before the final "and", and the longest run before it of at most 200
    characters without one of ",;."."""
    window = text[start:end]
    if not window.isascii():
        m = _CLAUSE_AND.search(text, start, end)
        return None if m is None else (m.group(1), m.group(2))
    head = window.rstrip(_SPACES)
    if not head.endswith("and"):
        return None
    head = head[:-3].rstrip(_SPACES)
    if not head or head[-1] not in ",;":
        return None
    k = len(head) - 1
    run = max(head.rfind(",", 0, k), head.rfind(";", 0, k), head.rfind(".", 0, k)) + 1
    return head[max(run, k - 200) : k], head[k]


def subject_cue_starts(text: str, lex: EnglishLexicon) -> list[int] | None:
    """Where in ``text`` a subject cue may start, in order; ``None`` when it may start
    anywhere (a short text is not indexed)."""
    return lex.cue_index.starts_in(text, "subject", 0, len(text))


def assign_roles(
    text: str,
    sentence: tuple[int, int],
    mentions: list[Mention],
    lex: EnglishLexicon,
    last_subjects: list[Mention],
    seen: list[Mention],
) -> SentenceRoles:
    """Add the roles stated in ``sentence`` to its mentions; returns the sentence's subjects."""
    start, end = sentence
    # Without mentions the object cues give no one a role: their spans are wanted only where
    # a subject cue is found (most sentences have none).
    taken = _object_roles(text, start, end, mentions, lex) if mentions else None
    out = SentenceRoles()
    previous: tuple[int, list[Mention]] | None = None
    for cue in lex.subject_role_re.finditer(text, start, end):
        if taken is None:
            taken = [c.span() for c in lex.object_role_re.finditer(text, start, end)]
        if any(s <= cue.start() < e for s, e in taken) or _PASSIVE.match(text, cue.end()):
            continue  # "was attended by X": the people come after, as with an object cue
        role = cue.lastgroup or ""
        subjects = _subjects_before(text, cue.start(), mentions, lex)
        if (
            role == "spoke"
            and subjects
            and _REPORTED_SPEECH.search(text, max(0, subjects[-1].start - 8), subjects[-1].start)
        ):
            subjects = []  # "the meeting pointed out that General Secretary X stressed"
        if not subjects and previous and previous[1]:
            between = [m for m in mentions if previous[0] <= m.hit.start < cue.start()]
            if (
                not between
                and _CHAIN_GAP.fullmatch(text, previous[0], cue.start())
                and not _NEW_SUBJECT.search(text, previous[0], cue.start())
            ):
                subjects = previous[1]
        if not subjects and role in ("spoke", "reported"):
            subjects = _referent(text, start, cue.start(), last_subjects, seen)
        for m in subjects:
            m.roles.add(role)
        out.subjects.extend(s for s in subjects if s not in out.subjects)
        previous = (cue.end(), subjects)
    return out


def _referent(
    text: str, start: int, at: int, last_subjects: list[Mention], seen: list[Mention]
) -> list[Mention]:
    """ "He stressed ..." or "Li said ...": the person already named that the sentence means."""
    m = _PRONOUN_START.match(text, start, at)
    if not m or not _gap_to_verb(text, m.end(), at):
        return []
    if m.group(1):
        return last_subjects[-1:]
    words = m.group(2).split()
    surname = words[-1]
    for mention in reversed(seen):
        if mention.hit.name.split()[0] == surname:
            return [mention]
    return []
