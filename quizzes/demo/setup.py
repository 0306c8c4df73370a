"""The demo set-up that `make run` performs: the Winter War document and bank, demo accounts, one class."""

from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import transaction

from ..models import Classroom, Document, Enrollment, Quiz, Status, User
from ..permissions import teachers_group
from ..services import generation
from ..services.cards import cards_sync_for_document
from ..services.content import questions_publish
from .quizzes import DEMO_REVIEW_QUIZ, demo_class_quizzes_create, demo_topic_quizzes_create

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"
DEMO_DOCUMENT_TITLE = "La Guerra de Invierno"
DEMO_DOCUMENT_FILE = "guerra-de-invierno.txt"
DEMO_BANK_FIXTURE = "winterwar_bank.json"
DEMO_CLASS_NAME = "4.º ESO A"
DEMO_CLASS_CODE = "INVIERNO"
DEMO_TEACHER = ("profesora", "Marta", "Ibáñez", "profesora-demo")
DEMO_STUDENTS = [
    ("ana", "Ana", "López", "ana-demo"),
    ("bruno", "Bruno", "García", "bruno-demo"),
    ("carla", "Carla", "Martín", "carla-demo"),
]


@dataclass
class DemoReport:
    accounts: list[tuple[str, str, str]] = field(default_factory=list)  # (role, username, password)
    created: list[str] = field(default_factory=list)


def _account(username: str, first: str, last: str, password: str, *, staff: bool) -> tuple[User, bool]:
    user, created = User.objects.get_or_create(
        username=username, defaults={"first_name": first, "last_name": last, "is_staff": staff}
    )
    if created:
        user.set_password(password)
        user.save(update_fields=["password"])
    return user, created


@transaction.atomic
def demo_setup() -> DemoReport:
    """Create (once) the demo document, its question bank, accounts and class; running it again changes nothing."""
    report = DemoReport()
    bank_fixture = FIXTURES_DIR / DEMO_BANK_FIXTURE
    if bank_fixture.exists() and not Document.objects.filter(title=DEMO_DOCUMENT_TITLE).exists():
        # Loaded once only: loaddata overwrites rows by primary key, which would undo a teacher's
        # edits to the bank on the next `make run`.
        call_command("loaddata", str(bank_fixture), verbosity=0)
        report.created.append("bank")
    if not Document.objects.filter(title=DEMO_DOCUMENT_TITLE).exists():
        text = (FIXTURES_DIR / DEMO_DOCUMENT_FILE).read_text(encoding="utf-8")
        Document.objects.create(
            title=DEMO_DOCUMENT_TITLE,
            text=text,
            source="Wikipedia en español, «Guerra de Invierno» (extracto)",
            licence="CC BY-SA 4.0",
        )
        report.created.append("document")
    document = Document.objects.get(title=DEMO_DOCUMENT_TITLE)
    if not document.questions.exists():
        generation.document_generate_questions(document=document)
    if not Quiz.objects.filter(title=DEMO_REVIEW_QUIZ).exists():
        # The generator never publishes an ordering item (docs/generation.md, «Round 6»): the demo's teacher reviewed
        # the seed's and published it, as a teacher may publish any draft, so the quiz of every kind shows one.
        # Once, at the first set-up: a teacher who unpublishes it later is not overruled.
        reviewed = [
            q
            for q in document.questions.filter(kind="ordering", status=Status.DRAFT)
            if (q.checks or {}).get("failed") == ["not_ordering"]
        ]
        questions_publish(questions=reviewed)
    # Three ready quizzes from the published items ("Fechas y cifras", ...); created once.
    demo_topic_quizzes_create(document=document)

    teachers = teachers_group()
    teacher, created = _account(*DEMO_TEACHER, staff=True)
    teacher.groups.add(teachers)
    report.accounts.append(("docente", DEMO_TEACHER[0], DEMO_TEACHER[3]))
    if created:
        report.created.append("teacher")

    classroom, created = Classroom.objects.get_or_create(name=DEMO_CLASS_NAME, defaults={"join_code": DEMO_CLASS_CODE})
    classroom.teachers.add(teacher)
    for username, first, last, password in DEMO_STUDENTS:
        student, created = _account(username, first, last, password, staff=False)
        Enrollment.objects.get_or_create(classroom=classroom, student=student)
        report.accounts.append(("estudiante", username, password))
    document = Document.objects.filter(title=DEMO_DOCUMENT_TITLE).first()
    report.created += demo_class_quizzes_create(document=document, classroom=classroom, teacher=teacher)
    # A card per active fact with a question that makes one (idempotent: a second run creates nothing).
    for document in Document.objects.all():
        if cards_sync_for_document(document=document).created:
            report.created.append(f"flashcards:{document.pk}")
    return report
