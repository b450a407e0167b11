# Two commands for a newcomer: `make run` serves the site, `make test` runs the test suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: run test install lint bench bench-render

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall whenever the project's dependencies change.
$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_reallabor_content
	$(BIN)/python manage.py ensure_dev_admin --port $(PORT)
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install
	$(BIN)/python -m pytest --ds=reallabor_site.settings.test

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Load benchmark: gunicorn with the production settings, SQLite and (if it answers) PostgreSQL,
# page cache on and off; writes bench/results.md. See bench/load.py.
bench: install
	$(BIN)/python bench/load.py

# Database queries and render time per page type, through Django's test client.
bench-render: install
	$(BIN)/python bench/render_pages.py
