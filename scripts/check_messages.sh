#!/usr/bin/env bash
# The English catalogue is complete and up to date with the code (land.sh and `make test` run this): fails when a
# marked string has no English msgstr, a message is fuzzy or its placeholders differ (msgfmt --check-format
# --statistics), or locale/en/LC_MESSAGES/django.po is out of date (makemessages is run again in a temporary copy
# of the tree and compared). Needs GNU gettext (Debian: apt-get install gettext). Fix: see scripts/messages.py.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-.venv/bin/python}"
exec "$PYTHON" scripts/messages.py check
