"""winterwar.middleware.CSPMiddleware: django-csp's headers, the constant policy built once per process."""

import pytest
from csp.constants import NONCE
from csp.exceptions import CSPNonceError
from csp.middleware import CSPMiddleware as DjangoCSPMiddleware
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from winterwar.middleware import CSPMiddleware


def _directives(header: str) -> set[str]:
    return {part.strip() for part in header.split(";")}


def _both(response_factory=HttpResponse, path="/"):
    """The headers of our middleware and of django-csp's for the same request and response."""
    headers = []
    for middleware_class in (CSPMiddleware, DjangoCSPMiddleware):
        request = RequestFactory().get(path)
        middleware = middleware_class(lambda request: response_factory())
        headers.append(middleware(request))
    return headers


@pytest.mark.django_db
def test_a_page_has_django_csps_policy(client):
    response = client.get(reverse("login"))
    ours, theirs = _both()
    assert _directives(response["Content-Security-Policy"]) == _directives(theirs["Content-Security-Policy"])
    assert "script-src 'self'" in _directives(response["Content-Security-Policy"])
    assert "Content-Security-Policy-Report-Only" not in response


def test_an_overridden_policy_is_built_for_its_settings(settings):
    first, _ = _both()
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'none'"]}}
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": {"img-src": ["'self'"]}}
    ours, theirs = _both()
    assert ours["Content-Security-Policy"] == theirs["Content-Security-Policy"] == "default-src 'none'"
    assert ours["Content-Security-Policy-Report-Only"] == theirs["Content-Security-Policy-Report-Only"]
    assert ours["Content-Security-Policy"] != first["Content-Security-Policy"]


def test_a_per_response_policy_and_exemptions_are_django_csps():
    def updated():
        response = HttpResponse()
        response._csp_update = {"img-src": ["https://example.org"]}
        return response

    def exempt():
        response = HttpResponse()
        response._csp_exempt = True
        return response

    ours, theirs = _both(updated)
    assert "img-src 'self' data: https://example.org" in _directives(ours["Content-Security-Policy"])
    assert _directives(ours["Content-Security-Policy"]) == _directives(theirs["Content-Security-Policy"])
    ours, theirs = _both(exempt)
    assert "Content-Security-Policy" not in ours and "Content-Security-Policy" not in theirs


def test_excluded_prefixes_and_a_header_already_set_are_kept(settings):
    settings.CONTENT_SECURITY_POLICY = {**settings.CONTENT_SECURITY_POLICY, "EXCLUDE_URL_PREFIXES": ["/admin/"]}
    ours, theirs = _both(path="/admin/x/")
    assert "Content-Security-Policy" not in ours and "Content-Security-Policy" not in theirs

    def preset():
        response = HttpResponse()
        response["Content-Security-Policy"] = "default-src 'none'"
        return response

    ours, _ = _both(preset)
    assert ours["Content-Security-Policy"] == "default-src 'none'"


def test_a_nonce_asked_for_after_the_header_is_an_error():
    request = RequestFactory().get("/")
    CSPMiddleware(lambda request: HttpResponse())(request)
    with pytest.raises(CSPNonceError):
        str(request.csp_nonce)


def test_a_nonce_used_by_the_page_goes_into_the_header(settings):
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"script-src": ["'self'", NONCE]}}
    request = RequestFactory().get("/")

    def view(request):
        return HttpResponse(f"<script nonce='{request.csp_nonce}'></script>")

    response = CSPMiddleware(view)(request)
    assert f"'nonce-{request._csp_nonce}'" in response["Content-Security-Policy"]


def test_the_policy_is_built_once_for_its_settings(settings, monkeypatch):
    import winterwar.middleware as ours

    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'self'"]}}  # a dict not built before
    calls = []
    real = ours.build_policy
    monkeypatch.setattr(ours, "build_policy", lambda **kw: calls.append(kw) or real(**kw))
    for _ in range(3):
        assert _both()[0]["Content-Security-Policy"] == "default-src 'self'"
    # Built for the new dict once (and for the report-only setting at most once, if no earlier test did), not per response.
    assert calls.count({"report_only": False}) == 1 and len(calls) <= 2
