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

# Ingest the demo corpus into readouts.db (idempotent: a second run adds nothing) and serve
# the web UI on http://127.0.0.1:$(DEMO_PORT)/ until Ctrl-C.
DEMO_PORT ?= 8000
demo: $(STAMP)
	$(BIN)/readouts ingest --db readouts.db --quiet examples
	$(BIN)/readouts serve --db readouts.db --port $(DEMO_PORT)

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check readouts tests bench
	$(BIN)/ruff format --check readouts tests bench
	$(BIN)/mypy
	MYPY=$(BIN)/mypy .ci/mypy-tests

eval: $(STAMP)
	$(BIN)/readouts eval $(SHARED)/corpus/dev/en $(SHARED)/corpus/seeds

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python bench/extract_speed.py
	$(BIN)/python bench/ingest_speed.py --n $(BENCH_DOCS)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
