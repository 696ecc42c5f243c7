# CareDesk: `make run` to try it, `make test` to prove it. See README.md.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export CAREDESK_DATA_DIR ?= $(CURDIR)/var
PYTEST_ARGS ?=
TYPED := caredesk/audit caredesk/tenancy/services.py caredesk/tenancy/scoping.py \
	caredesk/people/services caredesk/cases/services caredesk/routing/services \
	caredesk/accounts caredesk/config.py caredesk/db_rows.py caredesk/routing/tasks.py caredesk/cases/tasks.py \
	caredesk/demo bench \
	caredesk/api.py caredesk/api_support caredesk/tenancy/api.py caredesk/people/api.py \
	caredesk/cases/api.py caredesk/cases/schemas.py caredesk/routing/api.py caredesk/routing/schemas.py \
	caredesk/routing/views_agents.py caredesk/routing/views_classification.py caredesk/routing/models_agents.py \
	caredesk/safety/services caredesk/safety/screening caredesk/safety/tasks.py caredesk/safety/gateway caredesk/quality \
	caredesk/channels caredesk/outreach caredesk/knowledge \
	caredesk/insights/signals/gps.py caredesk/insights/signals/disproportionality.py \
	caredesk/insights/signals/disproportionality_cli.py caredesk/insights/signals/reports_csv.py \
	caredesk/insights/signals/faers_import.py caredesk/insights/signals/program_reports.py \
	caredesk/insights/signals/forked.py $(wildcard caredesk/insights/signals/trend*.py) \
	caredesk/insights/models.py caredesk/insights/services caredesk/insights/exports \
	caredesk/insights/api.py caredesk/insights/schemas.py caredesk/insights/tasks.py \
	caredesk/insights/views.py caredesk/insights/views_case.py caredesk/insights/forms.py

.PHONY: run test lint typecheck test-sqlite test-postgres bench eval system-deps venv demo clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.runtime: requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -r requirements.lock
	$(BIN)/pip install -q --no-deps -e .
	touch $@

$(VENV)/.dev: requirements-dev.lock pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -r requirements-dev.lock
	$(BIN)/pip install -q --no-deps -e .
	touch $@ $(VENV)/.runtime

venv: $(VENV)/.runtime

run: $(VENV)/.runtime
	scripts/run.sh

system-deps:
	scripts/install-system-deps.sh

lint: $(VENV)/.dev
	$(BIN)/ruff check caredesk bench conftest.py
	$(BIN)/ruff format --check caredesk bench conftest.py
	$(BIN)/python scripts/check_scoping.py caredesk

typecheck: $(VENV)/.dev
	CAREDESK_ENV=test $(BIN)/mypy $(TYPED)

test-sqlite: $(VENV)/.dev
	CAREDESK_ENV=test $(BIN)/pytest caredesk $(PYTEST_ARGS)

test-postgres: $(VENV)/.dev system-deps
	scripts/with-postgres.sh env CAREDESK_ENV=test $(BIN)/pytest caredesk $(PYTEST_ARGS)

test: system-deps lint typecheck test-sqlite test-postgres
	@echo "make test: lint, types, SQLite and PostgreSQL suites all passed"

bench: $(VENV)/.dev system-deps
	CAREDESK_ENV=test $(BIN)/python -m bench

# Safety screener figures on the labelled sets (eval/README.md says how each was made).
eval: $(VENV)/.dev
	$(BIN)/python -m eval

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
