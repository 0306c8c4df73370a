"""URLs of classes, assignments and teacher reports (included from quizzes/urls/__init__.py)."""

from django.urls import path, register_converter

from ..views import classes, teacher


class IdConverter:
    """A database id: digits only and short enough for a 64-bit column (a 30-digit id is a 404, not a 500)."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(value)


register_converter(IdConverter, "dbid")

urlpatterns = [
    path("clases/unirse/", classes.JoinView.as_view(), name="join"),
    path("clases/unirse/<str:code>/", classes.JoinView.as_view(), name="join_link"),
    path("docente/clases/", teacher.ClassListView.as_view(), name="teacher_classes"),
    path("docente/clases/<dbid:pk>/", teacher.ClassDetailView.as_view(), name="teacher_class"),
    path("docente/clases/<dbid:pk>/notas.csv", teacher.ClassGridCsvView.as_view(), name="teacher_class_csv"),
    path("docente/clases/<dbid:pk>/codigo/", teacher.NewCodeView.as_view(), name="teacher_class_new_code"),
    path("docente/clases/<dbid:pk>/asignar/", teacher.AssignView.as_view(), name="teacher_assign"),
    path(
        "docente/clases/<dbid:pk>/asignaciones/<dbid:assignment_id>/retirar/",
        teacher.AssignmentDeleteView.as_view(),
        name="teacher_assignment_delete",
    ),
    path(
        "docente/clases/<dbid:pk>/estudiantes/<dbid:student_id>/",
        teacher.StudentReportView.as_view(),
        name="teacher_student",
    ),
    path(
        "docente/clases/<dbid:pk>/estudiantes/<dbid:student_id>/quitar/",
        teacher.RemoveStudentView.as_view(),
        name="teacher_remove_student",
    ),
    path(
        "docente/clases/<dbid:pk>/cuestionarios/<dbid:quiz_id>/",
        teacher.ItemAnalysisView.as_view(),
        name="teacher_item_analysis",
    ),
    path(
        "docente/clases/<dbid:pk>/cuestionarios/<dbid:quiz_id>/estadisticas.csv",
        teacher.ItemAnalysisCsvView.as_view(),
        name="teacher_item_analysis_csv",
    ),
    path("docente/clases/<dbid:pk>/dominio/", teacher.MasteryView.as_view(), name="teacher_mastery"),
]
