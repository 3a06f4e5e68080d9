"""Bytes to text, strictly: a readout's offsets are only meaningful in the text as read.

No BOM stripping, no newline translation, no replacement characters: either the bytes are
UTF-8 text and decode one-for-one, or the caller gets one sentence saying what is wrong.
"""

from __future__ import annotations

# Control bytes that ordinary text files do contain.
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")
_SAMPLE_BYTES = 8192
# Share of control bytes above which a file is taken for binary data rather than text.
_MAX_CONTROL_SHARE = 0.10


class NotText(Exception):
    """The bytes are not usable text; the message is the one-sentence problem."""


def decode_text(data: bytes) -> str:
    """The bytes as text, exactly; raises :class:`NotText` saying what is wrong otherwise."""
    if not data or data.isspace():
        raise NotText("empty file")
    if _looks_binary(data):
        raise NotText("binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise NotText(f"not valid UTF-8 at byte {exc.start}") from None


def _looks_binary(data: bytes) -> bool:
    """NUL bytes, or many control bytes near the start, mean data rather than text.

    Text in a legacy encoding (Latin-1, GBK) is not called binary: it is reported as invalid
    UTF-8 with the byte offset, which tells the user what to convert.
    """
    if b"\x00" in data:
        return True
    sample = data[:_SAMPLE_BYTES]
    controls = sum(1 for byte in sample if byte < 0x20 and byte not in _TEXT_CONTROLS)
    return controls > _MAX_CONTROL_SHARE * len(sample)


def human_size(n: int) -> str:
    """A byte count as people read it in an error message (decimal units)."""
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    if n >= 1_000:
        return f"{n / 1_000:.1f} kB"
    return f"{n} bytes"
