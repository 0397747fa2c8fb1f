# claimtrack: `make demo` and `make test` work on a fresh clone (they create .venv when missing).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DEMO_DB ?= demo.db
# Every package (runtime, dev, and the build backend) pinned with its hashes; `make lock` refreshes it.
LOCK := requirements.lock
LOCK_TOOLS := $(VENV)/lock-tools

.PHONY: install demo test lint format bench eval clean lock

# Installs exactly the locked versions (hash-checked), then claimtrack itself without resolving
# anything: a change to the lock or to pyproject.toml reinstalls; `pip check` fails the install
# when pyproject.toml declares a package the lock lacks.
$(STAMP): pyproject.toml $(LOCK)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/python -m pip check
	touch $(STAMP)

install: $(STAMP)

# Re-resolve pyproject.toml (with the dev extra and the build backend) to the newest versions and
# rewrite the lock with hashes. Commit the result; the next `make` reinstalls from it.
lock:
	test -x $(LOCK_TOOLS)/bin/pip-compile || \
	  ($(PYTHON) -m venv $(LOCK_TOOLS) && $(LOCK_TOOLS)/bin/python -m pip install --quiet pip-tools)
	CUSTOM_COMPILE_COMMAND="make lock" $(LOCK_TOOLS)/bin/pip-compile --quiet --upgrade \
	  --generate-hashes --extra dev --all-build-deps --strip-extras \
	  --no-emit-index-url --no-emit-find-links --output-file $(LOCK) pyproject.toml

demo: $(STAMP)
	@$(BIN)/claimtrack --db $(DEMO_DB) ingest examples/idlib.txt --outlet "The National" --published 2020-02-15
	@echo; echo "== Claims and who made them (source - = the reporter's own voice) =="
	@$(BIN)/claimtrack --db $(DEMO_DB) claims --article 1
	@echo; echo "== Incidents the article tells of (accounts are compared inside one) =="
	@$(BIN)/claimtrack --db $(DEMO_DB) incidents
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
	$(BIN)/python bench/incident_eval.py --split dev

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm $(DEMO_DB).lock .pytest_cache .mypy_cache .ruff_cache
