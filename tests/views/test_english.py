"""The interface in English: every page of the access matrix (student, teacher, admin) rendered with
``Accept-Language: en`` holds no Spanish of ours — an unmarked string, or one the catalogue lacks, shows up here.

The content is the text's and stays Spanish (document, questions, names): every string of the world's content is
taken out of the page before it is searched. What is left must not contain Spanish words.
"""

from __future__ import annotations

import html
import re

import pytest
from django.urls import reverse

from quizzes.models import Choice, Classroom, Document, Fact, Flashcard, Question, Quiz, Sentence, User
from tests.views.test_access_matrix import ADMIN_OBJECTS, ADMIN_SAMPLE, MATRIX, ROLES, World

pytestmark = pytest.mark.django_db

# Words of the interface's Spanish that English text does not contain (short function words and the app's nouns).
SPANISH = re.compile(
    r"\b(de|del|el|los|las|una|unos|unas|para|con|por|que|sus|sin|aún|está|están|este|esta|estos|hay|cuando|"
    r"como|más|según|ningún|ninguna|todas|todos|también|puede|pregunta|preguntas|cuestionario|cuestionarios|"
    r"tarjeta|tarjetas|respuesta|respuestas|intento|intentos|clase|clases|docente|docentes|estudiantes|"
    r"guardar|enviar|volver|inicio|siguiente|anterior|contraseña|usuario|sesión|página|nota|hoy|días|año|años|"
    r"desde|hasta|entre|sobre|correcta|incorrecta|verdadero|falso|borrador|borradores|cerrar|abrir|ver|"
    r"buscar|añadir|editar|eliminar|borrar|sí|ninguno|documento|documentos|texto|oración|oraciones)\b",
    re.IGNORECASE,
)
# Spanish the English interface shows on purpose: the import's Spanish column and kind names, which it accepts.
SPANISH_ON_PURPOSE = [
    "tipo, enunciado, respuesta",
    "opcion_unica, opcion_multiple, verdadero_falso, respuesta_corta, numerica, ordenacion",
]
TAGS = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.DOTALL | re.IGNORECASE)
# Attributes a user reads or hears.
ATTRIBUTES = re.compile(r'\b(?:aria-label|title|placeholder|alt|data-msg-[\w-]+|data-confirm)="([^"]*)"')


def content_strings() -> list[str]:
    """Every piece of the world's content (the text's language, not the interface's), longest first."""
    strings: set[str] = set()
    for document in Document.objects.all():
        strings |= {document.title, document.text, document.source, document.licence}
    strings |= set(Sentence.objects.values_list("text", flat=True))
    for question in Question.objects.all():
        strings |= {question.prompt, question.explanation, str(question)}
    strings |= set(Choice.objects.values_list("text", flat=True))
    strings |= set(Fact.objects.values_list("answer", flat=True))
    for quiz in Quiz.objects.all():
        strings |= {quiz.title, getattr(quiz, "description", "")}
    strings |= set(Classroom.objects.values_list("name", flat=True))
    for card in Flashcard.objects.all():
        strings |= {card.front, card.back, card.context, str(card)}
    for user in User.objects.all():
        strings |= {user.username, user.first_name, user.last_name, user.get_full_name()}
    # Generated content phrases of the (Spanish) text: the true/false answers of its questions.
    strings |= {"Verdadero o falso", "Verdadero", "Falso"}
    return sorted((s for s in strings if s and len(s) > 1), key=len, reverse=True)


def spanish_in(body: str, content: list[str]) -> list[str]:
    page = html.unescape(TAGS.sub(" ", body)) + " " + " ".join(html.unescape(a) for a in ATTRIBUTES.findall(body))
    for piece in content:
        page = page.replace(piece, " ")
    page = re.sub(r"https?://\S+", " ", page)  # addresses (/clases/unirse/…) are not text
    page = re.sub(r"\S*\*{4,}\S*", " ", page)  # a masked password hash («De*****…») is random, not text
    for piece in SPANISH_ON_PURPOSE:
        page = page.replace(piece, " ")
    found = []
    for line in re.split(r"\s{2,}|\n", page):
        if SPANISH.search(line):
            found.append(line.strip()[:160])
    return found


def english_page(client, world: World, role: str, url: str, method: str = "get", data=None):
    client.logout()
    user = world.user(role)
    if user is not None:
        client.force_login(user)
    call = client.post if method == "post" else client.get
    return call(url, data or {}, HTTP_ACCEPT_LANGUAGE="en")


def pages(world: World):
    """(label, role, url, method, data): each page of the matrix once, as the first role that sees it (HTML only)."""
    for name, entry in {**MATRIX, **ADMIN_SAMPLE}.items():
        for role in ROLES:
            if entry.expect[role] == 200:
                yield name, role, reverse(name, kwargs=entry.kwargs(world)) + entry.query, entry.method, entry.data
                break
    for name, get_obj, expect in ADMIN_OBJECTS:
        role = next(r for r in ROLES if expect[r] == 200)
        pk = get_obj(world).pk
        kwargs = {"id": pk} if name.endswith("password_change") else {"object_id": pk}
        yield name, role, reverse(name, kwargs=kwargs), "get", lambda w: {}


def test_every_page_reads_in_english(client):
    world = World()
    content = content_strings()
    problems = {}
    checked = 0
    for name, role, url, method, data in pages(world):
        response = english_page(client, world, role, url, method, data(world))
        if "text/html" not in response.get("Content-Type", ""):
            continue
        checked += 1
        assert response["Content-Language"] == "en", name
        found = spanish_in(response.content.decode(), content)
        if found:
            problems[f"{name} as {role}"] = found
    assert checked > 40
    assert not problems, "Spanish left on English pages:\n" + "\n".join(
        f"{page}:\n    " + "\n    ".join(lines) for page, lines in problems.items()
    )


def test_the_detector_finds_spanish():
    """No test that cannot fail: a Spanish sentence of the interface is caught, the content's is not."""
    assert spanish_in("<p>Volver al inicio</p>", [])
    assert spanish_in('<button aria-label="Cerrar el menú">x</button>', [])
    assert not spanish_in("<p>Back to the start: Finlandia es un país.</p>", ["Finlandia es un país."])
