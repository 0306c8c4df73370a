#!/usr/bin/env bash
# Serve winterwar with gunicorn and production settings on PostgreSQL (`make serve`).
#
#   make serve                     HTTPS site behind a TLS proxy: HSTS, secure cookies, redirect to https
#   make serve PLAIN_HTTP=1        local demo over plain http://127.0.0.1:8000 (no redirect, no secure cookies)
#   PORT=8101 WEB_CONCURRENCY=5 make serve PLAIN_HTTP=1
#   REDIS_URL=redis://127.0.0.1:6379/0 make serve      cache + cached_db sessions in Redis
#
# DATABASE_URL defaults to the local PostgreSQL (postgres://postgres@127.0.0.1:5432/winterwar); the database is
# created when missing. DJANGO_SECRET_KEY defaults to a key generated once into var/secret_key (every process and
# host serving the same site must share it, or sessions made by one are invalid on another).
# SKIP_SETUP=1 skips migrate/collectstatic (used by the load and chaos scripts, which run them once).
set -euo pipefail
cd "$(dirname "$0")/.."

export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/winterwar}"
export DJANGO_ALLOWED_HOSTS="${DJANGO_ALLOWED_HOSTS:-127.0.0.1,localhost}"
export DJANGO_DEBUG=0
if [[ -z "${DJANGO_SECRET_KEY:-}" ]]; then
  mkdir -p var
  if [[ ! -s var/secret_key ]]; then
    (umask 077 && .venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(60))' > var/secret_key)
  fi
  DJANGO_SECRET_KEY="$(cat var/secret_key)"
  export DJANGO_SECRET_KEY
fi
if [[ "${PLAIN_HTTP:-0}" == "1" ]]; then
  export DJANGO_SECURE_SSL_REDIRECT=0 DJANGO_SECURE_COOKIES=0 DJANGO_HSTS_SECONDS=0
fi

if [[ "${SKIP_SETUP:-0}" != "1" ]]; then
  if [[ "$DATABASE_URL" == postgres* ]]; then
    # Create the database when it does not exist yet (local demo convenience).
    .venv/bin/python - <<'PY'
import os
import dj_database_url
import psycopg
cfg = dj_database_url.parse(os.environ["DATABASE_URL"])
with psycopg.connect(host=cfg["HOST"] or None, port=cfg["PORT"] or None, user=cfg["USER"] or None,
                     password=cfg["PASSWORD"] or None, dbname="postgres", autocommit=True) as conn:
    if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [cfg["NAME"]]).fetchone():
        conn.execute(f'CREATE DATABASE "{cfg["NAME"]}"')
        print(f"created database {cfg['NAME']}")
PY
  fi
  .venv/bin/python manage.py migrate --noinput
  .venv/bin/python manage.py collectstatic --noinput -v 0
  .venv/bin/python manage.py check --deploy
fi

exec .venv/bin/gunicorn winterwar.wsgi:application -c winterwar/gunicorn.conf.py "$@"
