# claimtrack: `make demo` and `make test` work on a fresh clone (they create .venv when missing).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DEMO_DB ?= demo.db

.PHONY: install demo test lint format bench eval clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	@$(BIN)/claimtrack --db $(DEMO_DB) ingest examples/idlib.txt --outlet "The National" --published 2020-02-15
	@echo; echo "== Claims and who made them (source - = the reporter's own voice) =="
	@$(BIN)/claimtrack --db $(DEMO_DB) claims --article 1
	@echo; echo "== Flagged conflicts, side by side =="
	@$(BIN)/claimtrack --db $(DEMO_DB) conflicts show

lint: $(STAMP)
	$(BIN)/ruff check claimtrack tests bench db
	$(BIN)/ruff format --check claimtrack tests bench db
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format claimtrack tests bench db
	$(BIN)/ruff check --fix claimtrack tests bench db

test: lint
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/ingest_bench.py
	$(BIN)/python bench/match_bench.py

eval: $(STAMP)
	$(BIN)/python bench/attribution_eval.py
	$(BIN)/python bench/pair_eval.py

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm $(DEMO_DB).lock .pytest_cache .mypy_cache .ruff_cache
