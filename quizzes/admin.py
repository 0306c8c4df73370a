"""Authoring in the admin: documents, questions of every kind, quizzes and classes."""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .interop.admin import (
    DocumentInteropAdminMixin,
    FlashcardInteropAdminMixin,
    QuestionInteropAdminMixin,
    QuizInteropAdminMixin,
)
from .models import (
    AcceptedAnswer,
    Assignment,
    Attempt,
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
    validate_question_parts,
)
from .services import content as content_services

MAX_DOCUMENT_BYTES = 1024 * 1024


# ---------------------------------------------------------------- users


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    fieldsets = (*DjangoUserAdmin.fieldsets, (_("Estudio"), {"fields": ("daily_new_cards",)}))
    list_display = ("username", "first_name", "last_name", "is_staff", "is_active", "last_login")
    search_fields = ("username", "first_name", "last_name", "email")


# ---------------------------------------------------------------- documents


def read_uploaded_text(upload) -> str:
    """Return the text of an uploaded .txt file, or raise ValidationError saying what is wrong with it."""
    if upload.size > MAX_DOCUMENT_BYTES:
        raise ValidationError(_("El archivo ocupa más de 1 MB."), code="too_big")
    data = upload.read(MAX_DOCUMENT_BYTES + 1)
    if len(data) > MAX_DOCUMENT_BYTES:
        raise ValidationError(_("El archivo ocupa más de 1 MB."), code="too_big")
    if b"\x00" in data:
        raise ValidationError(_("El archivo es binario, no un texto."), code="binary")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError(
            _("El archivo no está en UTF-8 (byte no válido en la posición %(pos)s). Guárdelo como UTF-8."),
            code="not_utf8",
            params={"pos": exc.start},
        ) from exc
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t")
    if controls:
        raise ValidationError(_("El archivo contiene caracteres de control: no parece un texto."), code="binary")
    if not text.strip():
        raise ValidationError(_("El archivo está vacío."), code="empty")
    return text


class DocumentForm(forms.ModelForm):
    upload = forms.FileField(
        label=_("o suba un archivo .txt"),
        required=False,
        help_text=_("Texto plano en UTF-8, de 1 MB como máximo. Sustituye al texto pegado."),
    )

    class Meta:
        model = Document
        fields = ["title", "text", "upload", "source", "licence", "is_published"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].required = False

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("upload")
        if upload:
            try:
                cleaned["text"] = read_uploaded_text(upload)
            except ValidationError as exc:
                self.add_error("upload", exc)
                return cleaned
        text = (cleaned.get("text") or "").strip()
        if not text and not self.has_error("upload"):
            self.add_error("text", ValidationError(_("Pegue el texto o suba un archivo."), code="empty"))
        elif len(text.encode("utf-8")) > MAX_DOCUMENT_BYTES:
            self.add_error("text", ValidationError(_("El texto ocupa más de 1 MB."), code="too_big"))
        else:
            cleaned["text"] = text
            self.instance.text = text
        return cleaned


class SentenceInline(admin.TabularInline):
    model = Sentence
    fields = ("index", "text")
    readonly_fields = ("index", "text")
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Document)
class DocumentAdmin(DocumentInteropAdminMixin, admin.ModelAdmin):
    form = DocumentForm
    list_display = ("title", "language", "is_published", "n_sentences", "n_facts", "n_questions", "updated_at")
    list_filter = ("is_published", "language")
    search_fields = ("title", "text", "source")
    inlines = [SentenceInline]
    actions = ["generate_questions"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                _n_sentences=Count("sentences", distinct=True),
                _n_facts=Count("facts", distinct=True),
                _n_questions=Count("questions", distinct=True),
            )
        )

    @admin.display(description=_("oraciones"), ordering="_n_sentences")
    def n_sentences(self, obj):
        return obj._n_sentences

    @admin.display(description=_("hechos"), ordering="_n_facts")
    def n_facts(self, obj):
        url = reverse("admin:quizzes_fact_changelist") + f"?document__id__exact={obj.pk}"
        return format_html('<a href="{}">{}</a>', url, obj._n_facts)

    @admin.display(description=_("preguntas"), ordering="_n_questions")
    def n_questions(self, obj):
        url = reverse("admin:quizzes_question_changelist") + f"?document__id__exact={obj.pk}"
        return format_html('<a href="{}">{}</a>', url, obj._n_questions)

    def save_model(self, request, obj, form, change):
        if not change and obj.created_by_id is None:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Generar preguntas"))
    def generate_questions(self, request, queryset):
        from .services import generation  # imported lazily: spaCy loads on first use

        for document in queryset:
            try:
                report = generation.document_generate_questions(document=document)
            except ValidationError as exc:
                self.message_user(request, f"{document}: {' '.join(exc.messages)}", messages.ERROR)
                continue
            self.message_user(request, f"{document}: {report}", messages.SUCCESS)


@admin.register(Fact)
class FactAdmin(admin.ModelAdmin):
    list_display = ("answer", "kind", "subtype", "document", "sentence_index", "uncertain", "is_active")
    list_filter = ("kind", "uncertain", "is_active", "document")
    search_fields = ("answer", "key", "sentence__text")
    list_select_related = ("document", "sentence")
    readonly_fields = ("document", "sentence", "key", "start", "end")
    fields = (
        "document",
        "sentence",
        "key",
        "kind",
        "subtype",
        "answer",
        "start",
        "end",
        "value",
        "aliases",
        "uncertain",
        "is_active",
    )

    @admin.display(description=_("oración"), ordering="sentence__index")
    def sentence_index(self, obj):
        return obj.sentence.index + 1 if obj.sentence else "—"

    def has_add_permission(self, request):
        return False


# ---------------------------------------------------------------- questions


class ChoiceInlineFormSet(forms.BaseInlineFormSet):
    """Check the options against the question's kind (the question form has already been validated)."""

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        kind = self.instance.kind
        rows = [
            (f.cleaned_data["text"], bool(f.cleaned_data.get("is_correct")))
            for f in self.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE") and f.cleaned_data.get("text")
        ]
        if kind in {QuestionKind.TRUE_FALSE, QuestionKind.NUMERIC, QuestionKind.SHORT_ANSWER}:
            if rows:
                raise ValidationError(
                    _("Las preguntas de tipo «%(kind)s» no usan opciones: borre las opciones."),
                    code="choices_unused",
                    params={"kind": self.instance.get_kind_display()},
                )
            return
        if kind == QuestionKind.ORDERING and any(c for _t, c in rows):
            rows = [(t, False) for t, _c in rows]
        validate_question_parts(
            kind=kind, choices=rows, accepted=[], correct_bool=None, numeric_value=None, tolerance=None
        )


class AcceptedAnswerInlineFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        answers = [
            f.cleaned_data["text"]
            for f in self.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE") and f.cleaned_data.get("text")
        ]
        kind = self.instance.kind
        if kind == QuestionKind.SHORT_ANSWER:
            validate_question_parts(
                kind=kind, choices=[], accepted=answers, correct_bool=None, numeric_value=None, tolerance=None
            )
        elif answers:
            raise ValidationError(
                _("Solo las preguntas de respuesta corta usan respuestas aceptadas: bórrelas."), code="accepted_unused"
            )


class ChoiceInline(admin.TabularInline):
    model = Choice
    formset = ChoiceInlineFormSet
    fields = ("text", "is_correct", "position")
    extra = 0
    classes = ("choice-inline",)
    verbose_name = _("opción (o elemento a ordenar)")
    verbose_name_plural = _("opciones · en ordenación, «posición» es el lugar correcto")


class AcceptedAnswerInline(admin.TabularInline):
    model = AcceptedAnswer
    formset = AcceptedAnswerInlineFormSet
    fields = ("text",)
    extra = 0
    classes = ("accepted-inline",)


class QuestionForm(forms.ModelForm):
    class Meta:
        model = Question
        fields = [
            "kind",
            "prompt",
            "explanation",
            "status",
            "document",
            "fact",
            "correct_bool",
            "numeric_value",
            "numeric_tolerance",
            "unit",
            "edited_by_teacher",
            "review_note",
        ]

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind == QuestionKind.TRUE_FALSE and cleaned.get("correct_bool") is None:
            self.add_error(
                "correct_bool",
                ValidationError(_("Indique si la afirmación es verdadera o falsa."), code="true_false_answer"),
            )
        if kind == QuestionKind.NUMERIC:
            if cleaned.get("numeric_value") is None:
                self.add_error("numeric_value", ValidationError(_("Indique el valor correcto."), code="numeric_value"))
            tolerance = cleaned.get("numeric_tolerance")
            if tolerance is not None and tolerance < 0:
                self.add_error(
                    "numeric_tolerance",
                    ValidationError(_("La tolerancia no puede ser negativa."), code="numeric_tolerance"),
                )
        prompt = cleaned.get("prompt")
        if prompt is not None and not prompt.strip():
            self.add_error("prompt", ValidationError(_("El enunciado no puede estar vacío."), code="empty_prompt"))
        return cleaned


@admin.register(Question)
class QuestionAdmin(QuestionInteropAdminMixin, admin.ModelAdmin):
    form = QuestionForm
    list_display = (
        "short_prompt",
        "kind",
        "status",
        "origin",
        "edited_by_teacher",
        "quality",
        "document",
        "source_sentence",
        "preview_link",
    )
    list_filter = ("kind", "status", "origin", "edited_by_teacher", "document")
    search_fields = ("prompt", "explanation", "choices__text", "accepted_answers__text")
    list_select_related = ("document", "sentence")
    autocomplete_fields = ("document", "fact")
    readonly_fields = ("key", "quality", "checks", "origin", "sentence", "preview_link")
    inlines = [ChoiceInline, AcceptedAnswerInline]
    actions = ["publish", "archive", "duplicate"]
    fieldsets = (
        (None, {"fields": ("kind", "prompt", "explanation", "status", "document", "fact", "preview_link")}),
        (_("Verdadero o falso"), {"fields": ("correct_bool",), "classes": ("kind-true_false",)}),
        (_("Numérica"), {"fields": ("numeric_value", "numeric_tolerance", "unit"), "classes": ("kind-numeric",)}),
        (
            _("Detalles de generación"),
            {
                "fields": ("origin", "edited_by_teacher", "key", "quality", "checks", "sentence", "review_note"),
                "classes": ("collapse",),
            },
        ),
    )

    class Media:
        js = ("quizzes/admin_question.js",)

    @admin.display(description=_("enunciado"), ordering="prompt")
    def short_prompt(self, obj):
        return str(obj)

    @admin.display(description=_("oración de origen"))
    def source_sentence(self, obj):
        if not obj.sentence:
            return "—"
        return format_html('<a href="{}">{}</a>', obj.sentence.get_absolute_url(), f"#{obj.sentence.index + 1}")

    @admin.display(description=_("vista previa"))
    def preview_link(self, obj):
        if not obj or not obj.pk:
            return "—"
        url = reverse("quizzes:question_preview", args=[obj.pk])
        return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', url, _("ver como estudiante"))

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        elif obj.origin != "authored" and form.changed_data:
            # A teacher's edit is never overwritten by a regeneration.
            obj.edited_by_teacher = True
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        if change and formset.has_changed():
            form.instance.edited_by_teacher = form.instance.origin != "authored" or form.instance.edited_by_teacher
            Question.objects.filter(pk=form.instance.pk).update(edited_by_teacher=form.instance.edited_by_teacher)
        super().save_formset(request, form, formset, change)

    @admin.action(description=_("Publicar las preguntas seleccionadas"))
    def publish(self, request, queryset):
        published, problems = content_services.questions_publish(questions=queryset)
        if published:
            self.message_user(
                request, ngettext("%d pregunta publicada.", "%d preguntas publicadas.", published) % published
            )
        for question, message in problems:
            self.message_user(request, f"«{question}»: {message}", messages.ERROR)

    @admin.action(description=_("Archivar las preguntas seleccionadas"))
    def archive(self, request, queryset):
        n = queryset.update(status=Status.ARCHIVED)
        self.message_user(request, ngettext("%d pregunta archivada.", "%d preguntas archivadas.", n) % n)

    @admin.action(description=_("Duplicar las preguntas seleccionadas"))
    def duplicate(self, request, queryset):
        copies = [content_services.question_duplicate(question=q, user=request.user) for q in queryset]
        self.message_user(
            request,
            ngettext(
                "%d pregunta duplicada (como borrador).", "%d preguntas duplicadas (como borradores).", len(copies)
            )
            % len(copies),
        )


# ---------------------------------------------------------------- quizzes


class QuizItemInlineFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        if any(self.errors) or self.instance.status != Status.PUBLISHED:
            return
        questions = [
            f.cleaned_data["question"]
            for f in self.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE") and f.cleaned_data.get("question")
        ]
        if not questions:
            raise ValidationError(_("Un cuestionario publicado necesita al menos una pregunta."), code="empty_quiz")
        errors = content_services.quiz_publish_problems(questions=questions)
        if errors:
            raise ValidationError(errors)


class QuizItemInline(admin.TabularInline):
    model = QuizItem
    formset = QuizItemInlineFormSet
    fields = ("position", "question", "points")
    autocomplete_fields = ("question",)
    extra = 0
    ordering = ("position", "id")


@admin.register(Quiz)
class QuizAdmin(QuizInteropAdminMixin, admin.ModelAdmin):
    list_display = (
        "title",
        "status",
        "document",
        "n_items",
        "time_limit_minutes",
        "attempts_allowed",
        "opens_at",
        "closes_at",
    )
    list_filter = ("status", "document", "grading_method")
    search_fields = ("title", "description")
    autocomplete_fields = ("document",)
    inlines = [QuizItemInline]
    actions = ["publish"]
    fieldsets = (
        (None, {"fields": ("title", "description", "document", "status")}),
        (_("Tiempo y disponibilidad"), {"fields": ("time_limit_minutes", "opens_at", "closes_at")}),
        (
            _("Intentos y calificación"),
            {"fields": ("attempts_allowed", "grading_method", "pass_mark", "feedback_timing")},
        ),
        (_("Orden y selección"), {"fields": ("shuffle_questions", "shuffle_choices", "questions_per_attempt")}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("document").annotate(_n_items=Count("items"))

    @admin.display(description=_("preguntas"), ordering="_n_items")
    def n_items(self, obj):
        return obj._n_items

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Publicar los cuestionarios seleccionados"))
    def publish(self, request, queryset):
        for quiz in queryset:
            problems = content_services.quiz_publish(quiz=quiz)
            if problems:
                self.message_user(request, f"«{quiz}»: " + " ".join(problems), messages.ERROR)
            else:
                self.message_user(request, _("«%(quiz)s» publicado.") % {"quiz": quiz})


# ---------------------------------------------------------------- classes


class EnrollmentInline(admin.TabularInline):
    model = Enrollment
    fields = ("student", "joined_at")
    readonly_fields = ("joined_at",)
    autocomplete_fields = ("student",)
    extra = 0


class AssignmentInline(admin.TabularInline):
    model = Assignment
    fields = ("quiz", "due_at", "opens_at", "closes_at")
    autocomplete_fields = ("quiz",)
    extra = 0


@admin.register(Classroom)
class ClassroomAdmin(admin.ModelAdmin):
    list_display = ("name", "join_code", "n_students", "is_archived", "created_at")
    list_filter = ("is_archived",)
    search_fields = ("name", "join_code")
    filter_horizontal = ("teachers",)
    readonly_fields = ("join_code",)
    inlines = [EnrollmentInline, AssignmentInline]
    actions = ["new_code"]

    def get_queryset(self, request):
        qs = super().get_queryset(request).annotate(_n_students=Count("enrollments", distinct=True))
        if request.user.is_superuser:
            return qs
        return qs.filter(teachers=request.user)

    @admin.display(description=_("estudiantes"), ordering="_n_students")
    def n_students(self, obj):
        return obj._n_students

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if not change and not request.user.is_superuser:
            form.instance.teachers.add(request.user)

    @admin.action(description=_("Generar un código de acceso nuevo"))
    def new_code(self, request, queryset):
        from .services.classes import classroom_new_code

        with transaction.atomic():
            # The changelist queryset is annotated (GROUP BY), which PostgreSQL cannot lock: the service locks by id.
            for pk in list(queryset.values_list("pk", flat=True)):
                classroom_new_code(classroom=Classroom(pk=pk))
        self.message_user(request, _("Código nuevo generado; el anterior ya no sirve."))


# ---------------------------------------------------------------- study records (read-mostly)


@admin.register(Flashcard)
class FlashcardAdmin(FlashcardInteropAdminMixin, admin.ModelAdmin):
    list_display = ("front", "back", "document", "origin", "is_active")
    list_filter = ("origin", "is_active", "document")
    search_fields = ("front", "back")
    autocomplete_fields = ("document", "fact")
    raw_id_fields = ("sentence",)
    fields = ("document", "front", "back", "context", "sentence", "fact", "origin", "is_active")


class ResponseInline(admin.TabularInline):
    model = Response
    fields = ("slot", "question", "answer", "fraction", "points", "answered_at")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Attempt)
class AttemptAdmin(admin.ModelAdmin):
    list_display = ("user", "quiz", "number", "state", "percent", "passed", "started_at", "submitted_at")
    list_filter = ("state", "quiz")
    search_fields = ("user__username", "quiz__title")
    list_select_related = ("user", "quiz")
    readonly_fields = (
        "user",
        "quiz",
        "number",
        "state",
        "started_at",
        "deadline",
        "submitted_at",
        "score",
        "max_score",
        "percent",
        "passed",
    )
    inlines = [ResponseInline]

    def has_add_permission(self, request):
        return False


@admin.register(StudentCard)
class StudentCardAdmin(admin.ModelAdmin):
    list_display = ("user", "card", "state", "due", "reps", "lapses", "is_leech")
    list_filter = ("state", "is_leech")
    search_fields = ("user__username", "card__front")
    list_select_related = ("user", "card")
    readonly_fields = (
        "user",
        "card",
        "state",
        "step",
        "stability",
        "difficulty",
        "due",
        "last_review",
        "reps",
        "lapses",
    )

    def has_add_permission(self, request):
        return False


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ("user", "student_card", "rating", "source", "reviewed_at", "interval_after")
    list_filter = ("rating", "source")
    search_fields = ("user__username",)
    list_select_related = ("user", "student_card__card")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


admin.site.site_header = _("winterwar · autoría y clases")
admin.site.site_title = _("winterwar")
admin.site.index_title = _("Contenido, cuestionarios y clases")
