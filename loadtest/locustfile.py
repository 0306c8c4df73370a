"""Load test: students log in, take the load quiz (start, answer every question, submit, result) and review cards;
teachers open their class reports; a separate user class measures the ceiling of the stack on /healthz.

Run it as its own process (scripts/load.sh does, see docs/production.md):

    LOAD_PLAN=var/load/plan.json LOAD_ACKS=var/load/acks.jsonl \
    locust -f loadtest/locustfile.py --headless --host http://127.0.0.1:8190 -u 40 -r 10 -t 60s StudentUser TeacherUser

The plan comes from `manage.py loadtest_prepare`. Every answer or rating the server acknowledges (a redirect onwards
after the POST) is appended to LOAD_ACKS; `manage.py loadtest_verify` then checks that each one is in the database.
Pages are driven through their HTML forms, as a browser would, so the test follows the app as it changes.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from locust import between, constant, task
from locust.contrib.fasthttp import FastHttpUser

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from loadtest.htmlforms import find_form, parse  # noqa: E402

PLAN = json.loads(Path(os.environ.get("LOAD_PLAN", "var/load/plan.json")).read_text(encoding="utf-8"))
ACKS_PATH = Path(os.environ.get("LOAD_ACKS", "var/load/acks.jsonl"))
ACKS_PATH.parent.mkdir(parents=True, exist_ok=True)
_acks = ACKS_PATH.open("a", encoding="utf-8")
_acks_lock = threading.Lock()
_student_names = itertools.cycle(PLAN["students"])
_teacher_names = itertools.cycle(sorted(PLAN["teachers"]))
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
# Think time between pages, scaled: LOAD_THINK=0 makes a closed loop that saturates the server (its capacity).
THINK = float(os.environ.get("LOAD_THINK", "1"))
WORDS = ["la Unión Soviética", "Finlandia", "Mannerheim", "URSS", "Helsinki", "Carelia", "1939", "Stalin", "ñandú ü"]


def record_ack(kind: str, **data) -> None:
    """Append one acknowledged write to the client-side log (flushed at once: the log must survive a crash)."""
    line = json.dumps({"kind": kind, "t": time.time(), **data}, ensure_ascii=False)
    with _acks_lock:
        _acks.write(line + "\n")
        _acks.flush()


def path_of(location: str) -> str:
    return urlsplit(location).path if location else ""


class AppUser(FastHttpUser):
    abstract = True
    username = ""

    def login(self, username: str) -> None:
        self.username = username
        login = PLAN["login"]
        page = self.client.get(login, name="GET login")
        form = find_form(parse(page.text or "")[0], action_contains="")
        fields = (form.hidden() if form else []) + [("username", username), ("password", PLAN["password"])]
        with self.client.post(
            login, data=urlencode(fields), headers=FORM, name="POST login", allow_redirects=False, catch_response=True
        ) as response:
            if response.status_code != 302:
                response.failure(f"login refused for {username}: {response.status_code}")

    def get(self, url: str, name: str, **kwargs):
        return self.client.get(url, name=name, **kwargs)

    def post_form(self, url: str, fields: list[tuple[str, str]], name: str):
        """POST without following the redirect; the caller decides whether the answer was acknowledged."""
        return self.client.post(
            url, data=urlencode(fields), headers=FORM, name=name, allow_redirects=False, catch_response=True
        )


class StudentUser(AppUser):
    """A student: quizzes and flashcards, with a short think time between pages."""

    wait_time = between(0.5 * THINK, 2.0 * THINK)
    weight = 5

    def on_start(self):
        self.login(next(_student_names))
        self.urls = PLAN["student_urls"]

    @task(1)
    def home(self):
        self.get(self.urls["home"], "GET home")

    @task(1)
    def progress(self):
        if "progress" in self.urls:
            self.get(self.urls["progress"], "GET mi progreso")

    @task(4)
    def take_quiz(self):
        if "quiz_detail" not in self.urls:
            return
        page = self.get(self.urls["quiz_detail"], "GET quiz")
        forms, links = parse(page.text or "")
        start = find_form(forms, action_contains="/empezar/")
        if start is not None:
            with self.post_form(start.action, start.hidden(), "POST quiz start") as response:
                location = response.headers.get("Location", "")
                if response.status_code != 302:
                    response.failure(f"start: {response.status_code}")
                    return
        else:  # an attempt in progress: its "continue" link
            resume = [a["href"] for a in links if "/intentos/" in a["href"] and a["href"].rstrip("/").count("/") == 2]
            if not resume:
                return
            location = resume[0]
        for _step in range(60):  # bounded: a quiz has far fewer pages than this
            target = path_of(location)
            if "/preguntas/" in target:
                location = self.answer_question(target)
            elif target.endswith("/revision/"):
                location = self.submit(target)
            elif target.endswith("/resultado/"):
                self.get(target, "GET attempt result")
                return
            elif "/intentos/" in target:
                response = self.get(target, "GET attempt resume", allow_redirects=False)
                location = response.headers.get("Location", "")
            else:
                return
            if not location:
                return

    def answer_question(self, path: str) -> str:
        page = self.get(path, "GET question")
        form = find_form(parse(page.text or "")[0], id="attempt-form")
        if form is None:
            return ""
        fields = form.hidden() + self.choose_answer(form)
        visible = [b.value for b in form.buttons() if b.name == "action" and not b.attrs.get("aria-hidden")]
        fields.append(("action", "next" if "next" in visible else "review"))
        token = dict(form.hidden()).get("token", "")
        with self.post_form(form.action or path, fields, "POST answer") as response:
            location = response.headers.get("Location", "")
            if response.status_code == 302 and path_of(location) != path and "/resultado/" not in location:
                answer = [(k, v) for k, v in fields if k not in {"csrfmiddlewaretoken", "token", "action"}]
                record_ack("answer", user=self.username, path=path, token=token, answer=answer)
            elif response.status_code == 302:
                response.failure("answer not saved (stale token or attempt closed)")
            else:
                response.failure(f"answer: {response.status_code}")
        return location

    @staticmethod
    def choose_answer(form) -> list[tuple[str, str]]:
        """Fill the question's controls at random, as a student who may be right or wrong."""
        fields: list[tuple[str, str]] = []
        radios: dict[str, list[str]] = {}
        boxes: dict[str, list[str]] = {}
        for c in form.controls:
            if c.tag == "input" and c.type == "radio" and c.name:
                radios.setdefault(c.name, []).append(c.value)
            elif c.tag == "input" and c.type == "checkbox" and c.name:
                boxes.setdefault(c.name, []).append(c.value)
            elif c.tag == "input" and c.type == "text" and c.name:
                numeric = c.attrs.get("inputmode") == "decimal"
                fields.append((c.name, str(random.randint(1900, 2000)) if numeric else random.choice(WORDS)))
            elif c.tag == "select" and c.name:
                pass
        for name, values in radios.items():
            fields.append((name, random.choice(values)))
        for name, values in boxes.items():
            for value in random.sample(values, random.randint(1, len(values))):
                fields.append((name, value))
        selects = [c for c in form.controls if c.tag == "select" and c.name]
        if selects:
            positions = [v for v in selects[0].options if v]
            random.shuffle(positions)
            for control, position in zip(selects, positions, strict=False):
                fields.append((control.name, position))
        return fields

    def submit(self, path: str) -> str:
        page = self.get(path, "GET attempt review")
        form = find_form(parse(page.text or "")[0], action_contains="/entregar/")
        if form is None:
            return ""
        with self.post_form(form.action, form.hidden(), "POST attempt submit") as response:
            if response.status_code != 302:
                response.failure(f"submit: {response.status_code}")
            return response.headers.get("Location", "")

    @task(4)
    def review_cards(self):
        review = self.urls.get("cards_review")
        if not review:
            return
        for _card in range(random.randint(2, 5)):
            page = self.get(review, "GET cards review")
            links = parse(page.text or "")[1]
            show = [a["href"] for a in links if "js-show-answer" in a.get("class", "")]
            if not show:
                return  # nothing due
            back = self.get(show[0], "GET card answer")
            form = find_form(parse(back.text or "")[0], cls="rating-form")
            if form is None:
                return
            ratings = [b.value for b in form.buttons() if b.name == "rating"]
            fields = form.hidden() + [("rating", random.choice(ratings or ["3"]))]
            with self.post_form(form.action, fields, "POST card rating") as response:
                if response.status_code == 302:
                    hidden = dict(fields)
                    record_ack("review", user=self.username, token=hidden.get("token", ""), card=hidden.get("card"))
                else:
                    response.failure(f"rating: {response.status_code}")

    @task(1)
    def card_stats(self):
        if "cards_stats" in self.urls:
            self.get(self.urls["cards_stats"], "GET cards stats")


class TeacherUser(AppUser):
    """A teacher reading the reports of their classes."""

    wait_time = between(1.0 * THINK, 3.0 * THINK)
    weight = 1

    def on_start(self):
        self.login(next(_teacher_names))
        self.classes = PLAN["teachers"].get(self.username, [])

    @task
    def reports(self):
        if not self.classes:
            return
        pages = random.choice(self.classes)
        for key, url in pages.items():
            self.get(url, f"GET teacher {key.replace('_', ' ')}")


class HealthUser(FastHttpUser):
    """The ceiling: the smallest Django view (no database, no session) through the same server and middleware."""

    wait_time = constant(0)

    @task
    def healthz(self):
        self.client.get(PLAN["healthz"], name="GET /healthz")
