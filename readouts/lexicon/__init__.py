"""Language knowledge as data: the files under ``readouts/lexicon/<lang>/``.

Adding a surname, a title, a province or a role verb is a change to a data file, never to code.
Each language's files are read once per process (on first use, not at import) and compiled
into the patterns the extractors use.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any


def _open(lang: str, name: str) -> str:
    return resources.files(__package__).joinpath(lang, name).read_text(encoding="utf-8")


@cache
def toml(lang: str, name: str) -> dict[str, Any]:
    """A TOML lexicon file as a dict."""
    return tomllib.loads(_open(lang, name))


@cache
def lines(lang: str, name: str) -> tuple[str, ...]:
    """A one-entry-per-line lexicon file, without comments and blank lines."""
    out = []
    for line in _open(lang, name).splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return tuple(out)


@cache
def table(lang: str, name: str) -> tuple[tuple[str, ...], ...]:
    """A tab-separated lexicon file as rows of fields."""
    return tuple(tuple(line.split("\t")) for line in lines(lang, name))
