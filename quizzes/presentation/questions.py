"""How questions and answers look on a page: plain view-models for includes/_question.html and the result page.

Nothing here queries the database: callers hand in the rows they already fetched. The view-model of a question in an
attempt in progress never carries ``is_correct``, the position of an ordering item, accepted answers or the
numeric value: the template cannot leak what it does not have.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..domain.grading import is_ascii_int
from ..domain.numbers import format_amount, format_number, unit_label
from ..domain.opaque import option_key
from ..models import AcceptedAnswer, Choice, Document, Question, QuestionKind, Response

# The language of a question without a document: the documents' default (Spanish).
DEFAULT_CONTENT_LANGUAGE = Document._meta.get_field("language").default


def content_language(question: Question) -> str:
    """The language of a question's text: its document's. The phrases added to it (true/false, «también»…) are in
    this language, not the interface's: a Spanish quiz taken in English keeps «Verdadero». Fetch the question with
    its document (``select_related``) where this is called."""
    return question.document.language if question.document_id else DEFAULT_CONTENT_LANGUAGE


@dataclass
class Option:
    id: int | str  # in an attempt: the opaque per-response name of the option (domain/opaque.py), never its pk
    text: str
    checked: bool = False
    position: int | None = None  # ordering: the position the student chose (never the right one)
    # ordering: the select's label and its <option>s, written here (see ordering_options)
    label: str = ""
    positions_html: str = ""


@dataclass
class Feedback:
    fraction: float
    given: str
    right: str
    explanation: str
    source_url: str = ""
    source_text: str = ""
    language: str = DEFAULT_CONTENT_LANGUAGE  # of given, right, explanation and source_text

    @property
    def verdict(self) -> str:
        if self.fraction >= 1:
            return "right"
        return "partial" if self.fraction > 0 else "wrong"


@dataclass
class QuestionView:
    """What includes/_question.html renders."""

    question: Question
    kind: str
    options: list[Option] = field(default_factory=list)
    text: str = ""
    value: bool | None = None
    unit: str = ""
    disabled: bool = False
    feedback: Feedback | None = None
    error: str = ""
    scope: int | None = None  # the response whose opaque option names are used (None: a teacher's preview)
    language: str = DEFAULT_CONTENT_LANGUAGE  # of the question's text (content_language), for lang="" and true/false

    @property
    def positions(self) -> list[int]:
        return list(range(1, len(self.options) + 1))

    @property
    def field_id(self) -> str:
        return f"q{self.question.pk}" if self.scope is None else "q"


def ordered_choices(choices: list[Choice], order: list[int]) -> list[Choice]:
    """Return the choices in the attempt's stored order (new options a teacher added later go last)."""
    rank = {pk: i for i, pk in enumerate(order)}
    return sorted(choices, key=lambda c: (rank.get(c.pk, len(rank)), c.position, c.pk))


def question_view(
    *,
    question: Question,
    choices: list[Choice],
    order: list[int] | None = None,
    answer: dict | None = None,
    submitted=None,
    disabled: bool = False,
    scope: int | None = None,
) -> QuestionView:
    """Build the view-model of a question with the student's saved answer (or the data just submitted).

    With a ``scope`` (the response of an attempt) options are named by their opaque per-response key, never by id.
    """
    answer = answer or {}
    choices = ordered_choices(choices, order or [])
    view = QuestionView(
        question=question,
        kind=question.kind,
        unit=unit_label(question.unit, question.numeric_value),
        disabled=disabled,
        scope=scope,
        language=content_language(question),
    )

    def name(choice: Choice) -> int | str:
        return choice.pk if scope is None else option_key(scope, choice.pk)

    if question.kind in {QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE}:
        picked = {answer.get("choice")} | set(answer.get("choices") or [])
        view.options = [Option(id=name(c), text=c.text, checked=c.pk in picked) for c in choices]
        if submitted is not None:
            raw = set(submitted.getlist("choice") + submitted.getlist("choices"))
            for option in view.options:
                option.checked = str(option.id) in raw
    elif question.kind == QuestionKind.ORDERING:
        given = answer.get("order") or []
        position = {pk: i for i, pk in enumerate(given, start=1)}
        view.options = [Option(id=name(c), text=c.text, position=position.get(c.pk)) for c in choices]
        if submitted is not None:
            for option in view.options:
                raw = submitted.get(f"pos-{option.id}", "")
                option.position = int(raw) if is_ascii_int(raw) and len(raw) < 4 else None
        ordering_options(view.options)
    elif question.kind == QuestionKind.TRUE_FALSE:
        view.value = answer.get("value")
        if submitted is not None:
            view.value = {"true": True, "false": False}.get(submitted.get("value", ""))
    else:
        view.text = answer.get("text", "")
        if submitted is not None:
            view.text = submitted.get("text", "")[:300]
    return view


def ordering_options(options: list[Option]) -> None:
    """Write each ordering item's select label and its position <option>s (the chosen one selected).

    In the template a {% blocktranslate %} per item and a loop of positions per item (n² nodes, each with a
    localized number) cost more than the rest of the question; the HTML is the same. Positions are integers.
    """
    positions = range(1, len(options) + 1)
    for option in options:
        # As {% blocktranslate with item=o.text %}: the translation as it is, the item escaped.
        option.label = mark_safe(_("Posición de «%(item)s»") % {"item": conditional_escape(option.text)})
        option.positions_html = SafeString(
            "".join(
                f'<option value="{p}" selected>{p}</option>'
                if option.position == p
                else f'<option value="{p}">{p}</option>'
                for p in positions
            )
        )


def describe_answer(question: Question, choices: list[Choice], answer: dict | None) -> str:
    """Return the student's answer as text ("" when unanswered), in the question's language."""
    with translation.override(content_language(question)):
        return _describe_answer(question, choices, answer)


def _describe_answer(question: Question, choices: list[Choice], answer: dict | None) -> str:
    if not answer:
        return ""
    by_id = {c.pk: c.text for c in choices}
    kind = question.kind
    if kind == QuestionKind.SINGLE_CHOICE:
        return by_id.get(answer.get("choice"), "")
    if kind == QuestionKind.MULTIPLE_CHOICE:
        return "; ".join(by_id[c] for c in answer.get("choices") or [] if c in by_id)
    if kind == QuestionKind.TRUE_FALSE:
        return _("Verdadero") if answer.get("value") else _("Falso")
    if kind == QuestionKind.ORDERING:
        return " → ".join(by_id[c] for c in answer.get("order") or [] if c in by_id)
    return answer.get("text", "")


def describe_right_answer(question: Question, choices: list[Choice], accepted: list[AcceptedAnswer]) -> str:
    """Return the right answer as text, in the question's language."""
    with translation.override(content_language(question)):
        return _describe_right_answer(question, choices, accepted)


def _describe_right_answer(question: Question, choices: list[Choice], accepted: list[AcceptedAnswer]) -> str:
    kind = question.kind
    if kind in {QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE}:
        return "; ".join(c.text for c in sorted(choices, key=lambda c: (c.position, c.pk)) if c.is_correct)
    if kind == QuestionKind.TRUE_FALSE:
        return _("Verdadero") if question.correct_bool else _("Falso")
    if kind == QuestionKind.ORDERING:
        return " → ".join(c.text for c in sorted(choices, key=lambda c: (c.position, c.pk)))
    if kind == QuestionKind.NUMERIC:
        text = format_amount(question.numeric_value, question.unit)
        tolerance = question.numeric_tolerance or 0.0
        if tolerance and question.numeric_value is not None:
            low, high = question.numeric_value - tolerance, question.numeric_value + tolerance
            text += " " + _("(se aceptaba de %(low)s a %(high)s)") % {
                "low": format_number(low),
                "high": format_number(high),
            }
        return text
    answers = [a.text for a in accepted]
    if len(answers) > 1:
        return _("%(first)s (también: %(others)s)") % {"first": answers[0], "others": ", ".join(answers[1:])}
    return answers[0] if answers else ""


def feedback_for(
    *, question: Question, choices: list[Choice], accepted: list[AcceptedAnswer], answer: dict | None, fraction: float
) -> Feedback:
    """Build the feedback block of a graded question: answer given, right answer, explanation, source sentence."""
    sentence = question.sentence
    return Feedback(
        language=content_language(question),
        fraction=fraction or 0.0,
        given=describe_answer(question, choices, answer),
        right=describe_right_answer(question, choices, accepted),
        explanation=question.explanation,
        source_url=sentence.get_absolute_url() if sentence else "",
        source_text=sentence.text if sentence else "",
    )


def _slot_links(slots: list[tuple[int, bool]], current: int) -> list[dict]:
    """The buttons of the question page's «Ir a la pregunta» list, their numbers and labels written here, not in the
    template: a {% blocktranslate %} and three localized numbers per question cost more than the rest of the list
    (a 50-question quiz renders 50 of them on every question page). The two labels are translated once per page."""
    answered_label, unanswered_label = _("Pregunta %(n)s, respondida"), _("Pregunta %(n)s, sin responder")
    return [
        {
            "slot": slot,
            "number": str(slot),
            "answered": bool(answered),
            "current": slot == current,
            "label": (answered_label if answered else unanswered_label) % {"n": slot},
        }
        for slot, answered in slots
    ]


_SLOT_BUTTON = (
    '\n        <li><button type="submit" name="action" value="goto-{}" class="overview-btn{}{}"{} '
    'aria-label="{}">{}</button></li>\n        '
)


def _slots_html(slots: list[dict]) -> SafeString:
    """The «Ir a la pregunta» buttons, written here: a loop of four nodes per question in the template cost more than
    the rest of the page's form (a 50-question quiz renders 50 of them on every question page). The numbers are
    integers and the classes constants: only the label is escaped (as the template's autoescaping did)."""
    buttons = "".join(
        _SLOT_BUTTON.format(
            s["number"],
            " is-answered" if s["answered"] else "",
            " is-current" if s["current"] else "",
            ' aria-current="step"' if s["current"] else "",
            html.escape(s["label"]),
            s["number"],
        )
        for s in slots
    )
    return SafeString("\n        " + buttons + "\n      ")  # the template's own whitespace


_ATTEMPT_HEAD = (
    '<div class="attempt mx-auto">\n  <header class="attempt-header mb-3">\n'
    '    <div class="d-flex justify-content-between align-items-baseline gap-3 flex-wrap">\n'
    '      <h1 class="h5 mb-0"><a class="link-underline-opacity-0" href="{}">{}</a></h1>\n      '
)
_ATTEMPT_FORM = (
    "\n    </div>\n"
    '    <div class="d-flex justify-content-between small text-body-secondary mt-2">\n'
    "      <span>{}</span>\n      <span>{}</span>\n    </div>\n"
    '    <progress class="attempt-progress w-100" value="{}" max="{}" aria-label="{}">{}/{}</progress>\n'
    "  </header>\n\n"
    '  <form method="post" action="{}" id="attempt-form" class="card attempt-card" novalidate{}>\n    '
)


def attempt_header_html(
    *, page: dict, quiz_title: str, quiz_url: str, question_url: str, autosave_url: str | None
) -> tuple[SafeString, SafeString]:
    """The question page's header and the opening of its form, around the timer (quiz/_timer.html, shared with the
    review page), for ``page`` (attempt_question_page's): written here, not in the template, where its variables,
    URLs and conditions were twenty nodes rendered on every look. Numbers are integers and the URLs reversed; every
    text is escaped as the template's autoescaping did. ``autosave_url`` is None when the page does not autosave."""
    head = _ATTEMPT_HEAD.format(conditional_escape(quiz_url), conditional_escape(quiz_title))
    answered, n = str(page["n_answered"]), str(page["n"])
    form = _ATTEMPT_FORM.format(
        conditional_escape(page["heading"]),
        conditional_escape(page["answered_label"]),
        answered,
        n,
        conditional_escape(_("Preguntas respondidas")),
        answered,
        n,
        conditional_escape(question_url),
        "" if autosave_url is None else f' data-autosave="{conditional_escape(autosave_url)}"',
    )
    return SafeString(head), SafeString(form)


def attempt_heading(slot: int, n: int) -> str:
    """The question page's heading (also its title): «Pregunta 2 de 10»."""
    return _("Pregunta %(n)s de %(total)s") % {"n": slot, "total": n}


def attempt_question_page(
    *,
    response: Response,
    choices: list[Choice],
    accepted: list[AcceptedAnswer],
    slots: list[tuple[int, bool]],
    locked: bool,
    submitted=None,
    error: str = "",
) -> dict:
    """The question page of an attempt: the question with the saved (or just submitted) answer, and the navigation.

    ``slots`` are (slot, answered) of every question of the attempt. A ``locked`` question (immediate feedback,
    already answered) is shown disabled with its feedback.
    """
    question = response.question
    view = question_view(
        question=question,
        choices=choices,
        order=response.choice_order,
        answer=response.answer,
        submitted=submitted,
        disabled=locked,
        scope=response.pk,
    )
    view.error = error
    if locked:
        view.feedback = feedback_for(
            question=question, choices=choices, accepted=accepted, answer=response.answer, fraction=response.fraction
        )
    links = _slot_links(slots, response.slot)
    n_answered = sum(1 for _s, a in slots if a)
    return {
        "response": response,
        "q": view,
        "slot": response.slot,
        "n": len(slots),
        "has_prev": response.slot > 1,  # the «Anterior» button
        "has_next": response.slot < len(slots),  # «Siguiente», or «Revisar y entregar» on the last one
        "slots": links,
        "slots_html": _slots_html(links),
        "n_answered": n_answered,
        # The heading and the count, as the template's {% blocktranslate %} wrote them.
        "heading": attempt_heading(response.slot, len(slots)),
        "answered_label": ngettext("%(a)s respondida", "%(a)s respondidas", n_answered) % {"a": n_answered},
        "locked": locked,
    }


def result_items(responses: list[Response], *, show_feedback: bool) -> list[dict]:
    """One item per response of a finished attempt, with its feedback when the quiz's setting shows it.

    The responses come with their question's choices and accepted answers prefetched.
    """
    items = []
    for response in responses:
        question = response.question
        item = {"response": response, "question": question, "language": content_language(question)}
        if show_feedback:
            item["feedback"] = feedback_for(
                question=question,
                choices=list(question.choices.all()),
                accepted=list(question.accepted_answers.all()),
                answer=response.answer,
                fraction=response.fraction,
            )
        items.append(item)
    return items
