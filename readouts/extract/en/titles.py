"""Offices written around a name: after it ("X, Secretary of ..., and Director of ...",
"X - title, title;"), before it ("Provincial Party Committee Secretary X"), or as a plural
group label that gives each listed person the office in the singular ("A and B, members of
the Standing Committee", "Party members A, B").
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field

import regex

from readouts.extract.en.caseless import ascii_lower
from readouts.extract.en.lexicon import EnglishLexicon
from readouts.extract.en.memo import phrase_cache

Span = tuple[int, int]

_DASH = re.compile(r"[ ]*(?:-|:)[ ]+")
_COMMA = re.compile(r"[ ]*,[ ]*")
_AND_OTHER = re.compile(r"[ ]+and other[ ]+")
_CHUNK_END = regex.compile(r"[,;:\n]|[.](?=\s|$)")
_AND_SPLIT = re.compile(r"[ ]+and[ ]+(?:the[ ]+)?")
_AND_START = regex.compile(r"\s*(?:and|as well as)\s", regex.I)
_LEADING = regex.compile(r"^(?:(?:and|also|as well as|the|other|both|a|an)[ ]+)+", regex.I)
# The last character that cannot be inside _BEFORE_WORDS, searched backwards from the name.
_RUN_BREAK = regex.compile(r"(?r)[^\p{L}' -]")
_BEFORE_WORDS = regex.compile(r"(?:(?:[\p{Lu}][\p{L}'-]*|[\p{Ll}][\p{Ll}'-]*)[ ]+)+$")
_VERB_ED = regex.compile(r"\b(?!(?:united|retired|designated|appointed|elected)\b)\p{Ll}{3,}ed\b")
_LEADING_FIRST = frozenset("aAtToObB")  # the first letters of _LEADING's words
_TRAILING_GROUP = regex.compile(r"\s+(?:and\s+)?(?:other\s+)?comrades?\b.*$", regex.I)
#: The characters of _BEFORE_WORDS's words and spaces in an ASCII text.
_RUN_CHARS = string.ascii_letters + "' -"
_LOWER_WORD = re.compile(r"[a-z][a-z'-]*")  # an ASCII word _BEFORE_WORDS takes as lower case
_BARE_OFFICE = regex.compile(r"[ ]+((?:\p{Lu}[\p{L}'-]*[ ]+){1,6})")
_COMMA_BEFORE = re.compile(r",[ ]*$")
_CLAUSE_BREAK = regex.compile(r"[,;:\n(]|[.](?=\s)|\s[-–—]\s")
_ACRONYM = regex.compile(r"\p{Lu}{2,6}")
#: The characters an office after a name may start with, right after it or after spaces
#: (see ``_nothing_after``).
_OFFICE_OPENERS = frozenset("-:,")
_STARTERS = frozenset(
    "the on in at during yesterday today meanwhile also then and of while after before when "
    "where with by from as for to that this".split()
)


@dataclass
class Titles:
    spans: list[Span] = field(default_factory=list)
    end: int = 0  # where the person's phrase (name and offices after it) ends
    group: list[Span] = field(default_factory=list)  # offices of a plural label, each span


@phrase_cache
def is_title(chunk: str, lex: EnglishLexicon) -> bool:
    """Whether a comma-separated chunk names an office rather than starting a new clause."""
    words = chunk.split()
    if not words or len(words) > 25 or words[0].lower() in lex.group_words:
        return False
    head = lex.title_head_re.search(chunk)
    if head is None or len(chunk[: head.start()].split()) > 5 or _VERB_ED.search(chunk):
        return False
    first = words[0]
    return first[0].isupper() or lex.title_start_re.match(chunk) is not None


@phrase_cache
def singular_office(chunk: str, lex: EnglishLexicon) -> str | None:
    """The singular office of a plural label, or ``None`` when the label is singular."""
    for m in lex.title_head_re.finditer(chunk):
        singular = lex.plural_heads.get(m.group().lower())
        if singular:
            cased = singular if chunk[m.start()].isupper() else singular.lower()  # "Deputy PM"
            return chunk[: m.start()] + cased + chunk[m.end() :]
    return None


def _trim(text: str, start: int, end: int) -> Span:
    """An office without the spaces and words around it: leading "and", "the" (_LEADING),
    "and other comrades" after it (_TRAILING_GROUP).  Each pattern is run only where its
    first letter or its word is there (no letter beyond ASCII folds to one of them)."""
    while start < end and text[start] == " ":
        start += 1
    if start < end and text[start] in _LEADING_FIRST:
        lead = _LEADING.match(text[start:end])
        if lead:
            start += lead.end()
    if ascii_lower(text).find("comrade", start, end) >= 0:
        trailing = _TRAILING_GROUP.search(text, start, end)
        if trailing:
            end = trailing.start()
    while end > start and text[end - 1] in " .,;:":
        end -= 1
    return start, end


def _split_and(
    text: str, start: int, end: int, lex: EnglishLexicon, plural: bool = False
) -> list[Span]:
    """Split "Secretary of X and Director of Y" into two offices, but not "X and Y Committee"."""
    spans: list[Span] = []
    cut = start
    ands = _AND_SPLIT.finditer(text, start, end) if text.find(" and ", start, end) >= 0 else ()
    for m in ands:
        rest = text[m.end() : end]
        if plural and singular_office(rest, lex) is None:
            continue  # "members of the Group and Deputy Directors": both parts are plural
        if is_title(rest, lex) and (
            lex.title_start_re.match(text, m.end())
            or (rest[0].isupper() and lex.title_head_re.search(text, cut, m.start()))
        ):  # "Premier and State Planning Commission Chairman": two offices, each with a head
            spans.append((cut, m.start()))
            cut = m.end()
    spans.append((cut, end))
    return [_trim(text, s, e) for s, e in spans if e > s]


def titles_after(
    text: str, pos: int, limit: int, lex: EnglishLexicon, name_at_limit: bool = True
) -> Titles:
    """Offices written right after a name ending at ``pos``, up to ``limit`` (where the next
    name starts, or the end of the sentence when ``name_at_limit`` is false)."""
    if _nothing_after(text, pos, limit):
        return Titles(end=pos)
    return _titles_after(text, pos, limit, lex, name_at_limit)


def _nothing_after(text: str, pos: int, limit: int) -> bool:
    """Whether no office can follow: every way one does (a dash or colon, a comma, "and
    other", a bare capitalised office) starts with one of " -:," and, after the spaces, with
    one of "-:,", "and other " or a capital.  Most names are followed by "'s", " said" or
    " and": telling it from a character or a word spares ``_titles_after`` its four patterns."""
    if pos >= limit:
        return True
    c = text[pos]
    if c != " ":
        return c not in _OFFICE_OPENERS
    k = pos + 1
    while k < limit and text[k] == " ":
        k += 1
    if k == limit:
        return True
    c = text[k]
    if c == "a":  # "and other members of ...", not "and"
        return not text.startswith("and other ", k)
    return c.isascii() and c not in _OFFICE_OPENERS and not c.isupper()


def _titles_after(
    text: str, pos: int, limit: int, lex: EnglishLexicon, name_at_limit: bool
) -> Titles:
    out = Titles(end=pos)
    dash = _DASH.match(text, pos, limit)
    if dash:
        return _dash_list(text, dash.end(), limit, lex, out)
    bare = _BARE_OFFICE.match(text, pos, limit)
    if bare and lex.subject_role_re.match(text, bare.end()) and is_title(bare.group(1), lex):
        out.spans.append(_trim(text, bare.start(1), bare.end(1)))
        out.end = bare.end()  # "X CCP General Secretary presided": no comma around the office
        return out
    other = _AND_OTHER.match(text, pos, limit)
    if other:
        end = _chunk_end(text, other.end(), limit)
        verb = lex.subject_role_re.search(text, other.end(), end) or _VERB_ED.search(
            text, other.end(), end
        )  # "and other members of the group conducted ...": the office stops at the verb
        end = verb.start() if verb else end
        if not any(w.lower() in lex.group_words for w in text[other.end() : end].split()[:3]):
            _set_group(text, other.end(), end, lex, out)  # not "and other city leaders"
        out.end = end
        return out
    while True:
        comma = _COMMA.match(text, out.end, limit)
        if not comma or comma.end() == limit:
            return out  # no comma, or one right before the next name ("A, B"): nothing in it
        end = _chunk_end(text, comma.end(), limit)
        verb = lex.subject_role_re.search(text, comma.end(), end)
        if verb:
            end = verb.start()
        chunk = text[comma.end() : end]
        open_end = end < limit or not name_at_limit
        if out.spans and (verb or open_end) and _names_a_body(chunk, lex):
            out.spans[-1] = (out.spans[-1][0], _trim(text, comma.end(), end)[1])
            out.end = end  # "Director of the Department of X, General Department of Y"
            if verb:
                return out
            continue
        if not (verb or open_end) or not is_title(_LEADING.sub("", chunk), lex):
            return out  # an office running into the next name is that person's
        if singular_office(chunk, lex) is not None:
            if out.spans and _AND_START.match(chunk):
                return out  # "X, Deputy Secretary, and members of ...": an unnamed group
            _set_group(text, comma.end(), end, lex, out)
        else:
            out.spans.extend(_split_and(text, comma.end(), end, lex))
        out.end = end
        if verb:
            return out


def _names_a_body(chunk: str, lex: EnglishLexicon) -> bool:
    """A capitalised organisation with no office in it ("General Department of Politics"),
    which names where the office before it sits."""
    words = chunk.split()
    if not 0 < len(words) <= 8 or not words[0][0].isupper():
        return False
    if lex.title_head_re.search(chunk) is not None:
        return False
    if any(not (w[0].isupper() or w in lex.connectors) for w in words):
        return False
    return any(w in lex.body_heads for w in words)


def _dash_list(text: str, start: int, limit: int, lex: EnglishLexicon, out: Titles) -> Titles:
    """The Vietnamese style: "Name - title, title; Name - title"."""
    end = start
    pieces: list[Span] = []
    while True:
        chunk_end = _chunk_end(text, end, limit)
        verb = lex.subject_role_re.search(text, end, chunk_end)
        if verb:
            chunk_end = verb.start()
        s, e = _trim(text, end, chunk_end)
        if e > s:
            if pieces and not lex.title_head_re.search(text, s, e) and text[s].isupper():
                pieces[-1] = (pieces[-1][0], e)  # "Head of Department, Central Commission"
            else:
                pieces.extend(_split_and(text, s, e, lex))
        end = chunk_end
        if verb or end >= limit or text[end] != ",":
            break
        end += 1
    out.spans = [p for p in pieces if lex.title_head_re.search(text, p[0], p[1])]
    out.end = end
    return out


def _chunk_end(text: str, start: int, limit: int) -> int:
    m = _CHUNK_END.search(text, start, limit)
    return m.start() if m else limit


def _set_group(text: str, start: int, end: int, lex: EnglishLexicon, out: Titles) -> None:
    s, e = _trim(text, start, end)
    singular = singular_office(text[s:e], lex)
    if singular:
        out.group = _split_and(text, s, e, lex, plural=True)


def titles_set_off_before(
    text: str, lead: int, tail: int, floor: int, lex: EnglishLexicon
) -> Titles:
    """An office set off by commas before the name: "Minister of Defence, General X, chaired",
    "The Chairman of ... and Party Secretary, X, presided"; the name must be closed by a comma
    too, or the office would be a label for a list."""
    out = Titles(end=lead)
    if not _COMMA.match(text, tail):  # the name is not set off (the usual case): no office
        return out
    office = _office_before_comma(text, lead, floor, lex)
    if office:
        out.spans = _split_and(text, office[0], office[1], lex)
        out.end = office[0]
    return out


def _office_before_comma(text: str, at: int, floor: int, lex: EnglishLexicon) -> Span | None:
    """The singular office in the comma-separated chunk that ends with a comma right before
    ``at``; the chunk starts after a clause break or an object cue ("Attending were ...")."""
    comma = _COMMA_BEFORE.search(text, max(floor, at - 4), at)
    if comma is None:
        return None
    start = max(floor, comma.start() - 200)
    for b in _CLAUSE_BREAK.finditer(text, start, comma.start()):
        start = b.end()
    for cue in lex.object_role_re.finditer(text, start, comma.start()):
        start = cue.end()  # "With the presence of the first secretary of ..., X"
    s, e = _trim(text, start, comma.start())
    chunk = text[s:e]
    if e <= s or not is_title(chunk, lex) or singular_office(chunk, lex) is not None:
        return None
    if lex.title_start_re.match(text, s):
        return (s, e)
    words = chunk.split()  # "Party Central Committee Secretary": capitalised, ends in a head
    if lex.title_head_re.fullmatch(words[-1]) is None or words[0].endswith("ing"):
        return None
    return (s, e) if all(w[0].isupper() or w in lex.connectors for w in words) else None


def titles_before(text: str, lead: int, floor: int, lex: EnglishLexicon) -> Titles:
    """Offices written right before a name whose honorifics start at ``lead``."""
    if _nothing_before(text, lead, floor, lex):
        return Titles(end=lead)
    return _titles_before(text, lead, floor, lex)


def _nothing_before(text: str, lead: int, floor: int, lex: EnglishLexicon) -> bool:
    """Whether ``_titles_before`` finds nothing, told from the last word or two: most names
    have no space right before them, or a comma, or a lower-case word that is not part of an
    office ("said", "by"), or "and" after the name before or a comma."""
    window = max(floor, lead - 200)
    if lead <= window:
        return True
    if text[lead - 1] != " ":  # the words end in a space, or in one before a line break
        return text[lead - 1] != "\n" or lead - 1 <= window or text[lead - 2] != " "
    j = _skip_spaces_back(text, lead - 1, window)
    if j == window or _breaks_words(text[j - 1]):
        return True  # the last word would end with a break
    i = max(text.rfind(" ", window, j) + 1, window)
    if _LOWER_WORD.fullmatch(text, i, j) is None:
        return False
    # A word in lower case, found whole by the search for the words (it is a word of its own
    # after the space before it, or starts the window): inside the office, where it makes it
    # none, unless it is a connector; alone, where one that starts a clause is dropped.
    if text[i:j] not in lex.connectors:
        return True
    k = _skip_spaces_back(text, i, window)
    return text[i:j] in _STARTERS and (k == window or _breaks_words(text[k - 1]))


def _skip_spaces_back(text: str, at: int, floor: int) -> int:
    while at > floor and text[at - 1] == " ":
        at -= 1
    return at


def _breaks_words(c: str) -> bool:
    """Whether ``c`` is a character that cannot be in _BEFORE_WORDS's words (told for ASCII)."""
    return c.isascii() and not c.isalpha() and c not in "'-"


def _titles_before(text: str, lead: int, floor: int, lex: EnglishLexicon) -> Titles:
    out = Titles(end=lead)
    words = _words_before(text, max(floor, lead - 200), lead)
    office = _office_words(text, words, lead, lex) if words else None
    if office is None:
        return out
    s, e = office
    singular = singular_office(text[s:e], lex)
    if singular:
        out.group = _split_and(text, s, e, lex, plural=True)
    else:
        out.spans = _split_and(text, s, e, lex)
        s = _offices_listed_before(text, s, floor, lex, out)
    out.end = s
    return out


def _words_before(text: str, window_start: int, lead: int) -> Span | None:
    """The words right before a name whose honorifics start at ``lead``: _BEFORE_WORDS's
    match in the window, searched after the last character _RUN_BREAK finds (the words hold
    no such character: starting after it spares trying every position before it).  Where the
    window ends in ASCII words, ``str.rstrip`` finds that character and the words are told
    from their spaces (``_ascii_words``): the patterns cost more than the rest of the work."""
    if lead > window_start and text[lead - 1] == " ":
        window = text[window_start:lead]
        rest = window.rstrip(_RUN_CHARS)
        if not rest or rest[-1].isascii():  # no letter beyond ASCII that rstrip would miss
            start = _ascii_words(text, window_start + len(rest), lead)
            return None if start is None else (start, lead)
    if lead > window_start and text[lead - 1] != "\n":
        stop = _RUN_BREAK.search(text, window_start, lead)
        if stop:
            window_start = stop.end()
    m = _BEFORE_WORDS.search(text, window_start, lead)
    return m.span() if m else None


def _ascii_words(text: str, start: int, lead: int) -> int | None:
    """Where _BEFORE_WORDS matches in ``text[start:lead]``, ASCII letters, apostrophes,
    hyphens and spaces ending in a space: at the first of the words after the last one that
    is none (a word is capitalised, or in lower case throughout), or inside that one where
    what is left of it is a word ("Bay" of "eBay")."""
    found = None
    end = lead
    for chunk in reversed(text[start:lead].split(" ")):
        at = end - len(chunk)
        end = at - 1
        if not chunk:
            continue
        if chunk[0].isupper() or (chunk[0].islower() and chunk.islower()):
            found = at
            continue
        upper = [i for i, c in enumerate(chunk) if c.isupper()]
        lower = [i for i, c in enumerate(chunk) if c.islower()]
        tail = upper[:1] or lower[:1]  # no capital after a lower-case start of what is left
        return at + tail[0] if tail else found
    return found


def _office_words(text: str, words: Span, lead: int, lex: EnglishLexicon) -> Span | None:
    """The office among the ``words`` before ``lead`` (a _BEFORE_WORDS match): the
    words left once those that start a clause or are in lower case are dropped from the
    front, if they hold a head and are all capitalised or connectors.  The match is words
    between spaces: ``str.split`` finds them without a match object for each of the many
    words of "study and implement the spirit of General Secretary"."""
    start, end = words
    tokens = text[start:end].split()
    connectors = lex.connectors
    k = 0
    while k < len(tokens) and (
        tokens[k].lower() in _STARTERS or (tokens[k][0].islower() and tokens[k] not in connectors)
    ):
        k += 1
    if k == len(tokens):
        return None
    kept = tokens[k:]
    s = _token_start(text, start, tokens, k)
    if not lex.title_head_re.search(text, s, lead):
        return None
    first = s
    if len(kept) > 1 and _ACRONYM.fullmatch(kept[0]):
        first = text.find(kept[1], s + len(kept[0]))
    if lex.title_head_re.fullmatch(kept[-1]) is None and not lex.title_start_re.match(text, first):
        return None  # "WPK Vice Chairman for Economic Affairs X": an acronym before the office
    if any(w[0].islower() and w not in lex.connectors for w in kept):
        return None
    return s, _skip_spaces_back(text, end, s)


def _token_start(text: str, start: int, tokens: list[str], k: int) -> int:
    """Where ``tokens[k]`` starts, ``tokens`` being the words of ``text`` from ``start``
    between spaces: each one is the next place its text is found."""
    at = start
    for token in tokens[:k]:
        at = text.find(token, at) + len(token)
    return text.find(tokens[k], at)


def _offices_listed_before(text: str, s: int, floor: int, lex: EnglishLexicon, out: Titles) -> int:
    """ "Politburo member, Secretary of the Central Committee, Head of the Commission X": the
    comma-separated offices before the one next to the name are the same person's. Returns
    where the first of them starts."""
    while (office := _office_before_comma(text, s, floor, lex)) is not None:
        out.spans[:0] = _split_and(text, office[0], office[1], lex)
        s = office[0]
    return s
