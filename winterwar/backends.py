"""The authentication backends: django-axes' lockout made to fit a school network, then Django's ModelBackend.

See winterwar/security.py: a known device with the correct password passes a lockout; an address spraying many
usernames is refused. Authentication itself stays with Django's ``ModelBackend``, as ``UserRowBackend`` (next in
AUTHENTICATION_BACKENDS), which only reads the session's user faster.
"""

from axes.backends import AxesStandaloneBackend
from axes.exceptions import AxesBackendPermissionDenied
from django.contrib.auth.backends import ModelBackend

from quizzes.selectors.people import user_by_id

from .security import device_known, spraying

#: The backend the sessions opened before UserRowBackend name (AuthenticationMiddleware carries them over).
LEGACY_BACKEND = "django.contrib.auth.backends.ModelBackend"
USER_BACKEND = "winterwar.backends.UserRowBackend"


class SchoolAxesBackend(AxesStandaloneBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is not None and spraying(request):
            request.axes_locked_out = True
            raise AxesBackendPermissionDenied("too many usernames from one address")
        try:
            return super().authenticate(request, username=username, password=password, **kwargs)
        except AxesBackendPermissionDenied:
            # The owner, on their own browser: let ModelBackend check the password; a wrong one still counts.
            known = bool(username and password) and device_known(request, username)
            if known and ModelBackend().authenticate(request, username=username, password=password) is not None:
                request.axes_locked_out = False
                return None
            raise


class UserRowBackend(ModelBackend):
    """Django's ModelBackend, reading the session's user with SQL written once per process.

    Every request of a logged-in user loads their row (``get_user``); the ORM compiled the same ``get(pk=...)`` each
    time, at three times the CPU of the read itself. The row is read fresh on every request, as before (a cached user
    would outlive a deactivation or a password change); logging in, the active check and permissions are ModelBackend's.
    """

    def get_user(self, user_id):
        user = user_by_id(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None
