"""Question view-models (no database): what a question page and a result show, and what they must never show."""

import pytest
from django.http import QueryDict
from django.utils import translation

from quizzes.models import AcceptedAnswer, Choice, Question, QuestionKind, Response
from quizzes.presentation import questions


def _question(kind, **extra):
    return Question(pk=7, kind=kind, prompt="¿?", explanation="Porque sí.", **extra)


def _choices():
    return [
        Choice(pk=11, text="Finlandia", is_correct=True, position=1),
        Choice(pk=12, text="Suecia", is_correct=False, position=2),
        Choice(pk=13, text="Noruega", is_correct=False, position=3),
    ]


def test_choices_follow_the_attempts_order_and_new_ones_go_last():
    ordered = questions.ordered_choices(_choices(), [13, 11])
    assert [c.pk for c in ordered] == [13, 11, 12]


def test_question_view_of_a_choice_question_never_carries_the_right_answer():
    view = questions.question_view(
        question=_question(QuestionKind.SINGLE_CHOICE), choices=_choices(), answer={"choice": 12}
    )
    assert [(o.id, o.checked) for o in view.options] == [(11, False), (12, True), (13, False)]
    assert not any(hasattr(o, "is_correct") for o in view.options)
    assert view.field_id == "q7" and view.feedback is None


def test_question_view_echoes_what_was_just_submitted_ignoring_junk():
    submitted = QueryDict("choices=11&choices=abc&choices=99999999999999999999&choices=13")
    view = questions.question_view(
        question=_question(QuestionKind.MULTIPLE_CHOICE),
        choices=_choices(),
        answer={"choices": [12]},
        submitted=submitted,
    )
    assert [o.id for o in view.options if o.checked] == [11, 13]


def test_ordering_view_shows_the_students_positions_only():
    view = questions.question_view(
        question=_question(QuestionKind.ORDERING),
        choices=_choices(),
        order=[12, 11, 13],
        answer={"order": [13, 12, 11]},
    )
    assert [(o.id, o.position) for o in view.options] == [(12, 2), (11, 3), (13, 1)]
    assert view.positions == [1, 2, 3]


def test_describe_answers():
    choices = _choices()
    with translation.override("es"):
        assert (
            questions.describe_answer(_question(QuestionKind.MULTIPLE_CHOICE), choices, {"choices": [11, 13]})
            == "Finlandia; Noruega"
        )
        assert questions.describe_answer(_question(QuestionKind.TRUE_FALSE), [], {"value": False}) == "Falso"
        assert (
            questions.describe_answer(_question(QuestionKind.ORDERING), choices, {"order": [12, 11]})
            == "Suecia → Finlandia"
        )
        assert questions.describe_answer(_question(QuestionKind.SHORT_ANSWER), [], None) == ""
        numeric = _question(QuestionKind.NUMERIC, numeric_value=105000, numeric_tolerance=0.5, unit="km²")
        assert questions.describe_right_answer(numeric, [], []) == (
            "105\u00a0000 km² (se aceptaba de 104\u00a0999,5 a 105\u00a0000,5)"
        )
        accepted = [AcceptedAnswer(text="URSS"), AcceptedAnswer(text="Unión Soviética")]
        assert (
            questions.describe_right_answer(_question(QuestionKind.SHORT_ANSWER), [], accepted)
            == "URSS (también: Unión Soviética)"
        )


def _response(question, slot, answer=None, fraction=None):
    return Response(slot=slot, question=question, answer=answer, fraction=fraction, choice_order=[11, 12, 13])


def test_attempt_question_page_navigation_and_lock():
    question = _question(QuestionKind.SINGLE_CHOICE)
    response = _response(question, 2, answer={"choice": 11}, fraction=1.0)
    slots = [(1, True), (2, True), (3, False)]
    open_page = questions.attempt_question_page(
        response=response, choices=_choices(), accepted=[], slots=slots, locked=False
    )
    assert open_page["n"] == 3 and open_page["n_answered"] == 2 and open_page["slot"] == 2
    assert [s["answered"] for s in open_page["slots"]] == [True, True, False]
    assert [s["current"] for s in open_page["slots"]] == [False, True, False]
    assert open_page["q"].feedback is None and not open_page["q"].disabled
    locked = questions.attempt_question_page(
        response=response, choices=_choices(), accepted=[], slots=slots, locked=True, error="x"
    )
    assert locked["q"].disabled and locked["q"].error == "x"
    assert locked["q"].feedback.verdict == "right" and locked["q"].feedback.right == "Finlandia"


def test_result_items_carry_feedback_only_when_shown():
    question = _question(QuestionKind.TRUE_FALSE, correct_bool=True)
    question._prefetched_objects_cache = {
        "choices": Choice.objects.none(),
        "accepted_answers": AcceptedAnswer.objects.none(),
    }
    responses = [_response(question, 1, answer={"value": False}, fraction=0.0)]
    assert "feedback" not in questions.result_items(responses, show_feedback=False)[0]
    with translation.override("es"):
        feedback = questions.result_items(responses, show_feedback=True)[0]["feedback"]
    assert (feedback.verdict, feedback.given, feedback.right) == ("wrong", "Falso", "Verdadero")


@pytest.mark.parametrize(
    ("value", "tolerance", "unit", "shown"),
    [
        (1939, 0, "año", "1939"),  # a year, not «1939 año»
        (3, 0, "mes", "3 meses"),
        (1, 0, "mes", "1 mes"),
        (2520.7, 0, "años", "2520,7 años"),
        (239, 23.9, "", "239 (se aceptaba de 215,1 a 262,9)"),
        (25, 0, "%", "25 %"),
        (450000, 0, "soldado", "450\u00a0000 soldados"),
    ],
)
def test_the_right_answer_of_a_numeric_question_reads_as_spanish_and_states_the_accepted_range(
    value, tolerance, unit, shown
):
    question = _question(QuestionKind.NUMERIC, numeric_value=value, numeric_tolerance=tolerance, unit=unit)
    with translation.override("es"):
        assert questions.describe_right_answer(question, [], []) == shown


@pytest.mark.parametrize(("value", "unit", "beside"), [(1939, "año", ""), (3, "mes", "meses"), (105, "km", "km")])
def test_the_unit_beside_a_numeric_answer_box_reads_as_spanish(value, unit, beside):
    """A year question shows no «año» beside the box (the answer reads «1939»); a word unit is written plural."""
    question = _question(QuestionKind.NUMERIC, numeric_value=value, unit=unit)
    assert questions.question_view(question=question, choices=[]).unit == beside


def test_the_slot_list_labels_each_question_in_the_interface_language():
    question = _question(QuestionKind.SINGLE_CHOICE)
    response = _response(question, 2, answer={"choice": 11}, fraction=1.0)
    slots = [(1, True), (2, True), (3, False), (12, False)]
    page = questions.attempt_question_page(
        response=response, choices=_choices(), accepted=[], slots=slots, locked=False
    )
    assert [s["label"] for s in page["slots"]] == [
        "Pregunta 1, respondida",
        "Pregunta 2, respondida",
        "Pregunta 3, sin responder",
        "Pregunta 12, sin responder",
    ]
    assert [s["number"] for s in page["slots"]] == ["1", "2", "3", "12"]
    with translation.override("en"):
        page = questions.attempt_question_page(
            response=response, choices=_choices(), accepted=[], slots=slots, locked=False
        )
    assert (
        page["slots"][0]["label"] == "Question 1, answered" and page["slots"][2]["label"] == "Question 3, not answered"
    )


def test_the_slot_buttons_escape_the_label_as_format_html_did():
    """Only the label can hold markup (a translation); the numbers and classes are the page's own."""
    from django.utils.html import format_html_join
    from django.utils.safestring import mark_safe

    links = [
        {"slot": 1, "number": "1", "answered": True, "current": False, "label": "Pregunta 1 <b>«&»</b> \"x\" 'y'"},
        {"slot": 2, "number": "2", "answered": False, "current": True, "label": "Pregunta 2, sin responder"},
        {"slot": 12, "number": "12", "answered": True, "current": True, "label": "Q&A 12"},
    ]
    before = format_html_join(
        "",
        questions._SLOT_BUTTON,
        (
            (
                s["number"],
                " is-answered" if s["answered"] else "",
                " is-current" if s["current"] else "",
                mark_safe(' aria-current="step"') if s["current"] else "",
                s["label"],
                s["number"],
            )
            for s in links
        ),
    )
    html = questions._slots_html(links)
    assert html == "\n        " + before + "\n      "
    assert "&lt;b&gt;«&amp;»&lt;/b&gt; &quot;x&quot; &#x27;y&#x27;" in html


# The question page's header and form opening as quiz/question.html wrote them before attempt_header_html.
_HEADER_TEMPLATE = (
    '{% load i18n %}<div class="attempt mx-auto">\n  <header class="attempt-header mb-3">\n'
    '    <div class="d-flex justify-content-between align-items-baseline gap-3 flex-wrap">\n'
    '      <h1 class="h5 mb-0"><a class="link-underline-opacity-0" href="{{ quiz_url }}">{{ quiz.title }}</a></h1>\n'
    "      [timer]\n    </div>\n"
    '    <div class="d-flex justify-content-between small text-body-secondary mt-2">\n'
    "      <span>{{ heading }}</span>\n      <span>{{ answered_label }}</span>\n    </div>\n"
    '    <progress class="attempt-progress w-100" value="{{ n_answered }}" max="{{ n }}" '
    "aria-label=\"{% translate 'Preguntas respondidas' %}\">{{ n_answered }}/{{ n }}</progress>\n  </header>\n\n"
    '  <form method="post" action="{{ question_url }}" id="attempt-form" class="card attempt-card" '
    'novalidate{% if not immediate %} data-autosave="{{ autosave_url }}"{% endif %}>\n    '
)


@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("immediate", [False, True])
def test_the_attempt_header_is_what_the_template_wrote(language, immediate):
    from django.template import engines

    question = _question(QuestionKind.SHORT_ANSWER)
    slots = [(1, True), (2, False), (3, True)]
    urls = {"quiz_url": "/c/4/?a=1&b=<2>", "question_url": "/i/6/p/2/", "autosave_url": '/i/6/p/2/"g"/'}
    title = 'Guerra & paz <b>«1939»</b> "x"'
    with translation.override(language):
        page = questions.attempt_question_page(
            response=_response(question, 2), choices=[], accepted=[], slots=slots, locked=False
        )
        head, form = questions.attempt_header_html(
            page=page,
            quiz_title=title,
            quiz_url=urls["quiz_url"],
            question_url=urls["question_url"],
            autosave_url=None if immediate else urls["autosave_url"],
        )
        context = {**page, **urls, "quiz": {"title": title}, "immediate": immediate}
        expected = engines["django"].from_string(_HEADER_TEMPLATE).render(context)
    assert head + "[timer]" + form == expected
    assert ("data-autosave" in form) is not immediate and "<b>" not in head
