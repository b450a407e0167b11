# Two commands for a newcomer: `make run` serves the site, `make test` runs the test suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: run test test-browser install lint messages bench bench-rush bench-render lighthouse

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall whenever the project's dependencies change.
$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[dev,browser]"
	@# WeasyPrint (the sign-in list PDF) needs Pango and HarfBuzz from the system.
	@$(BIN)/python -c "import weasyprint" 2>/dev/null || echo "WeasyPrint cannot load Pango: the sign-in list PDF will fail (apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0)"
	touch $@

install: $(VENV)/.installed

# The Nu HTML Checker (W3C's validator) for tests/test_html_validity.py, fetched with npm into
# .venv; without npm those tests are skipped, and say so (in CI they fail instead).
VNU_VERSION := 26.9.27
VNU_STAMP := $(VENV)/vnu/installed-$(VNU_VERSION)
$(VNU_STAMP): | $(BIN)/python
	@if command -v npm >/dev/null 2>&1; then \
		npm install --silent --no-audit --no-fund --prefix $(VENV)/vnu vnu-jar@$(VNU_VERSION) \
		&& touch $@; \
	else \
		echo "npm not found: the HTML validity tests will be skipped (apt-get install npm)"; \
	fi

# The front-end tools for the API's contract tests (tests/test_api_schema.py, test_api_clients.py):
# openapi-typescript, openapi-fetch, TypeScript and redocly, as tests/contract_client pins them,
# fetched with npm into .venv; without npm those tests are skipped, and say so (in CI they fail).
APITOOLS := $(VENV)/apitools
APITOOLS_STAMP := $(APITOOLS)/installed
$(APITOOLS_STAMP): tests/contract_client/package.json tests/contract_client/package-lock.json | $(BIN)/python
	@if command -v npm >/dev/null 2>&1; then \
		mkdir -p $(APITOOLS) \
		&& cp tests/contract_client/package.json tests/contract_client/package-lock.json $(APITOOLS)/ \
		&& npm ci --silent --no-audit --no-fund --prefix $(APITOOLS) \
		&& touch $@; \
	else \
		echo "npm not found: the API client contract tests will be skipped (apt-get install npm)"; \
	fi

# Lighthouse, for bench/lighthouse.py and tests/browser/test_lighthouse.py, fetched with npm into
# .venv like the checker above; without npm its test is skipped (in CI it fails).
LIGHTHOUSE_VERSION := 13.5.0
LIGHTHOUSE_STAMP := $(VENV)/lighthouse/installed-$(LIGHTHOUSE_VERSION)
$(LIGHTHOUSE_STAMP): | $(BIN)/python
	@if command -v npm >/dev/null 2>&1; then \
		npm install --silent --no-audit --no-fund --prefix $(VENV)/lighthouse lighthouse@$(LIGHTHOUSE_VERSION) \
		&& touch $@; \
	else \
		echo "npm not found: the Lighthouse test will be skipped (apt-get install npm)"; \
	fi

# Links in e-mails, the APIs and the sitemap name the address the site is served on.
run: export SITE_URL = http://127.0.0.1:$(PORT)
run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_reallabor_content
	$(BIN)/python manage.py apply_site_url
	$(BIN)/python manage.py purge_registrations
	$(BIN)/python manage.py ensure_dev_admin --port $(PORT)
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Runs the browser tests too when /usr/bin/chromium exists, and says so when it does not.
test: install $(VNU_STAMP) $(APITOOLS_STAMP) $(LIGHTHOUSE_STAMP)
	$(BIN)/python -m pytest --ds=reallabor_site.settings.test

# Only the browser tests (Chromium against a live server); fails when Chromium is missing.
test-browser: install
	$(BIN)/python -m pytest --ds=reallabor_site.settings.test -m browser tests/browser

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Brings every translation catalogue (locale/ and each app's <app>/locale/) up to date with the
# code and compiles them; run it after changing texts or merging. New texts stay untranslated until
# someone translates them (tests/test_translations.py names them). See scripts/sync_catalogues.sh.
messages: install
	PYTHON=$(BIN)/python scripts/sync_catalogues.sh

# Load benchmark: gunicorn with the production settings, SQLite and (if it answers) PostgreSQL,
# page cache on and off, then a registration rush on PostgreSQL (300 visitors for 100 places);
# writes bench/results.md and fails if the rush overbooks or answers 5xx. See bench/load.py.
bench: install
	$(BIN)/python bench/load.py

# Only the registration rush; bench/results.md keeps its page table.
bench-rush: install
	$(BIN)/python bench/load.py --rush-only

# Database queries and render time per page type, through Django's test client.
bench-render: install
	$(BIN)/python bench/render_pages.py

# Lighthouse's SEO, best-practices and accessibility scores of the home, event and form pages in
# German and Ukrainian under the production settings (bench/lighthouse.py); needs npm and Chromium.
lighthouse: install $(LIGHTHOUSE_STAMP)
	CHROME_PATH=$${CHROME_PATH:-/usr/bin/chromium} $(BIN)/python -m bench.lighthouse
