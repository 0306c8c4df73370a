"""Operations endpoints: a health check for load balancers (and the ceiling of the stack in the load test)."""

from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@never_cache
@require_safe
def healthz(request):
    """Answer "ok" without touching the database or the session: the process is up and serving."""
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")
