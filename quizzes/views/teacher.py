"""The teacher area: classes, assignments and progress reports (teachers only; only the classes they teach)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from winterwar.fragments import CSRF_SLOT

from ..forms.accounts import StudentForm
from ..forms.classes import AssignmentDatesForm, AssignmentForm, ClassroomForm
from ..models import Assignment, Classroom, Quiz, User
from ..presentation import charts
from ..presentation.csv_export import class_grid_rows, csv_response, item_analysis_rows, xlsx_response
from ..selectors import summaries
from ..selectors.people import class_taught
from ..selectors.quizzes import class_quiz
from ..selectors.reports.grid import cached_class_report, class_grid
from ..selectors.reports.items import WHICH_CHOICES, WHICH_FIRST, cached_item_analysis, item_analysis
from ..selectors.reports.mastery import class_documents, mastery
from ..selectors.reports.student import student_report
from ..services import classes as class_services
from ..services.errors import Code, ServiceError
from .errors import add_refusal_message, add_refusal_to_form
from .mixins import TeacherRequiredMixin
from .params import choice_param, int_param


class TeacherClassMixin(TeacherRequiredMixin):
    """Resolve the class from the URL among the classes the user teaches; any other class is a 404."""

    @cached_property
    def classroom(self) -> Classroom:
        classroom = class_taught(user=self.request.user, pk=self.kwargs["pk"])
        if classroom is None:
            raise Http404
        return classroom

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["classroom"] = self.classroom
        return context


class ClassListView(TeacherRequiredMixin, TemplateView):
    """The classes a teacher teaches, and a form to create one."""

    template_name = "quizzes/teacher/class_list.html"

    def get_context_data(self, **kwargs):
        from django.db.models import Count

        context = super().get_context_data(**kwargs)
        context["classrooms"] = list(
            Classroom.objects.taught_by(self.request.user)
            .annotate(n_students=Count("enrollments", distinct=True), n_assignments=Count("assignments", distinct=True))
            .order_by("is_archived", "name")
        )
        context.setdefault("form", ClassroomForm())
        return context

    def post(self, request, *args, **kwargs):
        form = ClassroomForm(request.POST)
        if form.is_valid():
            try:
                classroom = class_services.classroom_create(teacher=request.user, name=form.cleaned_data["name"])
            except ServiceError as exc:
                add_refusal_to_form(form, "name", exc)
            else:
                messages.success(
                    request,
                    _("Clase «%(name)s» creada. Comparta el código %(code)s o el enlace para que se unan.")
                    % {"name": classroom.name, "code": classroom.join_code},
                )
                return redirect("quizzes:teacher_class", pk=classroom.pk)
        return self.render_to_response(self.get_context_data(form=form), status=400)


class ClassDetailView(TeacherClassMixin, TemplateView):
    """The class report: students × assignments, per-assignment summary, flashcard activity, progress chart."""

    template_name = "quizzes/teacher/class_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The grid, and the students' table, card activity, chart and assignments rendered: kept with the report in
        # the cache (the key names the value's shape: a worker running the code of before never reads it).
        grid, report_html, assignments_html = cached_class_report(
            classroom=self.classroom, present=self._present, variant=f"page3:{get_language()}"
        )
        context.update(
            grid=grid,
            report_html=report_html,
            assignments_html=assignments_html,
            join_url=self.request.build_absolute_uri(
                reverse("quizzes:join_link", kwargs={"code": self.classroom.join_code})
            ),
            **self._forms(kwargs.get("assign_form")),
        )
        return context

    def _present(self, grid, progress) -> tuple:
        """The report as the page keeps it: the grid, the rendered students' table, card activity and chart, and the
        rendered table of assignments, whose forms' CSRF token is a slot filled per request (csrf_filled)."""
        chart = charts.progress_chart(
            [(day, avg, "") for day, avg, _n in progress], title=_("Nota media de la clase por día (%)")
        )
        html = render_to_string(
            "quizzes/teacher/_class_report.html",
            {"classroom": self.classroom, "grid": grid, "progress_chart": chart},
        )
        assignments_html = render_to_string(
            "quizzes/teacher/_class_assignments.html",
            {"classroom": self.classroom, "grid": grid, "csrf_token": CSRF_SLOT},
        )
        return grid, html, assignments_html

    @staticmethod
    def _forms(assign_form) -> dict:
        """The two forms (``assign_form``: one sent back with errors). An empty form is built only if the template
        renders its fields, which are a fragment kept per content version and language: building both cost ~0.3 ms."""
        return {
            "assign_form": assign_form or SimpleLazyObject(AssignmentForm),
            "assign_bound": assign_form is not None,
            "add_form": SimpleLazyObject(StudentForm),
            "add_bound": False,
            "fragments": summaries.content_version(),
        }


class ClassGridCsvView(TeacherClassMixin, View):
    """The class grid as CSV (one row per student, best score and status per assignment)."""

    def get(self, request, *args, **kwargs):
        rows = class_grid_rows(class_grid(classroom=self.classroom))
        return csv_response(rows, filename=f"clase-{self.classroom.pk}-{self.classroom.name}")


class ClassGridXlsxView(TeacherClassMixin, View):
    """The class grid as an Excel workbook (the same rows as the CSV; numbers as numbers)."""

    def get(self, request, *args, **kwargs):
        rows = class_grid_rows(class_grid(classroom=self.classroom))
        name = f"clase-{self.classroom.pk}-{self.classroom.name}"
        return xlsx_response(rows, filename=name, sheet=self.classroom.name)


class StudentReportView(TeacherClassMixin, TemplateView):
    """One student of the class: attempts, weakest facts, leeches, progress."""

    template_name = "quizzes/teacher/student.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        student = get_object_or_404(User, pk=self.kwargs["student_id"], enrollments__classroom=self.classroom)
        report = student_report(classroom=self.classroom, student=student)
        context.update(
            report=report,
            student=student,
            progress_chart=charts.progress_chart(report.progress, title=_("Notas a lo largo del tiempo")),
        )
        return context


class RemoveStudentView(TeacherClassMixin, View):
    def post(self, request, *args, **kwargs):
        student = User.objects.filter(pk=kwargs["student_id"]).first()
        try:
            if student is None:
                raise ServiceError(Code.NOT_ENROLLED)
            class_services.classroom_remove_student(teacher=request.user, classroom=self.classroom, student=student)
        except ServiceError as exc:
            add_refusal_message(request, exc)
        else:
            messages.success(request, _("%(name)s ya no está en la clase.") % {"name": student})
        return redirect("quizzes:teacher_class", pk=self.classroom.pk)


class NewCodeView(TeacherClassMixin, View):
    def post(self, request, *args, **kwargs):
        old = self.classroom.join_code
        classroom = class_services.classroom_new_code(teacher=request.user, classroom=self.classroom)
        messages.success(
            request,
            _("Código nuevo: %(new)s. El anterior (%(old)s) ya no sirve para unirse.")
            % {"new": classroom.join_code, "old": old},
        )
        return redirect("quizzes:teacher_class", pk=classroom.pk)


class AssignView(TeacherClassMixin, TemplateView):
    """Assign a published quiz to the class (POST); the form lives on the class page."""

    template_name = "quizzes/teacher/class_detail.html"

    def get(self, request, *args, **kwargs):
        return redirect("quizzes:teacher_class", pk=self.classroom.pk)

    def post(self, request, *args, **kwargs):
        form = AssignmentForm(request.POST)
        if form.is_valid():
            try:
                assignment = class_services.assignment_create(
                    teacher=request.user, classroom=self.classroom, **form.cleaned_data
                )
            except ServiceError as exc:
                add_refusal_to_form(form, None, exc)
            else:
                messages.success(request, _("«%(quiz)s» asignado a la clase.") % {"quiz": assignment.quiz.title})
                return redirect("quizzes:teacher_class", pk=self.classroom.pk)
        messages.error(request, _("No se pudo asignar el cuestionario: revise el formulario."))
        context = ClassDetailView(request=request, kwargs=self.kwargs).get_context_data(assign_form=form)
        return self.render_to_response(context, status=400)


class AssignmentDatesView(TeacherClassMixin, TemplateView):
    """Change an assignment's due date and window; the form is its own page, reached from the class page."""

    template_name = "quizzes/teacher/assignment_dates.html"

    @cached_property
    def assignment(self) -> Assignment:
        queryset = Assignment.objects.select_related("quiz", "classroom")
        return get_object_or_404(queryset, pk=self.kwargs["assignment_id"], classroom=self.classroom)

    def get_context_data(self, **kwargs):
        a = self.assignment
        initial = {"due_at": a.due_at, "opens_at": a.opens_at, "closes_at": a.closes_at}
        kwargs.setdefault("form", AssignmentDatesForm(initial=initial))
        return super().get_context_data(assignment=a, **kwargs)

    def post(self, request, *args, **kwargs):
        form = AssignmentDatesForm(request.POST)
        if form.is_valid():
            try:
                class_services.assignment_update_dates(
                    teacher=request.user, assignment=self.assignment, **form.cleaned_data
                )
            except ServiceError as exc:
                add_refusal_to_form(form, None, exc)
            else:
                messages.success(request, _("Fechas de «%(quiz)s» guardadas.") % {"quiz": self.assignment.quiz.title})
                return redirect("quizzes:teacher_class", pk=self.classroom.pk)
        return self.render_to_response(self.get_context_data(form=form), status=400)


class AssignmentDeleteView(TeacherClassMixin, View):
    def post(self, request, *args, **kwargs):
        assignment = get_object_or_404(Assignment, pk=kwargs["assignment_id"], classroom=self.classroom)
        class_services.assignment_delete(teacher=request.user, assignment=assignment)
        messages.success(request, _("Asignación retirada; los intentos hechos se conservan."))
        return redirect("quizzes:teacher_class", pk=self.classroom.pk)


class ClassQuizMixin(TeacherClassMixin):
    """Resolve the quiz among the quizzes assigned to this class."""

    @cached_property
    def quiz(self) -> Quiz:
        quiz = class_quiz(classroom_id=self.classroom.pk, pk=self.kwargs["quiz_id"])
        if quiz is None:
            raise Http404
        return quiz

    @cached_property
    def which(self) -> str:
        return choice_param(self.request.GET, "intentos", WHICH_CHOICES, default=WHICH_FIRST)


class ItemAnalysisView(ClassQuizMixin, TemplateView):
    """Moodle-style statistics of one quiz over this class's attempts."""

    template_name = "quizzes/teacher/item_analysis.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["quiz"] = self.quiz

        def present(analysis):
            body = render_to_string(
                "quizzes/teacher/_item_analysis_body.html",
                {
                    **context,
                    "analysis": analysis,
                    "which_choices": WHICH_CHOICES,
                    "histogram": charts.score_distribution_chart(analysis.histogram),
                },
            )
            return summaries.Pickled(analysis), body

        # The analysis and the page's body, rendered: kept with the report until its data changes. The page shows
        # the body only; the analysis (the costly part of the entry to unpickle) is unpickled if something asks.
        kept, context["body"] = cached_item_analysis(
            quiz=self.quiz, classroom=self.classroom, which=self.which, present=present
        )
        context["analysis"] = SimpleLazyObject(kept.get)
        return context


class ItemAnalysisCsvView(ClassQuizMixin, View):
    def get(self, request, *args, **kwargs):
        analysis = item_analysis(quiz=self.quiz, classroom=self.classroom, which=self.which)
        rows = item_analysis_rows(analysis, quiz=self.quiz)
        return csv_response(rows, filename=f"estadisticas-{self.quiz.title}-{self.classroom.name}")


class ItemAnalysisXlsxView(ClassQuizMixin, View):
    def get(self, request, *args, **kwargs):
        analysis = item_analysis(quiz=self.quiz, classroom=self.classroom, which=self.which)
        rows = item_analysis_rows(analysis, quiz=self.quiz)
        name = f"estadisticas-{self.quiz.title}-{self.classroom.name}"
        return xlsx_response(rows, filename=name, sheet=self.quiz.title)


class MasteryView(TeacherClassMixin, TemplateView):
    """The document with each sentence shaded by the class's accuracy, and a students × facts grid."""

    template_name = "quizzes/teacher/mastery.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        documents = class_documents(classroom=self.classroom)
        wanted = int_param(self.request.GET, "documento")
        if wanted is None:
            document = documents[0] if documents else None
        else:
            document = next((d for d in documents if d.pk == wanted), None)
            if document is None:
                raise Http404(_("Ese documento no tiene cuestionarios asignados a esta clase."))
        context.update(
            documents=documents,
            document=document,
            mastery=mastery(classroom=self.classroom, document=document) if document else None,
        )
        return context
