# The two commands: `make run` (set up, then run the main job) and `make test` (set up, run every test).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO ?= var/demo
DEMO_MEETINGS ?= 40

.PHONY: run test test-sqlite test-postgres lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The embedded default: a SQLite archive in the working folder, filled from a generated demo corpus.
run: $(STAMP)
	@test -d $(DEMO) || $(BIN)/moedebog demo --meetings $(DEMO_MEETINGS) --out $(DEMO) --formats txt,json,docx
	$(BIN)/moedebog import --quiet $(DEMO) src/moedebog/examples
	$(BIN)/moedebog stats

test: lint test-sqlite test-postgres

lint: $(STAMP)
	$(BIN)/ruff check src tests bench fuzz scripts

# Everything against the embedded SQLite database ...
test-sqlite: $(STAMP)
	$(BIN)/python -m pytest

# ... and the database tests again against PostgreSQL (DATABASE_URL, a local server, or a throwaway cluster).
test-postgres: $(STAMP)
	$(BIN)/python scripts/with_postgres.py $(BIN)/python -m pytest tests/archive tests/search tests/connectors tests/council tests/secretariat

bench: $(STAMP)
	$(BIN)/python bench/parse.py
	$(BIN)/python bench/render.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis var
