"""Student quiz pages: quiz, attempt (one question per page), review, submit, result, "Mi progreso"."""

from django.urls import path

from ..views import quizzes as views

urlpatterns = [
    path("cuestionarios/<id:pk>/", views.QuizDetailView.as_view(), name="quiz_detail"),
    path("cuestionarios/<id:pk>/empezar/", views.QuizStartView.as_view(), name="quiz_start"),
    path("intentos/<id:pk>/", views.AttemptResumeView.as_view(), name="attempt_resume"),
    path("intentos/<id:pk>/preguntas/<id:slot>/", views.AttemptQuestionView.as_view(), name="attempt_question"),
    path("intentos/<id:pk>/preguntas/<id:slot>/guardar/", views.AttemptAutosaveView.as_view(), name="attempt_autosave"),
    path("intentos/<id:pk>/revision/", views.AttemptReviewView.as_view(), name="attempt_review"),
    path("intentos/<id:pk>/entregar/", views.AttemptSubmitView.as_view(), name="attempt_submit"),
    path("intentos/<id:pk>/resultado/", views.AttemptResultView.as_view(), name="attempt_result"),
    path("mi-progreso/", views.ProgressView.as_view(), name="progress"),
]
