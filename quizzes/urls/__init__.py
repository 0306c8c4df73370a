"""The app's URLs. Each area has its own module in this package, included here under one namespace."""

from django.urls import include, path, register_converter

from ..views.authoring import QuestionPreviewView
from ..views.documents import DocumentListView, DocumentReadView
from ..views.home import HomeView
from .converters import IdConverter

app_name = "quizzes"

# <id:...> in every module of this package: registered before the modules are included below.
register_converter(IdConverter, "id")

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("documentos/", DocumentListView.as_view(), name="documents"),
    path("documentos/<id:pk>/", DocumentReadView.as_view(), name="document_read"),
    path("preguntas/<id:pk>/vista-previa/", QuestionPreviewView.as_view(), name="question_preview"),
    path("", include("quizzes.urls.classes")),
    path("", include("quizzes.urls.quizzes")),
    path("", include("quizzes.urls.cards")),
    path("", include("quizzes.urls.ops")),
]
