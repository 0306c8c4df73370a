"""Project middleware."""

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader

RETRY_AFTER_SECONDS = 5


class DatabaseUnavailableMiddleware:
    """Answer 503 Service Unavailable with Retry-After, not a 500, when the database cannot be reached.

    A PostgreSQL restart or failover makes every request fail for a few seconds (scripts/chaos.sh measures it);
    a 503 tells load balancers and browsers it is temporary. Rendered without context processors: they may query
    the database. CONN_HEALTH_CHECKS reconnects on the next request, so nothing else is needed to recover.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
