"""Throughput of the two write paths (an answer POST, a card rating POST) as a ratio of a bare Django view.

The POST counterpart of the shared ``perf_ratio.py`` (which measures GETs): starts two gunicorn servers, the project
(``winterwar.wsgi``, DEBUG off, plain HTTP on loopback, this process's DATABASE_URL and REDIS_URL) and a bare Django
view, logs in as a student, then runs wrk against the bare view and against each POST in turn, with the same threads
and connections (one connection per wrk thread). A wrk Lua script follows the state of each connection the way a
browser would:

- **answer**: each connection owns one question of an attempt in progress (the student's own, started if needed, at
  a quiz without immediate feedback) and alternates between two different answers, sending the page's sequence token
  (``response.sequence``) and counting it up after each acknowledged save (a redirect to another page);
- **rating**: each connection owns one of the student's cards and rates it «Otra vez» again and again (it stays in
  learning, due within the learn-ahead window) with a fresh token and the card's current ``reps``.

Afterwards it counts in the database what was really saved (sequence numbers, Review rows), so a run whose POSTs were
refused shows it. It writes to the database: use the demo data or a copy, never a school's.

    DJANGO_DEBUG=1 DATABASE_URL=... REDIS_URL=... manage.py perf_post --user ana --password ana-demo
"""

from __future__ import annotations

import contextlib
import http.cookiejar
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from loadtest.htmlforms import find_form, parse
from quizzes.domain import scheduling
from quizzes.management.base import Command as TranslatedCommand
from quizzes.models import Attempt, AttemptState, FeedbackTiming, Quiz, Response, Review, User
from quizzes.selectors.cards import studied_cards
from quizzes.services import attempts as attempt_svc
from quizzes.services import cards as card_svc

BARE_APP = """
from django.conf import settings
from django.http import HttpResponse
from django.urls import path
settings.configure(DEBUG=False, ROOT_URLCONF=__name__, ALLOWED_HOSTS=["*"], SECRET_KEY="x" * 50,
    MIDDLEWARE=["django.middleware.security.SecurityMiddleware", "django.middleware.common.CommonMiddleware"])
def index(request):
    return HttpResponse("hello")
urlpatterns = [path("", index)]
from django.core.wsgi import get_wsgi_application
application = get_wsgi_application()
"""

BARE_PORT, APP_PORT = 8911, 8912

# Per connection (one per wrk thread): `conf[i]` in Lua. The answer script counts the sequence up on a redirect
# elsewhere; the rating script counts reps up on every redirect (the service answers a stale one with a redirect too,
# so the database count after the run is what tells).
LUA_COMMON = """
local threads, n = {}, 0
function setup(thread)
  n = n + 1
  thread:set("i", n)
  table.insert(threads, thread)
end
function done(summary, latency, requests)
  local ok, bad = 0, 0
  for _, t in ipairs(threads) do ok = ok + t:get("ok"); bad = bad + t:get("bad") end
  io.write(string.format("lua_ok=%d lua_bad=%d\\n", ok, bad))
end
"""

LUA_ANSWER = """
function init(args)
  c = conf[i]; seq = c.seq; k = 0; ok = 0; bad = 0
end
function request()
  local body = (k % 2 == 0) and c.a or c.b
  return wrk.format("POST", c.path, headers, body .. "&token=" .. c.rid .. "." .. seq)
end
function response(status, hdrs, body)
  local loc = hdrs["Location"] or ""
  if status == 302 and not string.find(loc, c.path, 1, true) then
    seq = seq + 1; k = k + 1; ok = ok + 1
  else
    bad = bad + 1
  end
end
"""

LUA_RATING = """
function init(args)
  c = conf[i]; reps = c.reps; ok = 0; bad = 0; math.randomseed(os.time() + i)
end
function request()
  local token = string.format("perf%dr%dx%d", i, reps, math.random(1, 1000000000))
  return wrk.format("POST", "/tarjetas/", headers,
    c.body .. "&rating=1&reps=" .. reps .. "&token=" .. token)
end
function response(status, hdrs, body)
  if status == 302 then reps = reps + 1; ok = ok + 1 else bad = bad + 1 end
end
"""


def _lua_str(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _lua_table(rows: list[dict]) -> str:
    items = []
    for row in rows:
        fields = ", ".join(f"{k} = {_lua_str(v) if isinstance(v, str) else v}" for k, v in row.items())
        items.append("{" + fields + "}")
    return "conf = {" + ", ".join(items) + "}\n"


class Client:
    """A browser session with the standard library: cookies, no redirects followed."""

    def __init__(self, port: int):
        self.base = f"http://127.0.0.1:{port}"
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path: str) -> str:
        return self.opener.open(self.base + path).read().decode()

    def login(self, user: str, password: str) -> None:
        page = self.get("/cuentas/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": user, "password": password})
        req = urllib.request.Request(self.base + "/cuentas/login/", data=data.encode())
        self.opener.open(req).read()
        if "sessionid" not in self.cookies:
            raise CommandError("login failed: no session cookie")

    @property
    def cookies(self) -> dict[str, str]:
        return {c.name: c.value for c in self.jar}


def _two_answers(form) -> tuple[list[tuple[str, str]], list[tuple[str, str]]] | None:
    """Two different answers to the question of a page's form (radio, checkbox, text or select controls)."""
    radios, boxes, texts, selects = {}, {}, [], []
    for c in form.controls:
        if c.tag == "input" and c.type == "radio" and c.name:
            radios.setdefault(c.name, []).append(c.value)
        elif c.tag == "input" and c.type == "checkbox" and c.name:
            boxes.setdefault(c.name, []).append(c.value)
        elif c.tag == "input" and c.type == "text" and c.name:
            texts.append(c)
        elif c.tag == "select" and c.name:
            selects.append(c)
    for name, values in radios.items():
        if len(values) >= 2:
            return [(name, values[0])], [(name, values[1])]
    for name, values in boxes.items():
        if len(values) >= 2:
            return [(name, values[0])], [(name, values[1])]
    if texts:
        numeric = texts[0].attrs.get("inputmode") == "decimal"
        a, b = ("1939", "1940") if numeric else ("Helsinki", "Moscú")
        return [(texts[0].name, a)], [(texts[0].name, b)]
    if selects and len(selects[0].options) > 2:
        positions = [v for v in selects[0].options if v]
        first = [(c.name, p) for c, p in zip(selects, positions, strict=False)]
        second = [(c.name, p) for c, p in zip(selects, list(reversed(positions)), strict=False)]
        if first != second:
            return first, second
    return None


class Command(TranslatedCommand):
    help = gettext_lazy(
        "Mide las respuestas y valoraciones por segundo (POST) frente a una vista mínima de Django (wrk)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--user", default="ana", help=_("Estudiante que responde y valora."))
        parser.add_argument("--password", default="ana-demo", help=_("Su contraseña."))
        parser.add_argument("--duration", type=int, default=5, help=_("Segundos de cada medida."))
        parser.add_argument("--connections", type=int, default=4, help=_("Conexiones de wrk, una por hilo de wrk."))
        parser.add_argument("--workers", type=int, default=2, help=_("Procesos de gunicorn."))
        parser.add_argument(
            "--project", default=str(settings.BASE_DIR), help=_("La copia del proyecto que se sirve (con su .venv).")
        )
        parser.add_argument("--only", choices=["answer", "rating"], help=_("Medir solo uno de los dos."))

    def handle(self, *args, **opts):
        project = Path(opts["project"]).resolve()
        gunicorn = project / ".venv" / "bin" / "gunicorn"
        if not gunicorn.exists():
            raise CommandError(f"{gunicorn} does not exist")
        env = dict(os.environ)
        env.update(
            DJANGO_DEBUG="0",
            DJANGO_DEVTOOLS="0",
            DJANGO_SECURE_SSL_REDIRECT="0",
            DJANGO_SECURE_COOKIES="0",
            DJANGO_HSTS_SECONDS="0",
        )
        env.setdefault("DJANGO_SECRET_KEY", "perf-" + "y" * 50)
        env.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
        python = project / ".venv" / "bin" / "python"
        subprocess.run([python, "manage.py", "collectstatic", "--noinput"], cwd=project, env=env, check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip
        tmp = Path(tempfile.mkdtemp())
        (tmp / "bare.py").write_text(BARE_APP)
        workers = str(opts["workers"])
        procs = [
            subprocess.Popen([gunicorn, "-w", workers, "-b", f"127.0.0.1:{BARE_PORT}", "bare:application"], cwd=tmp,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True),
            subprocess.Popen([gunicorn, "-w", workers, "-b", f"127.0.0.1:{APP_PORT}", "winterwar.wsgi"], cwd=project,
                             env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True),
        ]  # fmt: skip
        try:
            self._wait_up(BARE_PORT)
            self._wait_up(APP_PORT)
            self._measure(tmp, opts)
        finally:
            for p in procs:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(p.pid, signal.SIGTERM)

    @staticmethod
    def _wait_up(port: int, timeout: float = 90) -> None:
        end = time.time() + timeout
        while time.time() < end:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
                return
            except urllib.error.HTTPError:
                return
            except Exception:
                time.sleep(0.5)
        raise CommandError(f"server on port {port} did not come up")

    def _measure(self, tmp: Path, opts) -> None:
        user = User.objects.get(username=opts["user"])
        client = Client(APP_PORT)
        client.login(opts["user"], opts["password"])
        cookie = "; ".join(f"{k}={v}" for k, v in client.cookies.items())
        n = opts["connections"]
        self.stdout.write(f"{'POST':10} {'req/s':>8} {'bare':>8} {'ratio':>6}  p50 / p99   saved/sent")
        if opts["only"] in (None, "answer"):
            conf = self._answer_conf(user, client, n)
            before = sum(Response.objects.filter(pk__in=[c["rid"] for c in conf]).values_list("sequence", flat=True))
            result = self._run(tmp, "answer", LUA_ANSWER, conf, cookie, opts)
            after = sum(Response.objects.filter(pk__in=[c["rid"] for c in conf]).values_list("sequence", flat=True))
            self._report("answer", result, after - before)
        if opts["only"] in (None, "rating"):
            conf, card_ids = self._rating_conf(user, client, n)
            before = Review.objects.filter(student_card_id__in=card_ids).count()
            result = self._run(tmp, "rating", LUA_RATING, conf, cookie, opts)
            after = Review.objects.filter(student_card_id__in=card_ids).count()
            self._report("rating", result, after - before)

    def _answer_conf(self, user, client: Client, n: int) -> list[dict]:
        """One question page per connection, of open attempts at quizzes without immediate feedback."""
        now = timezone.now()
        quizzes = Quiz.objects.published().exclude(feedback_timing=FeedbackTiming.IMMEDIATE).order_by("pk")
        conf: list[dict] = []
        for quiz in quizzes:
            attempt = Attempt.objects.filter(user=user, quiz=quiz, state=AttemptState.IN_PROGRESS).first()
            if attempt is None:
                try:
                    attempt = attempt_svc.attempt_start(user=user, quiz=quiz, now=now)
                except Exception:  # closed, no attempts left, not available to this student
                    continue
            for response in attempt.responses.order_by("slot"):
                path = f"/intentos/{attempt.pk}/preguntas/{response.slot}/"
                try:
                    page = client.get(path)
                except urllib.error.HTTPError:
                    break
                form = find_form(parse(page)[0], id="attempt-form")
                answers = _two_answers(form) if form else None
                if answers is None:
                    continue
                hidden = [(k, v) for k, v in form.hidden() if k != "token"]
                a, b = (urllib.parse.urlencode(hidden + x + [("action", "next")]) for x in answers)
                token = dict(form.hidden())["token"]
                rid, seq = token.split(".")
                conf.append({"path": path, "a": a, "b": b, "rid": int(rid), "seq": int(seq)})
                if len(conf) == n:
                    return conf
        raise CommandError(f"found {len(conf)} answerable questions for {n} connections")

    def _rating_conf(self, user, client: Client, n: int) -> tuple[list[dict], list[int]]:
        """One card per connection, due now or new (rated «Otra vez», it stays due in the learn-ahead window)."""
        now = timezone.now()
        card_svc.student_cards_sync(user=user, now=now)
        rows = list(studied_cards(user=user).filter(due__lte=now + scheduling.LEARN_AHEAD).order_by("due")[:n])
        if len(rows) < n:
            raise CommandError(f"{user} has {len(rows)} cards due for {n} connections")
        page = client.get("/tarjetas/")
        csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        conf = [
            {"body": urllib.parse.urlencode({"csrfmiddlewaretoken": csrf, "card": row.pk}), "reps": row.reps}
            for row in rows
        ]
        return conf, [row.pk for row in rows]

    def _wrk(self, port: int, n: int, duration: int, script: Path | None, url: str = "/") -> str:
        cmd = ["wrk", f"-t{n}", f"-c{n}", f"-d{duration}s", "--latency"]
        if script is not None:
            cmd += ["-s", str(script)]
        cmd.append(f"http://127.0.0.1:{port}{url}")
        return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout

    def _run(self, tmp: Path, name: str, lua: str, conf: list[dict], cookie: str, opts) -> dict:
        headers = (
            f"headers = {{[{_lua_str('Cookie')}] = {_lua_str(cookie)}, "
            f'["Content-Type"] = "application/x-www-form-urlencoded"}}\n'
        )
        script = tmp / f"{name}.lua"
        script.write_text(_lua_table(conf) + headers + LUA_COMMON + lua)
        n, duration = opts["connections"], opts["duration"]
        bare = self._wrk(BARE_PORT, n, duration, None)
        out = self._wrk(APP_PORT, n, duration, script)
        return {
            "bare": float(re.search(r"Requests/sec:\s+([\d.]+)", bare).group(1)),
            "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
            "requests": int(re.search(r"(\d+) requests in", out).group(1)),
            "p50": re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1),
            "p99": re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1),
        }

    def _report(self, name: str, r: dict, saved: int) -> None:
        self.stdout.write(
            f"{name:10} {r['rps']:8.0f} {r['bare']:8.0f} {r['rps'] / r['bare']:6.3f}  {r['p50']} / {r['p99']}"
            f"   {saved}/{r['requests']}"
        )
        sys.stdout.flush()
