# Two commands: `make run` serves the portal, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUNTIME := $(VENV)/.runtime-installed
DEV := $(VENV)/.dev-installed
PYTEST_ARGS ?=

.PHONY: run dev test bench setup lint format clean

# `make run` serves as production does: debug off, the key generated into
# var/, Vietnamese error pages, manifest static files; over plain http on
# PORTAL_BIND, so no https redirect and no Secure-only cookies.
# `make dev` (or DJANGO_DEBUG=True make run) is debug mode.
PORTAL_BIND ?= 127.0.0.1:8000
DJANGO_DEBUG ?= False
PORTAL_SITE_URL ?= http://$(PORTAL_BIND)
DJANGO_ALLOWED_HOSTS ?= 127.0.0.1,localhost,$(firstword $(subst :, ,$(PORTAL_BIND)))
RUN_ENV := PORTAL_LOCAL_RUN=True DJANGO_DEBUG=$(DJANGO_DEBUG) \
	PORTAL_BIND=$(PORTAL_BIND) PORTAL_SITE_URL=$(PORTAL_SITE_URL) \
	DJANGO_ALLOWED_HOSTS=$(DJANGO_ALLOWED_HOSTS) DJANGO_SECURE_SSL_REDIRECT=False

$(RUNTIME): requirements.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements.txt
	@touch $@

$(DEV): $(RUNTIME) requirements-dev.txt
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	@touch $@

setup: $(RUNTIME)
	$(RUN_ENV) $(BIN)/python manage.py migrate --noinput -v0
	$(RUN_ENV) $(BIN)/python manage.py load_demo
	$(RUN_ENV) $(BIN)/python manage.py make_renditions -v0
	$(RUN_ENV) $(BIN)/python manage.py collectstatic --noinput -v0
	$(RUN_ENV) $(BIN)/python manage.py ensure_demo_staff

run: setup
	@echo "Serving the portal at http://$(PORTAL_BIND)/ (debug: $(DJANGO_DEBUG); Ctrl+C to stop)"
	$(RUN_ENV) $(BIN)/python -m portal.serve

dev:
	@$(MAKE) --no-print-directory run DJANGO_DEBUG=True

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
