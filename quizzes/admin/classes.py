"""Classes: their students, teachers and assignments."""

from django.contrib import admin
from django.db import transaction
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from ..models import Assignment, Classroom, Enrollment
from .base import ModelAdmin, TabularInline
from .wording import FEMININE


class EnrollmentInline(TabularInline):
    model = Enrollment
    student_field = "student"
    fields = ("student", "joined_at")
    readonly_fields = ("joined_at",)
    autocomplete_fields = ("student",)
    extra = 0


class AssignmentInline(TabularInline):
    model = Assignment
    fields = ("quiz", "due_at", "opens_at", "closes_at")
    autocomplete_fields = ("quiz",)
    extra = 0


@admin.register(Classroom)
class ClassroomAdmin(ModelAdmin):
    grammatical_gender = FEMININE  # «la pregunta», «la clase», «la tarjeta»: the save messages agree
    list_display = ("name", "join_code", "n_students", "is_archived", "created_at")
    list_filter = ("is_archived",)
    search_fields = ("name", "join_code")
    filter_horizontal = ("teachers",)
    readonly_fields = ("join_code",)
    inlines = [EnrollmentInline, AssignmentInline]
    actions = ["new_code"]

    def get_readonly_fields(self, request, obj=None):
        # A class's teachers are chosen by the administrator; a teacher's new class is theirs (save_related).
        fields = super().get_readonly_fields(request, obj)
        return fields if request.user.is_superuser else (*fields, "teachers")

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
        from ..services.classes import classroom_new_code

        with transaction.atomic():
            # The changelist queryset is annotated (GROUP BY), which PostgreSQL cannot lock: the service locks by id.
            for pk in list(queryset.values_list("pk", flat=True)):
                classroom_new_code(classroom=Classroom(pk=pk))
        self.message_user(request, _("Código nuevo generado; el anterior ya no sirve."))
