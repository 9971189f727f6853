# The two commands: `make demo` and `make test`. Everything else is a step of those.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck pytest chromium bench docs screenshots clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

## demo: install, build the sample world into demo/, open its alert and KPI cases, write its report
demo: $(STAMP)
	$(BIN)/recorrido sample demo
	$(BIN)/recorrido alerts run --store demo/recorrido.duckdb
	$(BIN)/recorrido kpis demo/recorrido.duckdb --open-cases
	$(BIN)/recorrido report --store demo/recorrido.duckdb --map demo/journey.yaml -o demo/informe.html

## test: lint, type check and every test
test: lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP) chromium
	$(BIN)/python -m pytest -q

## chromium: Debian's headless Chromium for the report's browser test (installed when root)
chromium:
	@command -v chromium >/dev/null 2>&1 || [ "$$(id -u)" != 0 ] || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
	@command -v chromium >/dev/null 2>&1 || \
	  echo "note: chromium is not installed (apt-get install chromium as root): the browser test is skipped"

## screenshots: the report of the sample world in both languages → docs/img/ (for the README)
screenshots: $(STAMP) chromium
	$(BIN)/python -m recorrido.report.screenshots demo docs/img

## bench: ingestion (1M, 10M rows) and analytics (1M, 10M, 30M events) → docs/benchmarks.md
bench: $(STAMP)
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/analytics.py

## docs: regenerate the CLI reference from --help
docs: $(STAMP)
	$(BIN)/python -m recorrido.cli.reference docs/cli.md

clean:
	rm -rf $(VENV) demo .pytest_cache .mypy_cache .ruff_cache .hypothesis
