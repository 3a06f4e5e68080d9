"""Language identification by script: cheap, deterministic and good enough for this genre.

Readouts are either Chinese (Han characters), Vietnamese (Latin with its dense stacked
diacritics) or English.  A statistical identifier would be slower and no more accurate here.
"""

from __future__ import annotations

import regex

_HAN = regex.compile(r"\p{Han}")
# Letters that only Vietnamese uses among the languages we read (horn vowels, d-bar, and
# vowels carrying a tone mark together with a circumflex or breve).
_VIET = regex.compile(r"[ăâđêôơưĂÂĐÊÔƠƯạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]")
_LETTER_RUN = regex.compile(r"\p{L}+")
_ASCII_BYTES = bytes(range(128))
_SAMPLE = 4_000  # a few paragraphs tell the script apart


def detect_language(text: str) -> str:
    """``"zh"``, ``"vi"`` or ``"en"`` from the first part of the text."""
    sample = text[:_SAMPLE]
    if sample.isascii():
        return "en"
    # Han and Vietnamese letters are all beyond ASCII: count them among those characters only
    # (an English text has a few curly quotes and dashes, not thousands of letters to scan).
    # (UTF-8 keeps ASCII in bytes below 0x80 and everything else above: deleting the former
    # leaves exactly the other characters, in order.)
    utf8 = sample.encode("utf-8", "surrogatepass")
    rare = utf8.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
    han = len(_HAN.findall(rare))
    viet = len(_VIET.findall(rare))
    if not han and not viet:
        return "en"  # counting the letters (the slow part) cannot change the answer
    letters = sum(map(len, _LETTER_RUN.findall(sample))) or 1
    if han / letters > 0.2:
        return "zh"
    if viet / letters > 0.03:
        return "vi"
    return "en"
