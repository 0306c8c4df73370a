"""Time the interop formats on a synthetic bank: python manage.py bench_interop --questions 2000."""

import random
import time

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from quizzes.interop import anki, csv_io, gift, moodle_xml
from quizzes.interop.schema import ChoiceData, QuestionData
from quizzes.management.base import Command as TranslatedCommand

KINDS = ("single_choice", "multiple_choice", "true_false", "short_answer", "numeric", "ordering")


def synthetic_bank(n: int, rng: random.Random) -> list[QuestionData]:
    items = []
    for i in range(n):
        kind = KINDS[i % len(KINDS)]
        item = QuestionData(
            kind=kind,
            prompt=f"¿Pregunta {i} sobre la Guerra de Invierno: {{llaves}} ~ = # : ñ?",
            explanation=f"Según el texto, oración {rng.randint(1, 300)}.",
            document="Guerra de Invierno",
        )
        if kind in {"single_choice", "multiple_choice"}:
            item.choices = [
                ChoiceData(f"Opción {j} ¿{i}?", j == 0 or (kind == "multiple_choice" and j == 1)) for j in range(4)
            ]
        elif kind == "ordering":
            item.choices = [ChoiceData(f"Hecho {j} de {i}") for j in range(4)]
        elif kind == "true_false":
            item.correct_bool = bool(i % 2)
        elif kind == "short_answer":
            item.accepted = ["Unión Soviética", f"URSS {i}"]
        else:
            item.numeric_value, item.numeric_tolerance = 1939 + i % 3, 0.5
        items.append(item)
    return items


class Command(TranslatedCommand):
    help = gettext_lazy(
        "Mide exportar e importar GIFT, Moodle XML y CSV y crear un paquete de Anki con un banco sintético."
    )

    def add_arguments(self, parser):
        parser.add_argument("--questions", type=int, default=2000, help=_("Preguntas del banco."))
        parser.add_argument("--cards", type=int, default=2000, help=_("Tarjetas del paquete de Anki."))

    def handle(self, *args, questions: int, cards: int, **options):
        items = synthetic_bank(questions, random.Random(1))
        for name, module in (("GIFT", gift), ("Moodle XML", moodle_xml), ("CSV", csv_io)):
            start = time.perf_counter()
            text = module.dumps(items)
            middle = time.perf_counter()
            result = module.loads(text)
            end = time.perf_counter()
            assert not result.errors and len(result.items) == questions
            self.stdout.write(
                f"{name}: {questions} questions, {len(text.encode()) / 1024:.0f} KiB, "
                f"export {1000 * (middle - start):.0f} ms, import (parse) {1000 * (end - middle):.0f} ms"
            )
        deck = anki.AnkiDeck(document_id=1, title="Guerra de Invierno")
        deck.notes = [
            anki.AnkiNote(
                guid_parts=("bench", i),
                front=f"El hecho {i} fue _____.",
                back=f"dato {i}",
                sentence=f"El hecho {i} fue dato {i}, según el texto.",
            )
            for i in range(cards)
        ]
        start = time.perf_counter()
        content = anki.package_bytes([deck], timestamp=1_800_000_000)
        self.stdout.write(
            f"Anki: {cards} cloze notes, {len(content) / 1024:.0f} KiB, {1000 * (time.perf_counter() - start):.0f} ms"
        )
