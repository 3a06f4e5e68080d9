# The two commands a new user runs: `make demo` and `make test`. Both create .venv and
# install the project on first use, so nothing but Python, pip and make is needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-dev
SHARED ?= ../shared
# Generated documents for bench/ingest_speed.py (the issue's target is measured at 100000).
BENCH_DOCS ?= 100000

.PHONY: demo test lint eval bench install clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/readouts extract examples --format table

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check readouts tests bench
	$(BIN)/mypy

eval: $(STAMP)
	$(BIN)/readouts eval $(SHARED)/corpus/dev/en $(SHARED)/corpus/seeds

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python bench/extract_speed.py
	$(BIN)/python bench/ingest_speed.py --n $(BENCH_DOCS)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
