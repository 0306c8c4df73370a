"""Export the question bank (or a document's questions, or a quiz's) to GIFT, Moodle XML, CSV or Anki."""

from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from quizzes.management.base import Command as TranslatedCommand

from ...models import Document, Flashcard, ImportFormat, Question, Quiz
from ...services import interop as services


class Command(TranslatedCommand):
    help = gettext_lazy(
        "Exporta preguntas a GIFT, Moodle XML, CSV o Excel (XLSX), o las tarjetas a Anki (.apkg): todo el banco, "
        "las de un documento o las de un cuestionario (en su orden y con sus puntos)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--format",
            dest="fmt",
            required=True,
            choices=["gift", "moodle_xml", "csv", "xlsx", "apkg"],
            help=_("Formato de salida (apkg: las tarjetas de los documentos, para Anki)."),
        )
        scope = parser.add_mutually_exclusive_group()
        scope.add_argument("--document", type=int, default=None, help=_("Id de un documento."))
        scope.add_argument("--quiz", type=int, default=None, help=_("Id de un cuestionario."))
        parser.add_argument("-o", "--output", required=True, help=_("Archivo de salida."))

    def handle(self, *args, fmt, document, quiz, output, **options):
        if document is not None and not Document.objects.filter(pk=document).exists():
            raise CommandError(_("No hay ningún documento con id %(id)s.") % {"id": document})
        if quiz is not None and not Quiz.objects.filter(pk=quiz).exists():
            raise CommandError(_("No hay ningún cuestionario con id %(id)s.") % {"id": quiz})
        basename = Path(output).stem
        if fmt == "apkg":
            cards = Flashcard.objects.all()
            if document is not None:
                cards = cards.filter(document_id=document)
            elif quiz is not None:
                cards = cards.filter(document__in=Question.objects.filter(quiz_items__quiz_id=quiz).values("document"))
            export = services.export_flashcards(cards=cards, basename=basename)
            count = cards.filter(is_active=True).count()
            retired = services.retired_flashcards(cards=cards)
            if retired:
                self.stderr.write(
                    _("%(n)d tarjetas retiradas no van en el paquete; si ya estaban en Anki, hay que borrarlas allí.")
                    % {"n": retired}
                )
        else:
            if quiz is not None:
                items = services.quiz_to_data(quizzes=Quiz.objects.filter(pk=quiz))
            else:
                questions = Question.objects.all()
                if document is not None:
                    questions = questions.filter(document_id=document)
                items = services.questions_to_data(questions=questions)
            export = services.export_questions(items=items, fmt=ImportFormat(fmt), basename=basename)
            count = len(items)
        try:
            Path(output).write_bytes(export.content)
        except OSError as exc:
            raise CommandError(_("No se puede escribir %(path)s: %(e)s") % {"path": output, "e": exc.strerror}) from exc
        self.stdout.write(self.style.SUCCESS(_("%(n)d elementos escritos en %(path)s.") % {"n": count, "path": output}))
