"""Error pages in the site's own look (Spanish, no stack traces), and how a refused action is shown."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import render

from ..services.errors import Code, ServiceError


def permission_denied(request, exception=None):
    # The reason is shown when the code that refused gave one (always a translated sentence for the user).
    reason = str(exception) if exception is not None and exception.args else ""
    return render(request, "403.html", {"reason": reason}, status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors that may query the database: the error may be the database itself.
    from django.http import HttpResponseServerError
    from django.template import loader

    return HttpResponseServerError(loader.get_template("500.html").render())


# --------------------------------------------------------------------------------------------------------------------
# Refusals of the services (ServiceError) as messages and HTTP statuses: the one mapping

# The action does not fit the state of things any more (a page out of date, an attempt that is over): 409.
CONFLICT = frozenset(
    {
        Code.PAGE_STALE,
        Code.ATTEMPT_FINISHED,
        Code.ATTEMPT_EXPIRED,
        Code.AUTOSAVE_IMMEDIATE,
        Code.ANSWER_LOCKED,
        Code.CARD_STALE,
        Code.CARD_NOT_DUE,
        Code.CARD_INACTIVE,
        Code.IMPORT_ALREADY_DONE,
    }
)
# Not for this user, or not now: 403.
FORBIDDEN = frozenset(
    {
        Code.QUIZ_NOT_PUBLISHED,
        Code.QUIZ_NOT_OPEN,
        Code.QUIZ_CLOSED,
        Code.NO_ATTEMPTS_LEFT,
        Code.QUIZ_EMPTY,
        Code.NOT_YOUR_CLASS,
    }
)
# How a refusal reads on the next page; anything else is an error.
LEVELS = {
    Code.PAGE_STALE: messages.WARNING,
    Code.ATTEMPT_EXPIRED: messages.WARNING,
    Code.CARD_STALE: messages.WARNING,
    Code.CARD_NOT_DUE: messages.INFO,
    Code.CARD_INACTIVE: messages.INFO,
}


def http_status(exc: ServiceError) -> int:
    """Return the HTTP status of a refusal: 409 for a conflict, 403 for "not for you or not now", else 400."""
    if exc.code in CONFLICT:
        return 409
    if exc.code in FORBIDDEN:
        return 403
    return 400


def add_refusal_message(request, exc: ServiceError) -> None:
    """Tell the user why nothing happened, on the next page they see (the message and each detail)."""
    level = LEVELS.get(exc.code, messages.ERROR)
    messages.add_message(request, level, exc.message)
    for detail in exc.details:
        messages.add_message(request, level, detail)


def add_refusal_to_form(form, field: str | None, exc: ServiceError) -> None:
    """Show a refusal on a form, on one field or over the form (``field`` None), keeping the code."""
    form.add_error(field, ValidationError(exc.message, code=exc.code.value))


def refusal_json(exc: ServiceError) -> JsonResponse:
    """Return a refusal to a script: the message, the code (the domain's finer reason when there is one)."""
    return JsonResponse({"error": str(exc.message), "code": exc.detail or exc.code.value}, status=http_status(exc))
