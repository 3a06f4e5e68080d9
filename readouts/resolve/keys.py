"""Keys that decide identity across documents, and the deterministic ids made from them.

Two mentions are the same person, body or post exactly when their keys are equal, so the
keys are where the resolver's judgement lives: a person's name folded as the scorer folds it
("Trần Văn A" = "Tran Van A"); an office or body name as the sorted bag of its meaningful
words, place names removed ("Secretary of the Hunan Provincial Party Committee" =
"Provincial Party Committee Secretary").  Ids are short hashes of keys, so the same corpus
gives the same ids on any machine, in any order of ingest.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from readouts import lexicon as lx
from readouts.eval.fold import fold_name

#: A word with its marks and inner apostrophes ("People’s"); dashes and spaces split words.
_WORD = regex.compile(r"[\p{L}\p{M}\p{N}'’ʼ]+")


@dataclass(frozen=True, slots=True)
class _WordRules:
    drop: frozenset[str]
    synonyms: dict[str, str]
    phrases: regex.Pattern[str]
    phrase_words: dict[str, str]


@cache
def _rules() -> _WordRules:
    data = lx.toml("en", "resolve.toml")
    phrases = {k.lower(): v.lower() for k, v in data["phrases"].items()}
    alternation = "|".join(regex.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return _WordRules(
        drop=frozenset(data["drop_words"]),
        synonyms={k.lower(): v.lower() for k, v in data["synonyms"].items()},
        phrases=regex.compile(rf"\b(?:{alternation})\b", regex.I),
        phrase_words=phrases,
    )


def new_id(prefix: str, *parts: str | None) -> str:
    """``prefix_`` + 16 hex digits of a hash of the parts (None and "" differ).

    For ids made once each (an event per new meeting): caching them would only fill the
    cache of :func:`make_id` and push out the ids that do repeat."""
    joined = "\x1f".join("\x00" if p is None else p for p in parts)
    return f"{prefix}_{hashlib.sha256(joined.encode('utf-8')).hexdigest()[:16]}"


@lru_cache(maxsize=65536)
def make_id(prefix: str, *parts: str | None) -> str:
    """:func:`new_id`, cached: people, posts and bodies recur in document after document."""
    return new_id(prefix, *parts)


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A person's name folded: diacritics, case, spaces, hyphens, apostrophes do not count."""
    return fold_name(name)


def words_key(text: str) -> str:
    """An office or body name as the sorted set of its meaningful words.

    Place names are the caller's to remove first (:func:`readouts.resolve.places.strip_places`):
    the place is part of the jurisdiction, not of the office.
    """
    rules = _rules()
    text = rules.phrases.sub(lambda m: rules.phrase_words[m.group().lower()], text)
    words = set()
    for raw in _WORD.findall(unicodedata.normalize("NFKD", text)):
        word = fold_name(raw)
        word = rules.synonyms.get(word, word)
        if word and word not in rules.drop:
            words.add(word)
    return " ".join(sorted(words))
