# eventwire: `make demo` and `make test` are all a new user needs.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SHARED ?= ../shared
# apt-get needs root: use sudo when we are not root.
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: install demo test browser eval bench train clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	$(BIN)/python -c "from eventwire.gazetteer import load_gazetteer; load_gazetteer(); from eventwire.actor_lexicon import ActorLexicon; ActorLexicon.load()"  # build the gazetteer and lexicon caches once
	touch $(STAMP)

install: $(STAMP)  ## create .venv and install eventwire with pinned dependencies (idempotent)

demo: install  ## store the demo corpus in demo.duckdb and print a summary
	rm -f demo.duckdb demo.duckdb.wal
	$(BIN)/eventwire run --db demo.duckdb src/eventwire/data/demo/

test: install browser  ## run the test suite
	$(BIN)/python -m pytest -q

browser:  ## headless Chromium and its driver for the dashboard tests (Debian packages), when missing
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
		($(SUDO) apt-get update && $(SUDO) apt-get install -y chromium chromium-driver)

eval: install  ## quality figures on ../shared data: every scripts/eval_*.py in turn
	@set -e; for script in scripts/eval_*.py; do echo "### $$script"; $(BIN)/python $$script --shared $(SHARED); done

train: install  ## retrain the small committed models from ../shared (seeded scripts; then run make eval)
	@set -e; for script in scripts/train_coder.py scripts/train_acled.py scripts/train_statements.py scripts/train_statement_source.py scripts/train_statement_content.py; do echo "### $$script"; $(BIN)/python $$script --shared $(SHARED); done

bench: install  ## throughput of eventwire extract vs bare spaCy on Reuters; dashboard over 100,000 events
	$(BIN)/python scripts/bench.py --shared $(SHARED)
	$(BIN)/python scripts/bench_dashboard.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache
