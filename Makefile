# The two commands: `make run` (set up, then run the main job) and `make test` (set up, run every test).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_MEETINGS ?= 60
DEMO_COMMITTEE_MEETINGS ?= 30
DEMO ?= var/demo-$(DEMO_MEETINGS)-$(DEMO_COMMITTEE_MEETINGS)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run archive test test-sqlite test-postgres lint bench bench-web clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

$(DEMO): | $(STAMP)
	$(BIN)/moedebog demo --meetings $(DEMO_MEETINGS) --committee-meetings $(DEMO_COMMITTEE_MEETINGS) \
		--out $(DEMO) --formats txt,json,docx

# The embedded default: a SQLite archive in the working folder, filled from a generated demo corpus when
# it is empty, served as the public web archive on http://$(HOST):$(PORT)/ (Ctrl-C stops it).
run: $(STAMP) $(DEMO)
	$(BIN)/moedebog serve --host $(HOST) --port $(PORT) --import-if-empty $(DEMO) src/moedebog/examples

# The same archive without serving it (for CI and scripts): import the demo corpus, show the archive's size.
archive: $(STAMP) $(DEMO)
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
	$(BIN)/python scripts/with_postgres.py $(BIN)/python -m pytest tests/archive tests/search tests/connectors tests/site tests/secretariat tests/council

bench: $(STAMP)
	$(BIN)/python bench/parse.py
	$(BIN)/python bench/render.py

# The web archive under load: 10 000 meetings, 20 concurrent clients (needs wrk: apt-get install wrk).
bench-web: $(STAMP)
	$(BIN)/python bench/web.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis var
