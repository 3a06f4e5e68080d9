"""Finding people's names in English readouts.

Three recognisers, in order of confidence: Chinese names in pinyin (a known surname and a
given name that segments into pinyin syllables, so "Zhang Qingwei" and "Zhang Qing-wei" pass and
"Zhang Provincial" does not), Vietnamese names (a known family name and one to three words
that are well-formed Vietnamese syllables, with or without diacritics), and other names
(Lao, Cuban, Korean, garbled translations) recognised only from their context: an office, an
honorific or a rank written right before them, or an office right after them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from readouts.extract.en.lexicon import EnglishLexicon, fold
from readouts.extract.en.memo import phrase_cache

_TOKEN = r"\p{Lu}\p{Ll}+(?:-\p{L}\p{Ll}*)?"
_RUN = regex.compile(rf"{_TOKEN}(?: {_TOKEN})*")
_TOKEN_RE = regex.compile(_TOKEN)
_VN_SYLLABLE = regex.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?"
)
_ENGLISH_WORD = regex.compile(
    r"(?:tion|sion|ment|ing|ance|ence|ity|ship|ism|ist|ive|ure|ness|ogy|ies|ics|ern|ese)$"
)
_TITLE_BEFORE_GENERAL = regex.compile(r"\p{Lu}\p{Ll}+[ -]$")
_PRESS_LIST = regex.compile(r"\s*(?:,|and)\s*")
_APPOSITIVE_TITLE = regex.compile(r"[\w' ]{0,60},\s*$")
_AFTER_TITLE = regex.compile(r"\s*(?:,|-)\s*(?:the\s+)?((?:[\w'-]+\s+){0,4}[\w'-]+)")


@dataclass
class NameHit:
    start: int
    end: int
    name: str
    kind: str  # "cn", "vn" or "context"
    rank: str | None = None
    rank_start: int | None = None
    lead: int = 0  # start of honorific or rank before the name (== start when none)
    press: bool = False


@cache
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
    if (
        fold(tokens[i].group()) in lex.cn_surnames
        and i + 1 < len(tokens)
        and _is_given_name(tokens[i + 1].group(), lex)
    ):
        return 2
    return 0


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
    """A place name, or a longer run that starts with a two-word one ("Ha Tinh Dong")."""
    first_two = " ".join(name.split(" ")[:2])
    return name in lex.places or (first_two != name and first_two in lex.places)


@phrase_cache
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
    for run in _RUN.finditer(text):
        words = run.group()
        if " " not in words:
            continue  # one word: every recogniser needs two
        base = run.start()
        found = False
        for s, e, n in _recognised(words, lex):
            start, end = base + s, base + e
            if text[end : end + 5] != " City":
                hits.append(_hit(text, start, end, "cn" if n == 2 else "vn", lex))
                found = True
        if not found:
            hit = _context_name(text, run, lex)
            if hit:
                hits.append(hit)
    _mark_press(text, hits, lex)
    return hits


def _hit(text: str, start: int, end: int, kind: str, lex: EnglishLexicon) -> NameHit:
    hit = NameHit(start, end, text[start:end], kind, lead=start)
    before = text[max(0, start - 40) : start]
    rank = lex.rank_re.search(before)
    if rank and not (
        rank.group().strip() == "General" and _TITLE_BEFORE_GENERAL.search(before, 0, rank.start())
    ):
        hit.rank = rank.group().strip()
        hit.rank_start = start - len(before) + rank.start()
        hit.lead = hit.rank_start
    honorific = lex.honorific_re.search(text[max(0, hit.lead - 20) : hit.lead])
    if honorific:
        hit.lead -= len(honorific.group())
    return hit


@phrase_cache
def _context_words(words: str, lex: EnglishLexicon) -> tuple[int, int, bool] | None:
    """Where a run of capitalised words may hold a name known only from its context (the
    words after any leading offices), and whether an office led it; kept per run."""
    tokens = list(_TOKEN_RE.finditer(words))
    k = 0
    while k < len(tokens) and (
        fold(tokens[k].group()) in lex.not_name or fold(tokens[k].group()) in lex.title_heads
    ):
        k += 1
    rest = tokens[k:]
    if not 2 <= len(rest) <= 4 or any(_not_a_name_word(t.group(), lex) for t in rest):
        return None
    if words[rest[0].start() : rest[-1].end()] in lex.places:
        return None
    return rest[0].start(), rest[-1].end(), k > 0


def _context_name(text: str, run: regex.Match[str], lex: EnglishLexicon) -> NameHit | None:
    """A name known only by what stands around it: an office or honorific before, or after."""
    found = _context_words(run.group(), lex)
    if found is None:
        return None
    start, end = run.start() + found[0], run.start() + found[1]
    if text[end : end + 2] == "'s":
        return None
    led = found[2] or lex.honorific_re.search(text[max(0, start - 20) : start]) is not None
    if not led:
        before = text[max(0, start - 90) : start]
        tail = _APPOSITIVE_TITLE.search(before)
        led = tail is not None and lex.title_head_re.search(tail.group()) is not None
    after = _AFTER_TITLE.match(text, end)
    titled = after is not None and lex.title_head_re.search(after.group(1)) is not None
    if not (led or titled):
        return None
    return _hit(text, start, end, "context", lex)


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
        if lex.press_re.search(before) or (
            previous and previous.press and _PRESS_LIST.fullmatch(text, previous.end, hit.lead)
        ):
            hit.press = True
        previous = hit
