"""services/errors.py: one error type, with a code and a message translated when it is read."""

from django.utils.functional import Promise

from quizzes.services.errors import Code, ServiceError, lazy_message


def test_the_message_is_the_code_label_unless_the_service_gives_one():
    exc = ServiceError(Code.QUIZ_CLOSED)
    assert exc.code == Code.QUIZ_CLOSED == "closed"
    assert str(exc) == "Este cuestionario ya está cerrado."
    assert ServiceError("closed", "Otro texto").message == "Otro texto"
    assert ServiceError(Code.QUIZ_NOT_PUBLISHABLE, details=["a", "b"]).messages == [
        "El cuestionario no se puede publicar.",
        "a",
        "b",
    ]


def test_every_code_has_a_message_and_codes_are_unique():
    assert all(str(code.label) for code in Code)
    assert len(set(Code.values)) == len(Code.values)


def test_messages_stay_lazy_until_read():
    """Raised in a service, read in the request's language: the message must not be a str yet."""
    assert isinstance(ServiceError(Code.QUIZ_CLOSED).message, Promise)
    assert isinstance(lazy_message(Code.QUIZ_CLOSED.label), Promise)
    assert all(isinstance(code.label, Promise) for code in Code)


def test_lazy_message_fills_its_parameters():
    from quizzes.services.content import QUESTION_NOT_PUBLISHED

    assert str(lazy_message(QUESTION_NOT_PUBLISHED, q="P1")) == "La pregunta «P1» no está publicada."
