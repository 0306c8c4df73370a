"""The one id converter: 64-bit primary keys; anything bigger is a 404, never a 500."""

import pytest
from django.urls import NoReverseMatch, reverse

from quizzes.services.attempts import attempt_start, response_token
from quizzes.urls.converters import MAX_ID, IdConverter
from tests import factories

TOO_BIG = str(2**63)
TWENTY_FIVE_DIGITS = "9" * 25


@pytest.mark.parametrize(("raw", "expected"), [("0", 0), ("7", 7), ("007", 7), (str(2**63 - 1), 2**63 - 1)])
def test_to_python_accepts_every_64_bit_id(raw, expected):
    assert IdConverter().to_python(raw) == expected


@pytest.mark.parametrize("raw", [TOO_BIG, "9" * 19])
def test_to_python_refuses_what_a_64_bit_column_cannot_hold(raw):
    with pytest.raises(ValueError):
        IdConverter().to_python(raw)


def test_max_id_is_the_largest_bigint():
    assert MAX_ID == 9_223_372_036_854_775_807


def test_reverse_writes_the_id_and_refuses_a_non_number():
    assert reverse("quizzes:quiz_detail", args=[2**63 - 1]) == f"/cuestionarios/{2**63 - 1}/"
    with pytest.raises(NoReverseMatch):
        reverse("quizzes:quiz_detail", args=["abc"])


URLS = [
    "/documentos/{}/",
    "/preguntas/{}/vista-previa/",
    "/cuestionarios/{}/",
    "/intentos/{}/",
    "/intentos/{}/preguntas/1/",
    "/intentos/1/preguntas/{}/",
    "/intentos/{}/resultado/",
    "/docente/clases/{}/",
    "/docente/clases/{}/notas.csv",
    "/docente/clases/{}/estudiantes/{}/",
    "/docente/clases/{}/cuestionarios/{}/",
]


@pytest.mark.django_db
@pytest.mark.parametrize("raw", ["0", str(2**63 - 1), TOO_BIG, TWENTY_FIVE_DIGITS])
@pytest.mark.parametrize("pattern", URLS)
def test_ids_out_of_range_or_unknown_are_404(client, raw, pattern):
    client.force_login(factories.make_teacher(username="docente"))
    url = pattern.format(*[raw] * pattern.count("{}"))
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_a_huge_slot_of_an_existing_attempt_is_404(client):
    student = factories.make_student(username="estudiante")
    quiz = factories.make_quiz_of_every_kind()
    attempt = attempt_start(user=student, quiz=quiz)
    token = response_token(attempt.responses.get(slot=1))  # well-formed, so the slot is what gets checked
    client.force_login(student)
    for slot in ("0", str(2**63 - 1), TOO_BIG, TWENTY_FIVE_DIGITS):
        assert client.get(f"/intentos/{attempt.pk}/preguntas/{slot}/").status_code == 404, slot
        response = client.post(f"/intentos/{attempt.pk}/preguntas/{slot}/guardar/", {"token": token, "value": "true"})
        assert response.status_code == 404, slot
