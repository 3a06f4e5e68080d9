"""Folding of names and titles before comparison, as ``spec/record.md`` (Scoring) defines it.

Gold annotations and extractor output write the same person in different surface forms
("Nguyễn Văn A", "Nguyen Van A", "Xi Jin-ping", "People’s" with a typographic apostrophe); the
score must not punish those differences, so every comparison goes through these two functions.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold_name", "fold_title", "fold_value"]

# Letters NFKD leaves whole although readers treat them as a base letter with a mark; Vietnamese
# đ is the one that matters for the corpus, the others cost nothing.
_UNDECOMPOSED = str.maketrans(
    {"đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "ı": "i"}
)

# Hyphens and dashes (U+2010..U+2015, the minus sign) and apostrophes (straight, typographic,
# modifier letter, backtick), which transliterations of the same name use or omit at will.
_NAME_NOISE = re.compile(r"[\s\-\u2010-\u2015\u2212'\u2018\u2019\u02bc\u02b9`\u00b4]+")

_SPACES = re.compile(r"\s+")


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold_name(name: str) -> str:
    """Fold a person's name so that spelling variants of one name compare equal.

    Case folding runs before and after decomposition because a few characters only decompose
    once lower-cased (and the other way round); doing both keeps the fold idempotent.
    """
    text = _strip_marks(name.translate(_UNDECOMPOSED).casefold())
    text = _strip_marks(text.translate(_UNDECOMPOSED).casefold())
    return _NAME_NOISE.sub("", text)


def _fold_title_once(title: str) -> str:
    text = unicodedata.normalize("NFKC", title).casefold()
    chars = []
    for ch in text:
        category = unicodedata.category(ch)
        if category == "Pd":
            chars.append(" ")
        elif not category.startswith("P"):
            chars.append(ch)
    text = _SPACES.sub(" ", unicodedata.normalize("NFKC", "".join(chars))).strip()
    while text == "the" or text.startswith("the "):
        text = text[4:]
    return text


def fold_title(title: str) -> str:
    """Fold an office title: case, a leading "the", punctuation and spacing do not count.

    Dashes become spaces rather than vanishing so that "Vice-Chairman" and "Vice Chairman"
    meet; diacritics are kept because a title is compared as written, not transliterated.
    Dropping punctuation can bring a stray combining mark next to a letter, which changes what
    normalization does, so the fold repeats until stable to stay idempotent.
    """
    text = _fold_title_once(title)
    for _ in range(4):
        again = _fold_title_once(text)
        if again == text:
            break
        text = again
    return text


def fold_value(value: str | None) -> str | None:
    """Fold a place or body value that is compared as a name (jurisdictions), keeping None."""
    return None if value is None else fold_name(value)
