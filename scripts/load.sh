#!/usr/bin/env bash
# Load test (`make load`, see docs/production.md): gunicorn + PostgreSQL on loopback, locust headless in its own
# process, then every acknowledged answer and rating is looked up in the database and the invariants are checked.
#
# Three locust runs against the same server, one after the other:
#   1. the ceiling: HealthUser on /healthz (the smallest Django view: no database, no session);
#   2. the app: StudentUser (log in, take the quiz, review cards) and TeacherUser (class reports), with think time;
#   3. the app at saturation: the same users without think time (LOAD_THINK=0), i.e. the server's capacity.
# Results: var/load/ (locust CSVs, logs, verify.json, integrity.json, report.md), and the block between the load
# markers in docs/production.md (LOAD_WRITE_DOCS=0 to leave the doc alone).
#
# Knobs: LOAD_USERS (60) LOAD_SPAWN_RATE (10) LOAD_DURATION (60s) CEILING_USERS (20) CEILING_DURATION (20s)
#        SATURATION_USERS (20) SATURATION_DURATION (40s)
#        WEB_CONCURRENCY (5 workers) LOAD_PORT (8190) LOAD_DB (ww_load, dropped and recreated) LOAD_OUT (var/load)
#        LOAD_REDIS (redis://127.0.0.1:6379/12, flushed first: the cache, cached sessions and per-user summaries, as a
#        school deploys it; "none" for the embedded set-up's per-process cache and database sessions)
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${LOAD_PORT:-8190}"
DB="${LOAD_DB:-ww_load}"
USERS="${LOAD_USERS:-60}"
SPAWN="${LOAD_SPAWN_RATE:-10}"
DURATION="${LOAD_DURATION:-60s}"
CEILING_USERS="${CEILING_USERS:-20}"
CEILING_DURATION="${CEILING_DURATION:-20s}"
SAT_USERS="${SATURATION_USERS:-20}"
SAT_DURATION="${SATURATION_DURATION:-40s}"
export WEB_CONCURRENCY="${WEB_CONCURRENCY:-5}"
OUT="${LOAD_OUT:-var/load}"
HOST="http://127.0.0.1:${PORT}"
PY=.venv/bin/python

export DATABASE_URL="postgres://postgres@127.0.0.1:5432/${DB}"
LOAD_REDIS="${LOAD_REDIS:-redis://127.0.0.1:6379/12}"
if [[ "$LOAD_REDIS" == "none" ]]; then unset REDIS_URL; else export REDIS_URL="$LOAD_REDIS"; fi
export DJANGO_ALLOWED_HOSTS=127.0.0.1 DJANGO_DEBUG=0 PLAIN_HTTP=1
export DJANGO_SECURE_SSL_REDIRECT=0 DJANGO_SECURE_COOKIES=0 DJANGO_HSTS_SECONDS=0
export DJANGO_SECRET_KEY="${DJANGO_SECRET_KEY:-load-test-only-$(date +%s)-$RANDOM$RANDOM$RANDOM$RANDOM-not-a-real-secret}"
export LOAD_PLAN="$OUT/plan.json" LOAD_ACKS="$OUT/acks.jsonl"

rm -rf "$OUT" && mkdir -p "$OUT"
echo "== fresh database $DB"
psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)" -c "CREATE DATABASE \"$DB\""
if [[ -n "${REDIS_URL:-}" ]]; then
  echo "== cache $REDIS_URL (flushed)"
  $PY -c 'import os, redis; redis.Redis.from_url(os.environ["REDIS_URL"]).flushdb()'
fi
$PY manage.py migrate --noinput -v 0
$PY manage.py collectstatic --noinput -v 0
DJANGO_DEVTOOLS=1 $PY manage.py loadtest_prepare --students "$((USERS + SAT_USERS + 20))" --plan "$LOAD_PLAN"

echo "== gunicorn on $HOST ($WEB_CONCURRENCY workers)"
SKIP_SETUP=1 PORT="$PORT" GUNICORN_PIDFILE="$OUT/gunicorn.pid" scripts/serve.sh > "$OUT/gunicorn.log" 2>&1 &
SERVER=$!
trap 'kill -TERM "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "$HOST/healthz" >/dev/null && break; sleep 0.5; done
curl -sf "$HOST/healthz" >/dev/null || { echo "gunicorn did not start"; cat "$OUT/gunicorn.log"; exit 1; }

locust() {
  .venv/bin/locust -f loadtest/locustfile.py --headless --host "$HOST" --only-summary --exit-code-on-error 0 \
    --stop-timeout 5 "$@"
}
echo "== ceiling: $CEILING_USERS users on /healthz for $CEILING_DURATION"
locust -u "$CEILING_USERS" -r "$CEILING_USERS" -t "$CEILING_DURATION" --csv "$OUT/ceiling" HealthUser \
  > "$OUT/locust-ceiling.log" 2>&1
echo "== app: $USERS users (students and teachers) for $DURATION"
locust -u "$USERS" -r "$SPAWN" -t "$DURATION" --csv "$OUT/app" StudentUser TeacherUser > "$OUT/locust-app.log" 2>&1
echo "== app at saturation: $SAT_USERS users without think time for $SAT_DURATION"
LOAD_THINK=0 locust -u "$SAT_USERS" -r "$SAT_USERS" -t "$SAT_DURATION" --csv "$OUT/saturated" StudentUser TeacherUser \
  > "$OUT/locust-saturated.log" 2>&1

kill -TERM "$SERVER"; wait "$SERVER" 2>/dev/null || true
trap - EXIT

echo "== every acknowledged write is in the database"
status=0
DJANGO_DEVTOOLS=1 $PY manage.py loadtest_verify "$LOAD_ACKS" --json "$OUT/verify.json" > /dev/null || status=1
echo "== invariants"
$PY manage.py check_integrity --json "$OUT/integrity.json" > /dev/null || status=1
$PY scripts/load_report.py load --out "$OUT" --users "$USERS" --duration "$DURATION" \
  --ceiling-users "$CEILING_USERS" --ceiling-duration "$CEILING_DURATION" --workers "$WEB_CONCURRENCY" \
  --saturation-users "$SAT_USERS" --saturation-duration "$SAT_DURATION" \
  $([[ -n "${REDIS_URL:-}" ]] && echo --redis) \
  $([[ "${LOAD_WRITE_DOCS:-1}" == "1" ]] && echo --docs docs/production.md)
exit $status
