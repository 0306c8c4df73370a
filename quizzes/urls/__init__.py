"""The app's URLs. Each area has its own module in this package, included here under one namespace."""

from django.urls import include, path

from ..views.authoring import QuestionPreviewView
from ..views.documents import DocumentReadView
from ..views.home import HomeView

app_name = "quizzes"

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("documentos/<int:pk>/", DocumentReadView.as_view(), name="document_read"),
    path("preguntas/<int:pk>/vista-previa/", QuestionPreviewView.as_view(), name="question_preview"),
    path("", include("quizzes.urls.classes")),
    path("", include("quizzes.urls.quizzes")),
    path("", include("quizzes.urls.cards")),
    path("", include("quizzes.urls.ops")),
]
