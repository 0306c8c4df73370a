"""winterwar.resolving: a request's view resolved once per process and path, the same match as Django's."""

import pytest
from django.core.handlers.base import BaseHandler
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from django.urls import Resolver404, get_resolver, path, resolve, set_urlconf

from winterwar import resolving

pytestmark = pytest.mark.django_db


def other_view(request, n):
    return HttpResponse(f"other {n}")


urlpatterns = [path("otra/<int:n>/", other_view, name="other")]


def _fields(match) -> tuple:
    return (
        match.func,
        match.args,
        match.kwargs,
        match.url_name,
        match.route,
        match.namespace,
        match.app_name,
        match.view_name,
        match.captured_kwargs,
        match.extra_kwargs,
    )


PATHS = ["/", "/intentos/12/preguntas/3/", "/tarjetas/", "/cuestionarios/4/", "/admin/", "/cuentas/login/"]


def test_the_kept_match_is_djangos_and_is_taken_on_the_next_request(monkeypatch):
    handler = BaseHandler()
    resolver = get_resolver()
    resolver.__dict__.pop("_kept_matches", None)
    for url in PATHS:
        request = RequestFactory().get(url)
        match = handler.resolve_request(request)
        assert request.resolver_match is match
        assert _fields(match) == _fields(resolve(url))
    calls = []
    real = type(resolver).resolve
    monkeypatch.setattr(type(resolver), "resolve", lambda self, p: calls.append(p) or real(self, p))
    for url in PATHS:
        request = RequestFactory().get(url)
        assert _fields(handler.resolve_request(request)) == _fields(resolve(url))
    assert [c for c in calls if c in PATHS] == PATHS  # only the comparisons' own resolve() calls above
    assert resolving.resolve_request is BaseHandler.resolve_request  # installed at start-up


def test_a_path_that_resolves_to_nothing_is_not_kept(client):
    resolver = get_resolver()
    with pytest.raises(Resolver404):
        BaseHandler().resolve_request(RequestFactory().get("/no-existe/"))
    assert "/no-existe/" not in resolver.__dict__.get("_kept_matches", {})
    assert client.get("/no-existe/").status_code == 404


@override_settings(ROOT_URLCONF=__name__)
def test_another_urlconf_has_its_own_matches(client):
    assert client.get("/otra/7/").content == b"other 7"
    with pytest.raises(Resolver404):
        BaseHandler().resolve_request(RequestFactory().get("/tarjetas/"))
    assert set(get_resolver().__dict__["_kept_matches"]) == {"/otra/7/"}


def test_a_requests_own_urlconf_is_djangos(monkeypatch):
    request = RequestFactory().get("/otra/5/")
    request.urlconf = __name__
    try:
        match = BaseHandler().resolve_request(request)
    finally:
        set_urlconf(None)  # Django's handler sets it for the request, and its request_finished resets it
    assert match.url_name == "other" and match.kwargs == {"n": 5}
    assert "/otra/5/" not in get_resolver().__dict__.get("_kept_matches", {})


def test_kept_matches_are_bounded(monkeypatch):
    monkeypatch.setattr(resolving, "MAX_PATHS", 2)
    resolver = get_resolver()
    resolver.__dict__.pop("_kept_matches", None)
    for url in PATHS[:3]:
        BaseHandler().resolve_request(RequestFactory().get(url))
    assert set(resolver.__dict__["_kept_matches"]) == {PATHS[2]}
