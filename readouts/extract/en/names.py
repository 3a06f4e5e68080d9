"""Finding people's names in English readouts.

Three recognisers, in order of confidence: Chinese names in pinyin (a known surname and a
given name that segments into pinyin syllables, so "Zhang Qingwei" and "Zhang Qing-wei" pass and
"Zhang Provincial" does not), Vietnamese names (a known family name and one to three words
that are well-formed Vietnamese syllables, with or without diacritics), and other names
(Lao, Cuban, Korean, garbled translations) recognised only from their context: an office, an
honorific or a rank written right before them, or an office right after them.

Then two passes over the names found: a second writing right after a name ("[Kim Cho'ng-u'n]",
"习近平") is folded into it, and a later short reference ("President Cường", "Secretary
Zhang") becomes a mention of the person named in full before.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

import regex

from readouts.extract.en.caseless import ascii_lower
from readouts.extract.en.lexicon import SPACES_AND_COLON, EnglishLexicon, fold
from readouts.extract.en.memo import PhraseTable, word_cache

_TOKEN = r"\p{Lu}\p{Ll}+(?:-\p{L}\p{Ll}*)?"
_RUN = regex.compile(rf"{_TOKEN}(?: {_TOKEN})*")
# _RUN for an ASCII text, where \p{Lu}, \p{Ll} and \p{L} are [A-Z], [a-z] and [A-Za-z]; nothing
# follows a repeat that could make it give back, so every repeat is possessive (``re`` keeps
# no backtracking state for it).
_ASCII_TOKEN = r"[A-Z][a-z]++(?:-[A-Za-z][a-z]*+)?+"
_ASCII_RUN = re.compile(rf"{_ASCII_TOKEN}(?: {_ASCII_TOKEN})*+")
# _ASCII_RUN over the text's characters by class: "A" for a capital, "a" for a small letter,
# "." for what the pattern does not name.  The pattern then starts with a literal, which
# ``re`` finds at C speed, instead of testing a class at every character.
_CLASSES = bytes(
    ord("A") if 65 <= c <= 90 else ord("a") if 97 <= c <= 122 else c if c in b" -" else ord(".")
    for c in range(256)
)
_CLASS_RUN = re.compile(
    _ASCII_RUN.pattern.replace("[A-Za-z]", "[Aa]")
    .replace("[A-Z]", "A")
    .replace("[a-z]", "a")
    .encode()
)
#: A run of capitalised words, as one of the patterns finds it (in the text or its classes).
Run = regex.Match[str] | re.Match[bytes]
_VN_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?"
)
_ENGLISH_SUFFIXES = (
    *"tion sion ment ing ance ence ity ship ism ist ive ure ness ogy ies ics ern ese".split(),
)
#: How an English word (not a name) may end, its plural too: for ``str.endswith``.
_ENGLISH_ENDINGS = (*_ENGLISH_SUFFIXES, *(s + "s" for s in _ENGLISH_SUFFIXES))
_LOWER_GIVEN = regex.compile(r" (\p{Ll}{2,9})(?=\s*,|\s+and\s)")
_SHORT_REF = regex.compile(r"(?<=[\p{L}.] )\p{Lu}\p{Ll}+(?![\p{L}'’-]| \p{Lu})")
_LAST_WORD = regex.compile(r"([\p{L}]+) $")
_LIST_BEFORE = regex.compile(r",\s*$")
_TITLE_BEFORE_GENERAL = regex.compile(r"\p{Lu}\p{Ll}+[ -]$")
_PRESS_LIST = regex.compile(r"\s*(?:,|and)\s*")
_APPOSITIVE_TITLE = regex.compile(r"[\w' ]{0,60},\s*$")
_AFTER_TITLE = regex.compile(r"\s*(?:,|-)\s*(?:the\s+)?((?:[\w'-]+\s+){0,4}[\w'-]+)")
# Another writing of the name right after it, or a note on it: "Kim Jong Un [Kim Cho'ng-u'n]",
# "Xi Jinping 习近平", "Li Ming (Li Ming-hua)", "Li Ming (centre)": a short bracket without
# a clause in it, or Chinese characters.
_ALTERNATE = regex.compile(
    r"[ ]*(?:\[\p{Lu}[\p{L}'’ -]{0,40}\]|\([\p{L}\d'’ ,-]{1,30}\)|\p{Han}{2,6}(?![\p{Han}]))"
)
#: What ``_ALTERNATE`` may find after a name and one space: where the name is followed by
#: anything else in ASCII (as most are), the pattern is not run.
_ALTERNATE_STARTS = frozenset("[( ")


@dataclass
class NameHit:
    start: int
    end: int
    name: str
    kind: str  # "cn", "vn", "context", or "alias" (a later short form of a full name)
    rank: str | None = None
    rank_start: int | None = None
    lead: int = 0  # start of honorific or rank before the name (== start when none)
    press: bool = False
    tail: int = 0  # end of another writing of the name right after it (== end when none)


@word_cache()
def _pinyin_split(word: str, syllables: frozenset[str]) -> bool:
    """Whether ``word`` (lower case) is one to three pinyin syllables (of up to six letters
    each, but the last) run together; two loops, not a recursion, as it is asked afresh
    for every given name."""
    if word in syllables:
        return True
    for i in range(1, min(len(word), 6) + 1):
        if word[:i] in syllables:
            rest = word[i:]
            if rest in syllables:
                return True
            for j in range(1, min(len(rest), 6) + 1):
                if rest[:j] in syllables and rest[j:] in syllables:
                    return True
    return False


def _is_given_name(word: str, lex: EnglishLexicon) -> bool:
    """Whether ``word`` (folded) reads as a Chinese given name."""
    word = word.replace("-", "").replace("'", "")
    return (
        len(word) >= 1
        and word not in lex.not_name
        and _pinyin_split(word, lex.pinyin)
        and word not in lex.title_heads
    )


def is_romanized_place(name: str, lex: EnglishLexicon) -> bool:
    """Whether every word of ``name`` reads as pinyin or as Vietnamese syllables ("Gangu",
    "Da Nang"), so that a county missing from the places table is still recognised."""
    return all(
        _is_vn_syllable(fold(word), lex)
        or (fold(word) not in lex.not_name and _pinyin_split(fold(word), lex.pinyin))
        for word in name.replace("-", " ").split()
    )


def _is_vn_syllable(word: str, lex: EnglishLexicon) -> bool:
    return word not in lex.not_name and _VN_SYLLABLE.fullmatch(word) is not None


def _chinese(tokens: list[str], folded: list[str], i: int, lex: EnglishLexicon) -> int:
    """Family name and given name; a one-syllable given name that is also an English word
    ("Liu He", "Wang An") only when it ends the run."""
    if folded[i] not in lex.cn_surnames or i + 1 >= len(tokens):
        return 0
    if _is_given_name(folded[i + 1], lex):
        return 2
    if i + 2 == len(tokens) and folded[i + 1] in _short_english_syllables(lex):
        return 2
    return 0


@cache
def _short_english_syllables(lex: EnglishLexicon) -> frozenset[str]:
    """Pinyin syllables the lexicon also lists as English words ("he", "an")."""
    return frozenset(w for w in lex.not_name & lex.pinyin if len(w) == 2)


def _vietnamese(tokens: list[str], folded: list[str], i: int, lex: EnglishLexicon) -> int:
    """Family name and one to three syllables; an English-looking word ("An", "The") only
    inside a longer name ("Pham Duc An", "Lai The Nguyen"), never as the whole given name."""
    if folded[i] not in lex.vn_surnames:
        return 0
    n = 1
    while i + n < len(tokens) and n < 4 and _VN_SYLLABLE.fullmatch(folded[i + n]):
        n += 1
    if n == 2 and not _is_vn_syllable(folded[i + 1], lex):
        return 0
    return n if n >= 2 else 0


def _korean(tokens: list[str], folded: list[str], i: int, lex: EnglishLexicon) -> int:
    """Family name and a given name of two short syllables: "Kim Jong Un", "Kim Jong-un"."""
    if tokens[i] not in _kr_cased(lex) or i + 1 >= len(tokens):
        return 0
    first = tokens[i + 1]
    if "-" in first and len(first) <= 9 and folded[i + 1] not in lex.not_name:
        return 2
    two_short = i + 2 < len(tokens) and len(first) <= 5 and len(tokens[i + 2]) <= 5
    if two_short and folded[i + 1] not in lex.not_name and folded[i + 2] not in lex.not_name:
        return 3
    return 0


@cache
def _kr_cased(lex: EnglishLexicon) -> frozenset[str]:
    return frozenset(s.capitalize() for s in lex.kr_surnames)


@cache
def _family_names(lex: EnglishLexicon) -> tuple[frozenset[str], frozenset[str]]:
    """The family names a Chinese or Vietnamese name starts with (folded) and the Korean
    ones (as written): where a run holds none of them, no recogniser need be asked."""
    return lex.cn_surnames | lex.vn_surnames, _kr_cased(lex)


def _is_place(folded: str, lex: EnglishLexicon) -> bool:
    """A place name (``folded``), or a longer run that starts with a two-word one ("Ha Tinh
    Dong"), with or without diacritics ("Quảng Ninh")."""
    first_two = " ".join(folded.split(" ")[:2])
    places = _folded_places(lex)
    return folded in places or (first_two != folded and first_two in places)


@cache
def _folded_places(lex: EnglishLexicon) -> frozenset[str]:
    """Place names without diacritics, so that "Quảng Ninh" meets the table's "Quang Ninh"."""
    return frozenset(fold(p) for p in lex.places)


def _folded(words: str, tokens: list[str]) -> list[str]:
    """``fold`` of each of the run's words.  Folding an ASCII word is lower-casing it, and
    lower-casing the run at once makes one string, not one per word."""
    return words.lower().split(" ") if words.isascii() else [fold(t) for t in tokens]


def _offset(tokens: list[str], i: int) -> int:
    """Where word ``i`` starts in the run: the words before it and a space after each."""
    return sum(map(len, tokens[:i])) + i


def _recognised(
    tokens: list[str], folded: list[str], lex: EnglishLexicon
) -> tuple[tuple[int, int, int], ...]:
    """``(start, end, words)`` of each pinyin, Vietnamese or Korean name in a run of
    capitalised words (split at its spaces) that is not a place."""
    heads, korean = _family_names(lex)
    if heads.isdisjoint(folded) and korean.isdisjoint(tokens):
        return ()  # no family name: most runs
    out = []
    i = 0
    while i < len(tokens):
        n = 0  # the longest name a recogniser finds (each is asked only for its family names)
        if folded[i] in lex.cn_surnames:
            n = _chinese(tokens, folded, i, lex)
        if folded[i] in lex.vn_surnames:
            n = max(n, _vietnamese(tokens, folded, i, lex))
        if tokens[i] in korean:
            n = max(n, _korean(tokens, folded, i, lex))
        if n:
            if not _is_place(" ".join(folded[i : i + n]), lex):
                start = _offset(tokens, i)
                out.append((start, start + len(" ".join(tokens[i : i + n])), n))
            i += n
        else:
            i += 1
    return tuple(out)


class _Reading(NamedTuple):
    """What a run of capitalised words may hold, whatever text it stands in: the names the
    recognisers find in it (``_recognised``), else where a name known only from its context
    may be (``_context_words``)."""

    names: tuple[tuple[int, int, int], ...]
    context: tuple[int, int, bool] | None


#: A run in which nothing can be a name, and a lone word that is a Chinese family name (its
#: given name may follow in lower case): told apart from other readings by identity.
_NOTHING = _Reading((), None)
_FAMILY_NAME = _Reading((), None)
#: Readings of runs: the same runs ("Li Qiang", "Provincial Party Committee") come back in
#: every text, and most of them hold no name.
_READINGS: PhraseTable[_Reading] = PhraseTable()


def _read_run(words: str, lex: EnglishLexicon) -> _Reading:
    """The reading of a run (``words``); the context is worked out only where no name is
    recognised, as it is asked for only then (``_add_names``)."""
    if " " not in words:  # one word: the recognisers need two
        return _FAMILY_NAME if fold(words) in lex.cn_surnames else _NOTHING
    tokens = words.split(" ")
    folded = _folded(words, tokens)
    names = _recognised(tokens, folded, lex)
    if names:
        return _Reading(names, None)
    context = _context_words(tokens, folded, lex)
    return _NOTHING if context is None else _Reading((), context)


def find_names(text: str, lex: EnglishLexicon) -> list[NameHit]:
    """Every name in ``text`` (the normalized document), in order.  Each run of capitalised
    words is read once per wording (``_read_run``); only the one-letter Korean family name
    before a run, rare and told by the capital two characters before it, is looked for in
    the text around."""
    hits: list[NameHit] = []
    runs: Iterator[Run]
    if text.isascii():
        runs = _CLASS_RUN.finditer(text.encode("ascii").translate(_CLASSES))
    else:
        runs = _RUN.finditer(text)
    readings = _READINGS.table(lex)
    for run in runs:
        start, end = run.span()
        words = text[start:end]
        reading = readings.get(words)
        if reading is None:
            reading = _read_run(words, lex)
            _READINGS.keep(readings, words, reading)
        if start > 1 and text[start - 2].isupper():
            korean = _one_letter_korean(text, start, words, lex)
            if korean:
                hits.append(korean)
                _after_korean(text, start, words, lex, hits)
                continue
        if reading is _NOTHING:
            continue
        if reading is _FAMILY_NAME:
            hit = _lower_case_given_name(text, start, words, lex)
        else:
            hit = _add_names(text, start, words, reading, lex, hits)
        if hit:
            hits.append(hit)
    hits = _skip_alternates(text, hits)
    _mark_press(text, hits, lex)
    return _short_references(text, hits, lex)


def _add_names(
    text: str, start: int, words: str, reading: _Reading, lex: EnglishLexicon, hits: list[NameHit]
) -> NameHit | None:
    """Add the recognised names of a run of two or more words but those that name a city;
    where none is added, the name known from its context, if any, is returned."""
    if reading.names:
        found = _add_recognised(text, start, reading.names, lex, hits)
        if found:
            return None
        tokens = words.split(" ")
        context = _context_words(tokens, _folded(words, tokens), lex)
    else:
        context = reading.context
    return None if context is None else _context_name(text, start, context, lex)


def _add_recognised(
    text: str,
    base: int,
    names: tuple[tuple[int, int, int], ...],
    lex: EnglishLexicon,
    hits: list[NameHit],
) -> bool:
    """Add the names a run starting at ``base`` holds but one right before "City"; whether
    any was added."""
    found = False
    for s, e, n in names:
        start, end = base + s, base + e
        if text[end : end + 5] != " City":
            hits.append(_hit(text, start, end, "cn" if n == 2 else "vn", lex))
            found = True
    return found


def _after_korean(
    text: str, start: int, words: str, lex: EnglishLexicon, hits: list[NameHit]
) -> None:
    """After a one-letter Korean family name and its given name the rest of the run is
    recognised on its own."""
    tokens = words.split(" ")
    skip = 1 if "-" in tokens[0] else 2
    if skip >= len(tokens):
        return
    rest = tokens[skip:]
    names = _recognised(rest, _folded(" ".join(rest), rest), lex)
    _add_recognised(text, start + _offset(tokens, skip), names, lex, hits)


def _short_references(text: str, hits: list[NameHit], lex: EnglishLexicon) -> list[NameHit]:
    """ "President Cường", "Secretary Zhang": a person named in full before is later called
    by an office or honorific and one word, the Vietnamese given name or the Chinese family
    name. Each such reference is a hit under the full name; a word two people share is left
    alone."""
    short: dict[str, str | None] = {}
    first: dict[str, int] = {}
    for hit in hits:
        if hit.press or hit.kind == "context" or " " not in hit.name:
            continue
        word = _short_form(hit.name, lex)
        short[word] = None if short.get(word, hit.name) != hit.name else hit.name
        first.setdefault(hit.name, hit.start)
    if not short:
        return hits
    starts = [h.start for h in hits]
    extra: list[NameHit] = []
    for word, full in short.items():
        if full is None:
            continue
        at = text.find(word, first[full])
        while at >= 0:
            if not _inside(hits, starts, at):  # first: most are the full names again
                m = _SHORT_REF.match(text, at)
                whole = m is not None and m.end() == at + len(word)
                if whole and _called_by_office(text, at, lex):
                    extra.append(_hit(text, at, at + len(word), "alias", lex))
                    extra[-1].name = full
            at = text.find(word, at + len(word))
    return sorted(hits + extra, key=lambda h: h.start) if extra else hits


def _called_by_office(text: str, at: int, lex: EnglishLexicon) -> bool:
    """Only an office or honorific right before makes one word a reference to a person: a
    bare "Zhang" may be a place, a company or the start of someone else's name."""
    before = text[max(0, at - 30) : at]
    office = _LAST_WORD.search(before)
    if office is not None and office.group(1).lower() in lex.title_heads:
        return True
    return _ends_in(lex.honorific_re, lex.honorifics, before) is not None


def _short_form(name: str, lex: EnglishLexicon) -> str:
    """The word a person is called by after the first mention: a Vietnamese given name (the
    last word), a Chinese family name (the first)."""
    words = name.split()
    family = fold(words[0])
    vietnamese = family in lex.vn_surnames and (
        family not in lex.cn_surnames or len(words) > 2 or not name.isascii()
    )
    return words[-1] if vietnamese else words[0]


def _inside(hits: list[NameHit], starts: list[int], at: int) -> bool:
    """Whether ``at`` falls inside a name already found (a binary search: hits are sorted)."""
    i = bisect.bisect_right(starts, at) - 1
    return i >= 0 and hits[i].start <= at < hits[i].end


def _skip_alternates(text: str, hits: list[NameHit]) -> list[NameHit]:
    """A second writing of a name in brackets or characters belongs to the name before it:
    it is not another person, and the sentence goes on after it ("X [Y] chaired")."""
    out: list[NameHit] = []
    for hit in hits:
        if out and out[-1].start <= hit.start < out[-1].tail:
            continue
        end = hit.end
        after = text[end : end + 1]
        if after == " ":
            after = text[end + 1 : end + 2]
        may = after in _ALTERNATE_STARTS or after > "\x7f"  # a bracket, or maybe Han
        alt = _ALTERNATE.match(text, end) if may else None
        hit.tail = alt.end() if alt else hit.end
        out.append(hit)
    return out


def _lower_case_given_name(text: str, start: int, word: str, lex: EnglishLexicon) -> NameHit | None:
    """A Chinese name typed with its given name in lower case ("..., Shen lirong and ..."),
    trusted only inside a list: a comma before, a comma or "and" after, and a given name of
    two or three pinyin syllables that is not an English word."""
    if fold(word) not in lex.cn_surnames:
        return None
    if not _LIST_BEFORE.search(text, max(0, start - 4), start):
        return None
    m = _LOWER_GIVEN.match(text, start + len(word))
    if not m or not _is_given_name(fold(m.group(1)), lex) or m.group(1) in lex.pinyin:
        return None
    if m.group(1).endswith(_ENGLISH_ENDINGS) or len(m.group(1)) < 4:
        return None
    return _hit(text, start, m.end(1), "cn", lex)


def _one_letter_korean(text: str, start: int, words: str, lex: EnglishLexicon) -> NameHit | None:
    """Korean family names of one letter ("O Su Yong") fall outside the word pattern, which
    needs a lower-case letter: a lone capital in the family-name list right before a run,
    followed by a hyphenated or two-syllable given name."""
    if not (
        start >= 2
        and text[start - 1] == " "
        and text[start - 2].lower() in lex.kr_surnames
        and text[start - 2].isupper()
        and (start == 2 or not text[start - 3].isalnum())
    ):
        return None
    tokens = words.split(" ")
    first = tokens[0]
    if "-" in first and len(first) <= 9:
        return _hit(text, start - 2, start + len(first), "vn", lex)
    if len(tokens) >= 2 and all(len(t) <= 5 and fold(t) not in lex.not_name for t in tokens[:2]):
        return _hit(text, start - 2, start + len(first) + 1 + len(tokens[1]), "vn", lex)
    return None


def _hit(text: str, start: int, end: int, kind: str, lex: EnglishLexicon) -> NameHit:
    hit = NameHit(start, end, text[start:end], kind, lead=start, tail=end)
    before = text[max(0, start - 40) : start]
    rank = _ends_in(lex.rank_re, lex.ranks, before)
    if rank and not (
        rank.group().strip() == "General" and _TITLE_BEFORE_GENERAL.search(before, 0, rank.start())
    ):
        hit.rank = rank.group().strip()
        hit.rank_start = start - len(before) + rank.start()
        hit.lead = hit.rank_start
    honorific = _ends_in(lex.honorific_re, lex.honorifics, text[max(0, hit.lead - 20) : hit.lead])
    if honorific:
        hit.lead -= len(honorific.group())
    return hit


def _ends_in(
    pattern: regex.Pattern[str], words: tuple[str, ...], before: str
) -> regex.Match[str] | None:
    """``pattern.search(before)`` for a pattern of ``words`` followed by spaces at the end
    (an honorific, a rank).  A match ends in one of the words, then only spaces: ``before``
    without its trailing spaces ends in that word, and where it ends in none (as before
    most names) the search is not run."""
    return pattern.search(before) if before.rstrip().endswith(words) else None


def _context_words(
    tokens: list[str], folded: list[str], lex: EnglishLexicon
) -> tuple[int, int, bool] | None:
    """Where a run of capitalised words (split at its spaces) may hold a name known only
    from its context (the words after any leading offices), and whether an office led it."""
    if len(tokens) < 2:
        return None
    k = 0
    while k < len(tokens) and _not_a_name_word(tokens[k], lex):
        k += 1  # the words of an office written before the name ("Organizations Choe Hwi")
    if k >= len(tokens) - 1:
        return None  # an office, or one word after it (the two below only move k on)
    k = _after_last_office_word(folded, _from_family_name(folded, k, lex), lex)
    rest = tokens[k:]
    if not 2 <= len(rest) <= 4:
        return None
    for token in rest:
        if _not_a_name_word(token, lex):
            return None
    name = " ".join(rest)
    if name in lex.places:
        return None
    start = _offset(tokens, k)
    return start, start + len(name), k > 0


def _context_name(
    text: str, base: int, found: tuple[int, int, bool], lex: EnglishLexicon
) -> NameHit | None:
    """A name known only by what stands around it (``found`` in the run starting at
    ``base``): an office or honorific before, or after."""
    start, end = base + found[0], base + found[1]
    if text[end : end + 2] == "'s":
        return None
    before = text[max(0, start - 20) : start]
    led = found[2] or _ends_in(lex.honorific_re, lex.honorifics, before) is not None
    if not led:
        before = text[max(0, start - 90) : start]
        # The pattern ends in a comma and spaces: where ``before`` does not, it is not run.
        tail = _APPOSITIVE_TITLE.search(before) if before.rstrip().endswith(",") else None
        led = tail is not None and lex.title_head_re.search(tail.group()) is not None
    after = _AFTER_TITLE.match(text, end)
    titled = after is not None and lex.title_head_re.search(after.group(1)) is not None
    if not (led or titled):
        return None
    return _hit(text, start, end, "context", lex)


def _from_family_name(folded: list[str], k: int, lex: EnglishLexicon) -> int:
    """Where the name starts when a known family name stands two to four words from the end
    of the run ("Light Industry Choe Pyong"): the words before it end an office."""
    for j in range(max(k, len(folded) - 4), len(folded) - 1):
        word = folded[j]
        if word in lex.kr_surnames or word in lex.cn_surnames or word in lex.vn_surnames:
            return j
    return k


def _after_last_office_word(folded: list[str], k: int, lex: EnglishLexicon) -> int:
    """ "Lao President Thongloun Sisoulith": a word before the office ("Lao", "Cambodian")
    leaves the name as the two to four words after the office's last word."""
    for j in range(len(folded) - 3, max(k, len(folded) - 5) - 1, -1):
        if folded[j] in lex.title_heads:
            return j + 1
    return k


@word_cache()
def _not_a_name_word(token: str, lex: EnglishLexicon) -> bool:
    word = fold(token)
    return (
        word in lex.title_heads
        or word in lex.not_name
        or token in lex.body_heads
        or word.endswith(_ENGLISH_ENDINGS)
    )


def _mark_press(text: str, hits: list[NameHit], lex: EnglishLexicon) -> None:
    """Reporters, photographers and editors are named in datelines and captions, not met."""
    previous: NameHit | None = None
    for hit in hits:
        before = text[max(0, hit.lead - 30) : hit.lead]
        if _press_before(before, lex) or (
            previous and previous.press and _PRESS_LIST.fullmatch(text, previous.end, hit.lead)
        ):
            hit.press = True
        previous = hit


def _press_before(before: str, lex: EnglishLexicon) -> bool:
    """``lex.press_re.search(before)``: a press cue (or "/") then only spaces and colons to
    the end.  Stripped of those, ``before`` then ends in the cue, so where it ends in none
    (before most names) the search is not run."""
    ending = ascii_lower(before).rstrip(SPACES_AND_COLON)
    return ending.endswith(lex.press_ends) and lex.press_re.search(before) is not None
