# Two commands: `make run` serves the portal, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUNTIME := $(VENV)/.runtime-installed
DEV := $(VENV)/.dev-installed
PYTEST_ARGS ?=

.PHONY: run test bench setup lint format clean

$(RUNTIME): requirements.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements.txt
	@touch $@

$(DEV): $(RUNTIME) requirements-dev.txt
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	@touch $@

setup: $(RUNTIME)
	$(BIN)/python manage.py migrate --noinput -v0
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py make_renditions -v0
	$(BIN)/python manage.py collectstatic --noinput -v0
	$(BIN)/python manage.py ensure_demo_staff

run: setup
	@echo "Serving the portal at http://127.0.0.1:8000/ (Ctrl+C to stop)"
	$(BIN)/python -m portal.serve

# axe-core and the Nu HTML Checker (package.json) for the accessibility and
# HTML tests; without npm those tests are skipped (CI requires them).
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null; then \
	  npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: the axe-core and HTML validity tests will be skipped."; fi

test: $(DEV) node_modules/.installed
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(DEV)
	$(BIN)/python -m bench

lint: $(DEV)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

format: $(DEV)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) artifacts .pytest_cache .ruff_cache node_modules
