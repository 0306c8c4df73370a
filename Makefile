# winterwar: two commands do all the set-up on a fresh machine with Python 3.11 and make.
#   make run   installs into .venv, migrates, loads the Winter War bank and demo accounts, serves :8000
#   make test  installs, lints and runs the whole suite (browser tests included) in random order on two cores

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
DEV_ENV := DJANGO_DEBUG=1

.PHONY: run test coverage install install-dev lint format migrate demo serve load chaos bench bench-quality messages constraints clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# The Spanish model pins an old spaCy in its metadata but runs under ours: it goes in with --no-deps.
NLP_INSTALL = $(BIN)/pip install --quiet --no-deps -r requirements-nlp.txt -c constraints.txt

$(VENV)/.installed: requirements.txt requirements-nlp.txt constraints.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt -c constraints.txt
	$(NLP_INSTALL)
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt requirements-nlp.txt constraints.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt -c constraints.txt
	$(NLP_INSTALL)
	touch $(VENV)/.installed $@

# The compiled catalogues (locale/*/LC_MESSAGES/django.mo) are not committed: built from the .po with polib.
CATALOGUES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po))
locale/%.mo: locale/%.po $(VENV)/.installed
	$(BIN)/python scripts/messages.py compile

install: $(VENV)/.installed $(CATALOGUES)
install-dev: $(VENV)/.installed-dev $(CATALOGUES)

migrate: install
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput

demo: migrate
	$(DEV_ENV) $(BIN)/python manage.py setup_demo

run: demo
	$(DEV_ENV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

# Production: gunicorn on PostgreSQL (PLAIN_HTTP=1 for a local plain-HTTP demo); load and fault tests.
# See docs/production.md.
serve: install
	scripts/serve.sh

load: install-dev
	scripts/load.sh

chaos: install-dev
	scripts/chaos.sh

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# pytest-randomly shuffles the order (the seed is printed; rerun one with -p randomly --randomly-seed=N);
# pytest-xdist runs two workers, each with its own test database.
TEST_WORKERS ?= 2

test: install-dev lint
	scripts/check_messages.sh
	$(BIN)/python -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

# The suite with a line and branch coverage report (terminal and htmlcov/); a report, not a gate.
coverage: install-dev
	$(MAKE) test PYTEST_ARGS="--cov --cov-report=term:skip-covered --cov-report=html"

# The English catalogue from the marked strings (makemessages, tidied), then compiled; needs GNU gettext (Debian:
# apt-get install gettext). Give every new string its English msgstr in locale/en/LC_MESSAGES/django.po; `make test`
# and land.sh run scripts/check_messages.sh, which fails on an empty, fuzzy or missing translation.
messages: install-dev
	$(BIN)/python scripts/messages.py make

constraints:
	rm -rf /tmp/winterwar-constraints && $(PYTHON) -m venv /tmp/winterwar-constraints
	/tmp/winterwar-constraints/bin/pip install --quiet -r requirements-dev.txt
	/tmp/winterwar-constraints/bin/pip install --quiet --no-deps -r requirements-nlp.txt
	{ head -n 3 constraints.txt; /tmp/winterwar-constraints/bin/pip freeze --exclude-editable; } > constraints.txt.new && mv constraints.txt.new constraints.txt

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache .coverage htmlcov build *.egg-info

bench: install
	$(BIN)/python -m quizzes.generation.bench

# The generator on the quality corpus (tests/data/corpus): recall, published items, verdicts. See docs/generation.md.
bench-quality: install-dev
	$(DEV_ENV) $(BIN)/python manage.py bench_quality
