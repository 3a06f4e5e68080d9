"""A deterministic generator of English meeting readouts about fictional officials.

The store's benchmarks and the web load test need corpora of 100,000 readouts that look like
the ones analysts collect: the same officials meeting again and again in the same bodies,
offices changing hands over the years, syndicated near-copies of a report and second reports of
one meeting by another outlet.  Real text cannot be shipped, so a seeded world (``gen_world``:
provinces, offices, who held which office when) is built first; each document index gets a
meeting plan (``gen_plans``) that is then written out in an outlet's phrasing (``gen_text``).
Every person is composed from syllable lists in ``generate_parts.toml``; places and
institutions are real so that the extractor resolves jurisdictions.

Document ``i`` depends only on ``(seed, i)``: a 10,000-document corpus is the prefix of the
100,000-document one, and memory stays flat however many are generated.  The world has 34
provinces over 2011-2024, and a day's meetings go to different places (``gen_plans._slot``),
so a body rarely meets twice on one day: the meetings the ingest links as reports of one
meeting are, nearly all, the generated second reports.

    .venv/bin/python bench/generate.py N OUT [--seed S]    # OUT: a directory, or a .jsonl file

From Python (with ``bench/`` on ``sys.path``, as it is for scripts in ``bench/``)::

    from generate import generate
    for text in generate(100_000, seed=0): ...
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

from gen_plans import plan_for, same_day_plans
from gen_text import render, same_day_paragraph
from gen_world import World, world_for

#: What each document is: [kind, weight].  "copy" is a syndicated near-copy of an earlier
#: document, "second" another outlet's report of an earlier document's meeting, "double" one
#: report of two meetings, "other" a news item that reports no meeting.
DOC_KINDS = (("original", 93), ("copy", 3), ("second", 2), ("double", 1), ("other", 1))
#: How far back a copy or a second report looks for its original.
ECHO_WINDOW = 400


def generate(n: int, seed: int = 0) -> Iterator[str]:
    """The texts of documents ``0 .. n-1`` of the corpus for ``seed``."""
    world = world_for(seed)
    for index in range(n):
        yield document(world, seed, index)


def source_name(index: int) -> str:
    """The file name document ``index`` is written under (sorted names keep the order)."""
    return f"gen-{index:07d}.txt"


def kind_of(seed: int, index: int) -> str:
    kinds = [k for k, _ in DOC_KINDS]
    weights = [w for _, w in DOC_KINDS]
    kind = random.Random(f"{seed}/{index}/kind").choices(kinds, weights)[0]
    return "original" if index < 10 and kind in ("copy", "second") else kind


def document(world: World, seed: int, index: int) -> str:
    rng = random.Random(f"{seed}/{index}/text")
    kind = kind_of(seed, index)
    if kind in ("copy", "second"):
        source = earlier_original(seed, index, rng)
        if source is None:
            kind = "original"
        elif kind == "copy":
            return syndicate(original(world, seed, source), rng)
        else:
            plan = plan_for(world, seed, source)
            return render(plan, rng, True, world.person(plan.place.country, rng))
    if kind == "double":
        first, second = same_day_plans(world, seed, index)
        text = render(first, rng, False, world.person("CN", rng))
        return text + "\n" + same_day_paragraph(second, rng) + "\n"
    if kind == "other":
        return not_a_readout(world, rng)
    return original(world, seed, index)


def original(world: World, seed: int, index: int) -> str:
    """Document ``index`` as its own outlet wrote it (also the text its copies start from)."""
    rng = random.Random(f"{seed}/{index}/text")
    plan = plan_for(world, seed, index)
    return render(plan, rng, False, world.person(plan.place.country, rng))


def earlier_original(seed: int, index: int, rng: random.Random) -> int | None:
    """An earlier document index that is an original, within the echo window."""
    for _ in range(8):
        source = index - rng.randint(1, min(index, ECHO_WINDOW))
        if kind_of(seed, source) == "original":
            return source
    return None


def syndicate(text: str, rng: random.Random) -> str:
    """A reprint: the same article with the reprinting site's editor line and its spacing."""
    if rng.random() < 0.5:
        text = text.replace("\n\n", "\n")
    editor = rng.choice(("Wang Xiaoyan", "Li Hongmei", "Zhang Jiayi", "Chen Ruolan"))
    return f"{text}\n[Reprinted from the original report. Responsible editor: {editor}]\n"


def not_a_readout(world: World, rng: random.Random) -> str:
    place = rng.choice([p for p in world.places if p.country == "CN"])
    headline, body = rng.choice(world.parts["other"]["texts"])
    fill = {"province": place.name, "city": place.capital}
    day = f"20{rng.randint(18, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return f" date {day} {headline.format(**fill)}\n\n{body.format(**fill)}\n"


def write_corpus(n: int, out: Path, seed: int) -> None:
    """Write ``n`` documents as ``.txt`` files into a directory, or as one JSON Lines file."""
    if out.suffix == ".jsonl":
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8") as handle:
            for index, text in enumerate(generate(n, seed)):
                row = {"source": source_name(index), "text": text}
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    out.mkdir(parents=True, exist_ok=True)
    for index, text in enumerate(generate(n, seed)):
        (out / source_name(index)).write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of documents")
    parser.add_argument("out", type=Path, help="a directory for .txt files, or a .jsonl file")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("n must not be negative")
    write_corpus(args.n, args.out, args.seed)
    print(f"wrote {args.n} documents to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
