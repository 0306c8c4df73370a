"""URLs of classes, assignments and teacher reports (included from quizzes/urls/__init__.py)."""

from django.urls import path

from ..views import classes, students, teacher

urlpatterns = [
    path("clases/unirse/", classes.JoinView.as_view(), name="join"),
    path("clases/unirse/<str:code>/", classes.JoinView.as_view(), name="join_link"),
    path("docente/clases/", teacher.ClassListView.as_view(), name="teacher_classes"),
    path("docente/clases/<id:pk>/", teacher.ClassDetailView.as_view(), name="teacher_class"),
    path("docente/clases/<id:pk>/notas.csv", teacher.ClassGridCsvView.as_view(), name="teacher_class_csv"),
    path("docente/clases/<id:pk>/notas.xlsx", teacher.ClassGridXlsxView.as_view(), name="teacher_class_xlsx"),
    path("docente/clases/<id:pk>/codigo/", teacher.NewCodeView.as_view(), name="teacher_class_new_code"),
    path("docente/clases/<id:pk>/asignar/", teacher.AssignView.as_view(), name="teacher_assign"),
    path(
        "docente/clases/<id:pk>/asignaciones/<id:assignment_id>/fechas/",
        teacher.AssignmentDatesView.as_view(),
        name="teacher_assignment_dates",
    ),
    path(
        "docente/clases/<id:pk>/asignaciones/<id:assignment_id>/retirar/",
        teacher.AssignmentDeleteView.as_view(),
        name="teacher_assignment_delete",
    ),
    path(
        "docente/clases/<id:pk>/estudiantes/<id:student_id>/",
        teacher.StudentReportView.as_view(),
        name="teacher_student",
    ),
    path(
        "docente/clases/<id:pk>/estudiantes/<id:student_id>/quitar/",
        teacher.RemoveStudentView.as_view(),
        name="teacher_remove_student",
    ),
    path(
        "docente/clases/<id:pk>/cuestionarios/<id:quiz_id>/",
        teacher.ItemAnalysisView.as_view(),
        name="teacher_item_analysis",
    ),
    path(
        "docente/clases/<id:pk>/cuestionarios/<id:quiz_id>/estadisticas.csv",
        teacher.ItemAnalysisCsvView.as_view(),
        name="teacher_item_analysis_csv",
    ),
    path(
        "docente/clases/<id:pk>/cuestionarios/<id:quiz_id>/estadisticas.xlsx",
        teacher.ItemAnalysisXlsxView.as_view(),
        name="teacher_item_analysis_xlsx",
    ),
    path("docente/clases/<id:pk>/estudiantes/nuevo/", students.AddStudentView.as_view(), name="teacher_add_student"),
    path("docente/clases/<id:pk>/estudiantes/importar/", students.RosterImportView.as_view(), name="teacher_roster"),
    path(
        "docente/clases/<id:pk>/estudiantes/<id:student_id>/contrasena/",
        students.ResetPasswordView.as_view(),
        name="teacher_reset_password",
    ),
    path("docente/clases/<id:pk>/dominio/", teacher.MasteryView.as_view(), name="teacher_mastery"),
]
