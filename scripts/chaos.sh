#!/usr/bin/env bash
# Fault test (`make chaos`, see docs/production.md): under load, SIGKILL a gunicorn worker, then restart PostgreSQL;
# afterwards no acknowledged answer or rating is lost, every attempt passes the invariants, and the app serves again
# without anyone stepping in (gunicorn respawns the worker; CONN_HEALTH_CHECKS reconnects after the restart).
#
# PostgreSQL: by default a cluster of its own ("chaos", port 5439, created on first use with pg_createcluster), so
# that restarting it does not disturb anything else using the machine's main cluster. To restart the main one:
#   CHAOS_PG_CLUSTER=main CHAOS_PG_PORT=5432 make chaos
# Knobs: CHAOS_USERS (30) CHAOS_DURATION (80, seconds) CHAOS_KILL_AT (20) CHAOS_PG_RESTART_AT (45)
#        WEB_CONCURRENCY (5) CHAOS_PORT (8192) CHAOS_DB (ww_chaos) CHAOS_OUT (var/chaos)
set -euo pipefail
cd "$(dirname "$0")/.."

PG_VERSION="${CHAOS_PG_VERSION:-15}"
PG_CLUSTER="${CHAOS_PG_CLUSTER:-chaos}"
PG_PORT="${CHAOS_PG_PORT:-5439}"
PORT="${CHAOS_PORT:-8192}"
DB="${CHAOS_DB:-ww_chaos}"
USERS="${CHAOS_USERS:-30}"
DURATION="${CHAOS_DURATION:-80}"
KILL_AT="${CHAOS_KILL_AT:-20}"
RESTART_AT="${CHAOS_PG_RESTART_AT:-45}"
export WEB_CONCURRENCY="${WEB_CONCURRENCY:-5}"
OUT="${CHAOS_OUT:-var/chaos}"
HOST="http://127.0.0.1:${PORT}"
PY=.venv/bin/python
PGCTL=(pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" "$PG_CLUSTER")

if ! pg_lsclusters -h | awk '{print $1"/"$2}' | grep -qx "$PG_VERSION/$PG_CLUSTER"; then
  echo "== creating PostgreSQL cluster $PG_VERSION/$PG_CLUSTER on port $PG_PORT"
  pg_createcluster "$PG_VERSION" "$PG_CLUSTER" -p "$PG_PORT" --start-conf manual -- --auth=trust >/dev/null
fi
pg_isready -q -h 127.0.0.1 -p "$PG_PORT" || "${PGCTL[@]}" start

export DATABASE_URL="postgres://postgres@127.0.0.1:${PG_PORT}/${DB}"
export DJANGO_ALLOWED_HOSTS=127.0.0.1 DJANGO_DEBUG=0 PLAIN_HTTP=1
export DJANGO_SECURE_SSL_REDIRECT=0 DJANGO_SECURE_COOKIES=0 DJANGO_HSTS_SECONDS=0
export DJANGO_SECRET_KEY="${DJANGO_SECRET_KEY:-chaos-test-only-$(date +%s)-$RANDOM$RANDOM$RANDOM$RANDOM-not-a-real-secret}"
export LOAD_PLAN="$OUT/plan.json" LOAD_ACKS="$OUT/acks.jsonl"

rm -rf "$OUT" && mkdir -p "$OUT"
echo "== fresh database $DB on cluster $PG_VERSION/$PG_CLUSTER"
psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres \
  -c "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)" -c "CREATE DATABASE \"$DB\""
$PY manage.py migrate --noinput -v 0
$PY manage.py collectstatic --noinput -v 0
DJANGO_DEVTOOLS=1 $PY manage.py loadtest_prepare --students "$((USERS + 20))" --plan "$LOAD_PLAN"

SKIP_SETUP=1 PORT="$PORT" GUNICORN_PIDFILE="$OUT/gunicorn.pid" scripts/serve.sh > "$OUT/gunicorn.log" 2>&1 &
SERVER=$!
trap 'kill -TERM "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "$HOST/healthz" >/dev/null && break; sleep 0.5; done
MASTER="$(cat "$OUT/gunicorn.pid")"

# A logged-in curl session: GET / with it touches the database (the session lives there).
JAR="$OUT/cookies.txt"
token="$(curl -s -c "$JAR" "$HOST/cuentas/login/" | grep -o 'name="csrfmiddlewaretoken" value="[^"]*"' | sed 's/.*value="//;s/"$//')"
student="$($PY -c "import json; print(json.load(open('$LOAD_PLAN'))['students'][-1])")"
password="$($PY -c "import json; print(json.load(open('$LOAD_PLAN'))['password'])")"
curl -s -b "$JAR" -c "$JAR" -o /dev/null -d "csrfmiddlewaretoken=$token&username=$student&password=$password" \
  "$HOST/cuentas/login/"
db_page() { curl -s -o /dev/null -w '%{http_code}' -b "$JAR" --max-time 5 "$HOST/" || true; }
[[ "$(db_page)" == "200" ]] || { echo "could not log in with curl"; exit 1; }

START=$(date +%s.%N)
since() { awk -v a="$(date +%s.%N)" -v b="$START" 'BEGIN { printf "%.1f", a - b }'; }
event() { printf '%s\t%s\n' "$(since)" "$1" | tee -a "$OUT/events.tsv"; }
workers() { pgrep -P "$MASTER" | wc -l; }

echo "== load: $USERS users for ${DURATION}s; SIGKILL a worker at ${KILL_AT}s, restart PostgreSQL at ${RESTART_AT}s"
.venv/bin/locust -f loadtest/locustfile.py --headless --host "$HOST" --only-summary --exit-code-on-error 0 \
  --stop-timeout 5 -u "$USERS" -r 10 -t "${DURATION}s" --csv "$OUT/app" StudentUser TeacherUser \
  > "$OUT/locust-app.log" 2>&1 &
LOCUST=$!
event "load started: $USERS users, $(workers) gunicorn workers"

sleep "$KILL_AT"
victim="$(ps -o pid= --sort=-pcpu --ppid "$MASTER" | head -n1 | tr -d " ")"  # the busiest worker: likely mid-request
kill -KILL "$victim"
event "SIGKILL to gunicorn worker $victim"
for _ in $(seq 1 100); do
  [[ "$(workers)" -ge "$WEB_CONCURRENCY" ]] && ! pgrep -P "$MASTER" | grep -qx "$victim" && break
  sleep 0.1
done
event "gunicorn respawned it: $(workers) workers again"

sleep "$((RESTART_AT - KILL_AT - 1))"
event "PostgreSQL restart begins (pg_ctlcluster $PG_VERSION $PG_CLUSTER restart)"
"${PGCTL[@]}" restart
event "PostgreSQL restart command returned"
for _ in $(seq 1 200); do [[ "$(db_page)" == "200" ]] && break; sleep 0.1; done
event "first database-backed page (logged-in home) served after the restart: HTTP $(db_page)"

wait "$LOCUST" || true
event "load finished"

{
  echo "After the faults, with nobody stepping in: \`/healthz\` answers HTTP $(curl -s -o /dev/null -w '%{http_code}' "$HOST/healthz"), the logged-in home page HTTP $(db_page); gunicorn runs $(workers) workers (of $WEB_CONCURRENCY)."
} > "$OUT/after.txt"
cat "$OUT/after.txt"
kill -TERM "$SERVER"; wait "$SERVER" 2>/dev/null || true
trap - EXIT

status=0
echo "== every acknowledged write is in the database"
DJANGO_DEVTOOLS=1 $PY manage.py loadtest_verify "$LOAD_ACKS" --json "$OUT/verify.json" > /dev/null || status=1
echo "== invariants"
$PY manage.py check_integrity --json "$OUT/integrity.json" > /dev/null || status=1
$PY scripts/load_report.py chaos --out "$OUT" --users "$USERS" --duration "${DURATION}s" --workers "$WEB_CONCURRENCY" \
  $([[ "${CHAOS_WRITE_DOCS:-1}" == "1" ]] && echo --docs docs/production.md)
exit $status
