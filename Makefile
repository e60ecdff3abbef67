# On a fresh machine: make install, make test, make demo (test and demo install first if needed)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test test-fast lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

## Create .venv and install crosswire with its pinned dependencies.
install: $(STAMP)

## Install, then run the whole pipeline on the bundled example corpus and show what it found.
demo: $(STAMP)
	rm -f example.db example.db-wal example.db-shm
	$(BIN)/crosswire run examples/corpus --db example.db

## Install, then type-check src/ and run the whole test suite.
test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest

## The inner loop: ruff, then the tests not marked slow (no spaCy model, no whole pipeline),
## stopping at the first failure.
test-fast: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/python -m pytest -m "not slow" -x

## Style, formatting, types, and the import layers declared in pyproject.toml ([tool.importlinter]).
lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

## Run every benchmark (needs ../shared); figures go to benchmarks/results/.
bench: $(STAMP)
	for script in extraction pubdate throughput actors time events events_real storage serve; do $(BIN)/python benchmarks/$$script.py || exit 1; done

clean:
	rm -rf $(VENV) example.db example.db-wal example.db-shm
