"""Helpers shared by the quiz tests: form data for right and wrong answers to any kind of question."""

from quizzes.domain.opaque import option_key
from quizzes.models import QuestionKind, Response
from quizzes.services.attempts import response_token


def right_answer(response: Response) -> dict[str, list[str]]:
    """Return form data that answers this response's question correctly."""
    question = response.question
    choices = list(question.choices.all())
    kind = question.kind
    if kind == QuestionKind.SINGLE_CHOICE:
        return {"choice": [option_key(response.pk, next(c.pk for c in choices if c.is_correct))]}
    if kind == QuestionKind.MULTIPLE_CHOICE:
        return {"choices": [option_key(response.pk, c.pk) for c in choices if c.is_correct]}
    if kind == QuestionKind.TRUE_FALSE:
        return {"value": ["true" if question.correct_bool else "false"]}
    if kind == QuestionKind.SHORT_ANSWER:
        return {"text": [question.accepted_answers.first().text]}
    if kind == QuestionKind.NUMERIC:
        return {"text": [f"{question.numeric_value:g}"]}
    return {f"pos-{option_key(response.pk, c.pk)}": [str(c.position)] for c in choices}


def wrong_answer(response: Response) -> dict[str, list[str]]:
    """Return form data that answers this response's question wrongly (fraction 0)."""
    question = response.question
    choices = list(question.choices.all())
    kind = question.kind
    if kind == QuestionKind.SINGLE_CHOICE:
        return {"choice": [option_key(response.pk, next(c.pk for c in choices if not c.is_correct))]}
    if kind == QuestionKind.MULTIPLE_CHOICE:
        return {"choices": [option_key(response.pk, c.pk) for c in choices if not c.is_correct]}
    if kind == QuestionKind.TRUE_FALSE:
        return {"value": ["false" if question.correct_bool else "true"]}
    if kind == QuestionKind.SHORT_ANSWER:
        return {"text": ["Noruega"]}
    if kind == QuestionKind.NUMERIC:
        return {"text": [f"{question.numeric_value + 1000:g}"]}
    n = len(choices)
    return {f"pos-{option_key(response.pk, c.pk)}": [str(n + 1 - c.position)] for c in choices}


def post_data(response: Response, answer: dict[str, list[str]], action: str = "next") -> dict:
    """Return the POST body a question page sends: the answer, its sequence token and the button pressed."""
    return {**answer, "token": response_token(response), "action": action}
