"""Build a large synthetic school for benchmarks: ~1 000 students in 30 classes and ~200 000 answers.

Everything is written with bulk_create in a few large batches, so it takes seconds rather than minutes.
Students answer as a simple item-response model says (ability minus difficulty through a logistic), so that the
item analysis has realistic facility and discrimination values. All rows are tagged with the SYNTH prefix and
``--reset`` removes them first.
"""

import math
import random
import time
from datetime import timedelta
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from quizzes.management.base import Command as TranslatedCommand
from quizzes.models import (
    Assignment,
    Attempt,
    AttemptState,
    Choice,
    Classroom,
    Document,
    Enrollment,
    Fact,
    Flashcard,
    Question,
    QuestionKind,
    Quiz,
    QuizItem,
    Response,
    Review,
    Sentence,
    Status,
    StudentCard,
    User,
)
from quizzes.permissions import teachers_group

SYNTH = "sint"
DOC_TITLE = "Escuela sintética (benchmark)"
BATCH = 5000


class Command(TranslatedCommand):
    help = gettext_lazy(
        "Crea una escuela sintética grande (estudiantes, clases, intentos, repasos) para medir los informes."
    )

    def add_arguments(self, parser):
        parser.add_argument("--students", type=int, default=1000, help=_("Estudiantes."))
        parser.add_argument("--classes", type=int, default=30, help=_("Clases."))
        parser.add_argument("--quizzes", type=int, default=5, help=_("Cuestionarios."))
        parser.add_argument("--questions", type=int, default=20, help=_("Preguntas por cuestionario."))
        parser.add_argument("--attempts", type=int, default=2, help=_("Intentos por estudiante y cuestionario."))
        parser.add_argument("--cards", type=int, default=20, help=_("Tarjetas por estudiante."))
        parser.add_argument("--seed", type=int, default=1, help=_("Semilla del generador aleatorio."))
        parser.add_argument("--reset", action="store_true", help=_("Borra antes la escuela sintética anterior."))

    def handle(self, *args, **opts):
        started = time.perf_counter()
        if opts["reset"]:
            self._reset()
        elif Document.objects.filter(title=DOC_TITLE).exists():
            self.stdout.write("La escuela sintética ya existe (use --reset para rehacerla).")
            return
        rng = random.Random(opts["seed"])
        with transaction.atomic():
            counts = self._build(rng, **opts)
        # Fresh statistics for the query planner: right after a bulk load PostgreSQL has none and picks bad plans
        # (the mastery report took 7 s instead of 0.2 s before ANALYZE).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        elapsed = time.perf_counter() - started
        summary = ", ".join(f"{v} {k}" for k, v in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Escuela sintética creada en {elapsed:.1f} s: {summary}."))

    def _reset(self):
        with transaction.atomic():
            users = User.objects.filter(username__startswith=f"{SYNTH}-")
            Review.objects.filter(user__in=users).delete()
            StudentCard.objects.filter(user__in=users).delete()
            Response.objects.filter(attempt__user__in=users).delete()
            Attempt.objects.filter(user__in=users).delete()
            Classroom.objects.filter(name__startswith="Sintética ").delete()
            quizzes = Quiz.objects.filter(title__startswith="Sintético ")
            QuizItem.objects.filter(quiz__in=quizzes).delete()
            quizzes.delete()
            document = Document.objects.filter(title=DOC_TITLE).first()
            if document:
                Flashcard.objects.filter(document=document).delete()
                Question.objects.filter(document=document).delete()
                document.delete()
            users.delete()

    def _build(self, rng, *, students, classes, quizzes, questions, attempts, cards, **_):
        now = timezone.now()
        password = make_password("sintetico")
        # The text: one sentence and one fact per question.
        n_questions = quizzes * questions
        sentences_text = [f"El hecho número {i} ocurrió en el lugar {i} durante la guerra." for i in range(n_questions)]
        document = Document.objects.create(title=DOC_TITLE, text=" ".join(sentences_text), source="sintético")
        offset, sentences = 0, []
        for i, text in enumerate(sentences_text):
            sentences.append(Sentence(document=document, index=i, text=text, start=offset, end=offset + len(text)))
            offset += len(text) + 1
        sentences = Sentence.objects.bulk_create(sentences)
        facts = Fact.objects.bulk_create(
            Fact(
                document=document,
                sentence=s,
                key=f"{SYNTH}-{s.index}",
                kind="place",
                answer=f"lugar {s.index}",
                start=s.start,
                end=s.start + 10,
            )
            for s in sentences
        )
        qs = Question.objects.bulk_create(
            Question(
                kind=QuestionKind.SINGLE_CHOICE,
                prompt=f"¿Dónde ocurrió el hecho número {f.sentence.index}?",
                document=document,
                fact=f,
                sentence=f.sentence,
                status=Status.PUBLISHED,
                origin="generated",
            )
            for f in facts
        )
        difficulty = {q.pk: rng.gauss(-0.5, 1.0) for q in qs}
        choices = Choice.objects.bulk_create(
            Choice(question=q, text=f"lugar {q.fact.sentence.index + k}", is_correct=k == 0, position=k + 1)
            for q in qs
            for k in range(4)
        )
        by_question: dict[int, list[Choice]] = {}
        for c in choices:
            by_question.setdefault(c.question_id, []).append(c)
        quiz_objs = Quiz.objects.bulk_create(
            Quiz(title=f"Sintético {i + 1}", document=document, status=Status.PUBLISHED) for i in range(quizzes)
        )
        items = QuizItem.objects.bulk_create(
            QuizItem(quiz=quiz, question=qs[i * questions + j], position=j + 1, points=Decimal("1"))
            for i, quiz in enumerate(quiz_objs)
            for j in range(questions)
        )
        items_by_quiz: dict[int, list[QuizItem]] = {}
        for item in items:
            items_by_quiz.setdefault(item.quiz_id, []).append(item)

        group = teachers_group()
        teachers = User.objects.bulk_create(
            User(username=f"{SYNTH}-docente-{i + 1}", password=password, is_staff=True, first_name=f"Docente {i + 1}")
            for i in range(max(1, classes // 3))
        )
        User.groups.through.objects.bulk_create(User.groups.through(user=t, group=group) for t in teachers)
        pupils = User.objects.bulk_create(
            (
                User(
                    username=f"{SYNTH}-{i + 1:05d}",
                    password=password,
                    first_name=f"Estudiante {i + 1}",
                    last_name=rng.choice(["García", "López", "Martín", "Ibáñez", "Núñez", "Pérez"]),
                )
                for i in range(students)
            ),
            batch_size=BATCH,
        )
        rooms = Classroom.objects.bulk_create(
            Classroom(name=f"Sintética {i + 1:02d}", join_code=f"SYN{i + 1:05d}") for i in range(classes)
        )
        Classroom.teachers.through.objects.bulk_create(
            Classroom.teachers.through(classroom=room, user=teachers[i % len(teachers)]) for i, room in enumerate(rooms)
        )
        Enrollment.objects.bulk_create(
            (Enrollment(classroom=rooms[i % classes], student=s) for i, s in enumerate(pupils)), batch_size=BATCH
        )
        Assignment.objects.bulk_create(
            Assignment(classroom=room, quiz=quiz, due_at=now - timedelta(days=7 - j), assigned_by=teachers[0])
            for room in rooms
            for j, quiz in enumerate(quiz_objs)
        )

        # Attempts and responses: ability minus difficulty through a logistic; the second attempt learns a bit.
        ability = {s.pk: rng.gauss(0, 1) for s in pupils}
        attempt_rows, answer_plan = [], []
        for s in pupils:
            for qi, quiz in enumerate(quiz_objs):
                for number in range(1, attempts + 1):
                    when = now - timedelta(days=20 - qi * 3 - number, minutes=rng.randint(0, 600))
                    marks = []
                    for item in items_by_quiz[quiz.pk]:
                        p = 1 / (1 + math.exp(-(ability[s.pk] + 0.3 * (number - 1) - difficulty[item.question_id])))
                        marks.append(1 if rng.random() < p else 0)
                    score = sum(marks)
                    attempt_rows.append(
                        Attempt(
                            user=s,
                            quiz=quiz,
                            number=number,
                            state=AttemptState.SUBMITTED,
                            started_at=when - timedelta(minutes=15),
                            submitted_at=when,
                            score=Decimal(score),
                            max_score=Decimal(len(marks)),
                            percent=score / len(marks) * 100,
                            passed=score * 2 >= len(marks),
                        )
                    )
                    answer_plan.append(marks)
        attempt_objs = Attempt.objects.bulk_create(attempt_rows, batch_size=BATCH)
        responses = []
        n_responses = 0
        for attempt, marks in zip(attempt_objs, answer_plan, strict=True):
            for slot, (item, mark) in enumerate(zip(items_by_quiz[attempt.quiz_id], marks, strict=True), start=1):
                options = by_question[item.question_id]
                chosen = options[0] if mark else options[1 + min(2, int(rng.expovariate(1.5)))]
                responses.append(
                    Response(
                        attempt=attempt,
                        question_id=item.question_id,
                        slot=slot,
                        max_points=item.points,
                        answer={"choice": chosen.pk},
                        fraction=float(mark),
                        points=Decimal(mark),
                        sequence=1,
                        answered_at=attempt.submitted_at,
                    )
                )
            if len(responses) >= BATCH * 4:
                Response.objects.bulk_create(responses, batch_size=BATCH)
                n_responses += len(responses)
                responses = []
        Response.objects.bulk_create(responses, batch_size=BATCH)
        n_responses += len(responses)

        # Flashcards: one per fact; each student has some cards with a few reviews in the last weeks.
        flashcards = Flashcard.objects.bulk_create(
            Flashcard(
                document=document, fact=f, front=f"¿Dónde ocurrió el hecho {i}?", back=f.answer, origin="generated"
            )
            for i, f in enumerate(facts)
        )
        student_cards = StudentCard.objects.bulk_create(
            (
                StudentCard(
                    user=s,
                    card=card,
                    state=2,
                    stability=5.0,
                    difficulty=5.0,
                    due=now + timedelta(days=rng.randint(-3, 10)),
                    last_review=now - timedelta(days=1),
                    reps=3,
                    lapses=(lapses := rng.choice([0, 0, 0, 1, 2, 9])),
                    is_leech=lapses >= 8,
                )
                for s in pupils
                for card in rng.sample(flashcards, min(cards, len(flashcards)))
            ),
            batch_size=BATCH,
        )
        reviews = Review.objects.bulk_create(
            (
                Review(
                    student_card=sc,
                    user_id=sc.user_id,
                    rating=rng.choice([1, 3, 3, 3, 4]),
                    reviewed_at=now - timedelta(days=rng.randint(0, 25), minutes=rng.randint(0, 600)),
                    state_before=rng.choice([1, 2, 2]),
                    interval_after=timedelta(days=3),
                )
                for sc in student_cards
                for _ in range(2)
            ),
            batch_size=BATCH,
        )
        return {
            "estudiantes": len(pupils),
            "clases": len(rooms),
            "cuestionarios": len(quiz_objs),
            "intentos": len(attempt_objs),
            "respuestas": n_responses,
            "tarjetas de estudiantes": len(student_cards),
            "repasos": len(reviews),
        }
