"""Check that every write the load test saw acknowledged is in the database (0 lost is the target).

The locust client appends each acknowledged write to a JSON-lines log: an answer (the question page's sequence token
and the fields it posted) or a card rating (its idempotency token). An answer counts as kept when its response's
sequence moved past the token's and the stored answer is what the last acknowledged POST for it parses to; a rating
when a Review with its token exists.
"""

import json
import sys
from collections import defaultdict

from django.db.models import Prefetch
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from quizzes.domain import grading, opaque
from quizzes.management.base import Command as TranslatedCommand
from quizzes.models import Choice, Response, Review
from quizzes.services.attempts import answer_key


def _querydict(pairs) -> QueryDict:
    data = QueryDict(mutable=True)
    for key, value in pairs:
        data.appendlist(key, value)
    return data


class Command(TranslatedCommand):
    help = gettext_lazy(
        "Comprueba en la base de datos las respuestas y calificaciones confirmadas en la prueba de carga; "
        "sale con 1 si falta alguna."
    )

    def add_arguments(self, parser):
        parser.add_argument("acks", help=_("El registro JSON-lines que escribe loadtest/locustfile.py."))
        parser.add_argument(
            "--json", dest="json_out", default="", help=_("Escribe también el resumen en este archivo JSON.")
        )

    def handle(self, *args, acks: str, json_out: str, **options):
        answers: dict[int, list[tuple[int, list]]] = defaultdict(list)
        ratings: set[str] = set()
        n_answer_acks = 0
        with open(acks, encoding="utf-8") as log:
            for line in log:
                if not line.strip():
                    continue
                ack = json.loads(line)
                if ack["kind"] == "answer":
                    response_id, sequence = (int(x) for x in ack["token"].split("."))
                    answers[response_id].append((sequence, ack["answer"]))
                    n_answer_acks += 1
                elif ack["kind"] == "review":
                    ratings.add(ack["token"])

        responses = Response.objects.select_related("question").prefetch_related(
            Prefetch("question__choices", queryset=Choice.objects.all())
        )
        found = {}
        ids = list(answers)
        for start in range(0, len(ids), 1000):
            found.update(responses.in_bulk(ids[start : start + 1000]))
        lost = []
        for response_id, acked in answers.items():
            last_sequence, last_answer = max(acked, key=lambda a: a[0])
            response = found.get(response_id)
            if response is None or response.answer is None or response.sequence <= last_sequence:
                lost.append({"response": response_id, "why": "missing or not saved", "sequence": last_sequence})
                continue
            if response.sequence == last_sequence + 1:
                choices = list(response.question.choices.all())
                key = answer_key(response.question, choices)
                posted = opaque.decode_form(response.pk, [c.pk for c in choices], _querydict(last_answer))
                expected = grading.clean_answer(key, posted)
                if expected != response.answer:
                    lost.append({"response": response_id, "why": "different answer", "expected": expected})
        kept_ratings = set()
        tokens = list(ratings)
        for start in range(0, len(tokens), 1000):
            kept_ratings.update(
                Review.objects.filter(token__in=tokens[start : start + 1000]).values_list("token", flat=True)
            )
        lost_ratings = sorted(ratings - kept_ratings)
        summary = {
            "answers_acknowledged": n_answer_acks,
            "responses_acknowledged": len(answers),
            "answers_lost": len(lost),
            "ratings_acknowledged": len(ratings),
            "ratings_lost": len(lost_ratings),
            "lost_examples": lost[:10],
            "lost_rating_examples": lost_ratings[:10],
        }
        text = json.dumps(summary, indent=1, ensure_ascii=False, default=str)
        self.stdout.write(text)
        if json_out:
            with open(json_out, "w", encoding="utf-8") as out:
                out.write(text + "\n")
        if lost or lost_ratings:
            sys.exit(1)
