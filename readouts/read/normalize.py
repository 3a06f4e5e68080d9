"""Normalization for matching that never moves an offset.

Typographic quotes, dashes and exotic spaces are replaced character for character, so an offset
into the normalized text is an offset into the original: spans found on the normalized text
are returned as they are.
"""

from __future__ import annotations

_ONE_FOR_ONE = {
    "\u2018": "'",
    "\u2019": "'",
    "\u02bc": "'",
    "\u2032": "'",
    "`": "'",
    "\u00b4": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\u00a0": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u2009": " ",
    "\u200a": " ",
    "\u202f": " ",
    "\u3000": " ",
    "\t": " ",
    "\u200b": " ",
    "\ufeff": " ",
    "\r": "\n",
    "\uff0c": ",",
    "\uff1a": ":",
    "\uff1b": ";",
    "\uff08": "(",
    "\uff09": ")",
    "\u3001": ",",
    "\u3002": ".",
}
_PAIRS = tuple(_ONE_FOR_ONE.items())


def normalize(text: str) -> str:
    """The text with look-alike characters unified; always the same length as ``text``.

    One ``str.replace`` per look-alike present rather than one ``str.translate``: translating
    a text that is not pure ASCII looks every character up in a dict, which costs more than
    the three dozen fast substring tests (no replacement's result is another look-alike).
    """
    for old, new in _PAIRS:
        if old in text:
            text = text.replace(old, new)
    return text
