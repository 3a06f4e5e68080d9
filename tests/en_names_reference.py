"""The English name finder as it stood before its hot loop was rewritten for speed
(``readouts.extract.en.names``), kept unchanged but for its caches as the reference the
fast one is checked against: the same text must give the same names.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import regex

from readouts.extract.en.caseless import ascii_lower
from readouts.extract.en.lexicon import SPACES_AND_COLON, EnglishLexicon, fold

_TOKEN = r"\p{Lu}\p{Ll}+(?:-\p{L}\p{Ll}*)?"
_RUN = regex.compile(rf"{_TOKEN}(?: {_TOKEN})*")
# _RUN for an ASCII text, where \p{Lu}, \p{Ll} and \p{L} are [A-Z], [a-z] and [A-Za-z]: ``re``
# skips to the capitals by its fast first-character scan.
_ASCII_TOKEN = r"[A-Z][a-z]+(?:-[A-Za-z][a-z]*)?"
_ASCII_RUN = re.compile(rf"{_ASCII_TOKEN}(?: {_ASCII_TOKEN})*")
#: A run of capitalised words, as either pattern finds it.
Run = regex.Match[str] | re.Match[str]
_TOKEN_RE = regex.compile(_TOKEN)
_VN_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?"
)
_ENGLISH_WORD = re.compile(
    r"(?:tion|sion|ment|ing|ance|ence|ity|ship|ism|ist|ive|ure|ness|ogy|ies|ics|ern|ese)s?$"
)
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


def _pinyin_split(word: str, syllables: frozenset[str], parts: int = 3) -> bool:
    """Whether ``word`` (lower case) is one to ``parts`` pinyin syllables run together."""
    if word in syllables:
        return True
    if parts == 1:
        return False
    return any(
        word[:i] in syllables and _pinyin_split(word[i:], syllables, parts - 1)
        for i in range(1, min(len(word), 6) + 1)
    )


def _is_given_name(token: str, lex: EnglishLexicon) -> bool:
    word = fold(token).replace("-", "").replace("'", "")
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
        _is_vn_syllable(word, lex)
        or (fold(word) not in lex.not_name and _pinyin_split(fold(word), lex.pinyin))
        for word in name.replace("-", " ").split()
    )


def _is_vn_syllable(token: str, lex: EnglishLexicon) -> bool:
    word = fold(token)
    return word not in lex.not_name and _VN_SYLLABLE.fullmatch(word) is not None


def _chinese(tokens: list[regex.Match[str]], i: int, lex: EnglishLexicon) -> int:
    """Family name and given name; a one-syllable given name that is also an English word
    ("Liu He", "Wang An") only when it ends the run."""
    if fold(tokens[i].group()) not in lex.cn_surnames or i + 1 >= len(tokens):
        return 0
    given = tokens[i + 1].group()
    if _is_given_name(given, lex):
        return 2
    if i + 2 == len(tokens) and fold(given) in _short_english_syllables(lex):
        return 2
    return 0


@cache
def _short_english_syllables(lex: EnglishLexicon) -> frozenset[str]:
    """Pinyin syllables the lexicon also lists as English words ("he", "an")."""
    return frozenset(w for w in lex.not_name & lex.pinyin if len(w) == 2)


def _vietnamese(tokens: list[regex.Match[str]], i: int, lex: EnglishLexicon) -> int:
    """Family name and one to three syllables; an English-looking word ("An", "The") only
    inside a longer name ("Pham Duc An", "Lai The Nguyen"), never as the whole given name."""
    if fold(tokens[i].group()) not in lex.vn_surnames:
        return 0
    n = 1
    while i + n < len(tokens) and n < 4 and _VN_SYLLABLE.fullmatch(fold(tokens[i + n].group())):
        n += 1
    if n == 2 and not _is_vn_syllable(tokens[i + 1].group(), lex):
        return 0
    return n if n >= 2 else 0


def _korean(tokens: list[regex.Match[str]], i: int, lex: EnglishLexicon) -> int:
    """Family name and a given name of two short syllables: "Kim Jong Un", "Kim Jong-un"."""
    if tokens[i].group() not in _kr_cased(lex) or i + 1 >= len(tokens):
        return 0
    first = tokens[i + 1].group()
    if "-" in first and len(first) <= 9 and fold(first) not in lex.not_name:
        return 2
    if i + 2 < len(tokens):
        second = tokens[i + 2].group()
        if all(len(w) <= 5 and fold(w) not in lex.not_name for w in (first, second)):
            return 3
    return 0


@cache
def _kr_cased(lex: EnglishLexicon) -> frozenset[str]:
    return frozenset(s.capitalize() for s in lex.kr_surnames)


def _is_place(name: str, lex: EnglishLexicon) -> bool:
    """A place name, or a longer run that starts with a two-word one ("Ha Tinh Dong"), with
    or without diacritics ("Quảng Ninh")."""
    folded = fold(name)
    first_two = " ".join(folded.split(" ")[:2])
    places = _folded_places(lex)
    return folded in places or (first_two != folded and first_two in places)


@cache
def _folded_places(lex: EnglishLexicon) -> frozenset[str]:
    """Place names without diacritics, so that "Quảng Ninh" meets the table's "Quang Ninh"."""
    return frozenset(fold(p) for p in lex.places)


def _recognised(words: str, lex: EnglishLexicon) -> tuple[tuple[int, int, int], ...]:
    """``(start, end, words)`` of each pinyin, Vietnamese or Korean name in a run of
    capitalised words that is not a place; the same runs ("Li Qiang", "Provincial Party
    Committee") come back in every text, so the answer is kept."""
    tokens = list(_TOKEN_RE.finditer(words))
    out = []
    i = 0
    while i < len(tokens):
        n = max(_chinese(tokens, i, lex), _vietnamese(tokens, i, lex), _korean(tokens, i, lex))
        if n:
            start, end = tokens[i].start(), tokens[i + n - 1].end()
            if not _is_place(words[start:end], lex):
                out.append((start, end, n))
            i += n
        else:
            i += 1
    return tuple(out)


def find_names(text: str, lex: EnglishLexicon) -> list[NameHit]:
    """Every name in ``text`` (the normalized document), in order."""
    hits: list[NameHit] = []
    runs: Iterator[Run] = (_ASCII_RUN if text.isascii() else _RUN).finditer(text)
    for run in runs:
        if " " in run.group():
            found = _run_names(text, run, lex, hits)
            hit = None if found else _context_name(text, run, lex)
        else:  # one word: the recognisers need two, so only these can see a name
            hit = _one_letter_korean(text, run, lex) or _lower_case_given_name(text, run, lex)
        if hit:
            hits.append(hit)
    hits = _skip_alternates(text, hits)
    _mark_press(text, hits, lex)
    return _short_references(text, hits, lex)


def _run_names(text: str, run: Run, lex: EnglishLexicon, hits: list[NameHit]) -> bool:
    """Add the recognised names of a run of two or more capitalised words; whether any was.
    After a one-letter Korean family name the rest of the run is recognised on its own."""
    base, words = run.start(), run.group()
    found = False
    korean = _one_letter_korean(text, run, lex)
    if korean:
        hits.append(korean)
        found = True
        tokens = list(_TOKEN_RE.finditer(words))
        skip = 1 if "-" in tokens[0].group() else 2
        if skip >= len(tokens):
            return True
        base += tokens[skip].start()
        words = words[tokens[skip].start() :]
    for s, e, n in _recognised(words, lex):
        start, end = base + s, base + e
        if text[end : end + 5] != " City":
            hits.append(_hit(text, start, end, "cn" if n == 2 else "vn", lex))
            found = True
    return found


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
            m = _SHORT_REF.match(text, at)
            whole = m is not None and m.end() == at + len(word)
            if whole and not _inside(hits, starts, at) and _called_by_office(text, at, lex):
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
        alt = _ALTERNATE.match(text, hit.end)
        hit.tail = alt.end() if alt else hit.end
        out.append(hit)
    return out


def _lower_case_given_name(text: str, run: Run, lex: EnglishLexicon) -> NameHit | None:
    """A Chinese name typed with its given name in lower case ("..., Shen lirong and ..."),
    trusted only inside a list: a comma before, a comma or "and" after, and a given name of
    two or three pinyin syllables that is not an English word."""
    if fold(run.group()) not in lex.cn_surnames:
        return None
    if not _LIST_BEFORE.search(text, max(0, run.start() - 4), run.start()):
        return None
    m = _LOWER_GIVEN.match(text, run.end())
    if not m or not _is_given_name(m.group(1), lex) or m.group(1) in lex.pinyin:
        return None
    if _ENGLISH_WORD.search(m.group(1)) or len(m.group(1)) < 4:
        return None
    return _hit(text, run.start(), m.end(1), "cn", lex)


def _one_letter_korean(text: str, run: Run, lex: EnglishLexicon) -> NameHit | None:
    """Korean family names of one letter ("O Su Yong") fall outside the word pattern, which
    needs a lower-case letter: a lone capital in the family-name list right before a run,
    followed by a hyphenated or two-syllable given name."""
    start = run.start()
    if not (
        start >= 2
        and text[start - 1] == " "
        and text[start - 2].lower() in lex.kr_surnames
        and text[start - 2].isupper()
        and (start == 2 or not text[start - 3].isalnum())
    ):
        return None
    tokens = list(_TOKEN_RE.finditer(run.group()))
    first = tokens[0].group()
    if "-" in first and len(first) <= 9:
        return _hit(text, start - 2, start + tokens[0].end(), "vn", lex)
    if len(tokens) >= 2 and all(
        len(t.group()) <= 5 and fold(t.group()) not in lex.not_name for t in tokens[:2]
    ):
        return _hit(text, start - 2, start + tokens[1].end(), "vn", lex)
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


def _context_words(words: str, lex: EnglishLexicon) -> tuple[int, int, bool] | None:
    """Where a run of capitalised words may hold a name known only from its context (the
    words after any leading offices), and whether an office led it; kept per run."""
    tokens = list(_TOKEN_RE.finditer(words))
    if len(tokens) < 2:
        return None
    k = 0
    while k < len(tokens) and _not_a_name_word(tokens[k].group(), lex):
        k += 1  # the words of an office written before the name ("Organizations Choe Hwi")
    k = _after_last_office_word(tokens, _from_family_name(tokens, k, lex), lex)
    rest = tokens[k:]
    if not 2 <= len(rest) <= 4 or any(_not_a_name_word(t.group(), lex) for t in rest):
        return None
    if words[rest[0].start() : rest[-1].end()] in lex.places:
        return None
    return rest[0].start(), rest[-1].end(), k > 0


def _context_name(text: str, run: Run, lex: EnglishLexicon) -> NameHit | None:
    """A name known only by what stands around it: an office or honorific before, or after."""
    found = _context_words(run.group(), lex)
    if found is None:
        return None
    start, end = run.start() + found[0], run.start() + found[1]
    if text[end : end + 2] == "'s":
        return None
    before = text[max(0, start - 20) : start]
    led = found[2] or _ends_in(lex.honorific_re, lex.honorifics, before) is not None
    if not led:
        before = text[max(0, start - 90) : start]
        tail = _APPOSITIVE_TITLE.search(before)
        led = tail is not None and lex.title_head_re.search(tail.group()) is not None
    after = _AFTER_TITLE.match(text, end)
    titled = after is not None and lex.title_head_re.search(after.group(1)) is not None
    if not (led or titled):
        return None
    return _hit(text, start, end, "context", lex)


def _from_family_name(tokens: list[regex.Match[str]], k: int, lex: EnglishLexicon) -> int:
    """Where the name starts when a known family name stands two to four words from the end
    of the run ("Light Industry Choe Pyong"): the words before it end an office."""
    for j in range(max(k, len(tokens) - 4), len(tokens) - 1):
        word = fold(tokens[j].group())
        if word in lex.kr_surnames or word in lex.cn_surnames or word in lex.vn_surnames:
            return j
    return k


def _after_last_office_word(tokens: list[regex.Match[str]], k: int, lex: EnglishLexicon) -> int:
    """ "Lao President Thongloun Sisoulith": a word before the office ("Lao", "Cambodian")
    leaves the name as the two to four words after the office's last word."""
    for j in range(len(tokens) - 3, max(k, len(tokens) - 5) - 1, -1):
        if fold(tokens[j].group()) in lex.title_heads:
            return j + 1
    return k


def _not_a_name_word(token: str, lex: EnglishLexicon) -> bool:
    word = fold(token)
    return (
        word in lex.title_heads
        or word in lex.not_name
        or token in lex.body_heads
        or _ENGLISH_WORD.search(word) is not None
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
