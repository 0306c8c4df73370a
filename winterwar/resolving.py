"""The view of a request's path resolved once per process and path, not walked through the URL patterns each time.

Django's handler resolves every request's path against the root URLconf: it tries the patterns in order, the
included lists one after the other, a regular expression and a converter per pattern, and builds a ResolverMatch;
for a student's page near the end of the app's list that is ~290 Python calls per request, more than any middleware
costs. Resolving depends on nothing but the path and the URLconf (the converters are pure), so the match is kept per
path on the URLconf's resolver (a new resolver, when the URLconf changes or a test overrides it, starts with none).
Bounded: emptied at ``MAX_PATHS`` paths. A path that resolves to nothing (a 404) is not kept, and a request with its
own ``urlconf`` goes through Django's code. Installed at start-up (quizzes.apps).

The kept ResolverMatch is shared by the requests of one path: Django passes its args and kwargs to the view unpacked
(copies), and nothing here changes a match.
"""

from django.core.handlers import base

MAX_PATHS = 4096
_django_resolve_request = base.BaseHandler.resolve_request


def resolve_request(self, request):
    """``BaseHandler.resolve_request``, the match kept per path for the root URLconf."""
    if hasattr(request, "urlconf"):
        return _django_resolve_request(self, request)
    resolver = base.get_resolver()
    kept = resolver.__dict__.get("_kept_matches")
    if kept is None:
        kept = resolver.__dict__.setdefault("_kept_matches", {})
    path = request.path_info
    match = kept.get(path)
    if match is None:
        match = resolver.resolve(path)  # Resolver404 for no view: nothing kept
        if len(kept) >= MAX_PATHS:
            kept.clear()
        kept[path] = match
    request.resolver_match = match
    return match


def install() -> None:
    """Make Django's request handlers (WSGI, ASGI and the test client's) resolve through ``resolve_request``."""
    base.BaseHandler.resolve_request = resolve_request
