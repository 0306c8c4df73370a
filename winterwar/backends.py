"""The authentication backend in front of Django's: django-axes' lockout, made to fit a school network.

See winterwar/security.py: a known device with the correct password passes a lockout; an address spraying many
usernames is refused. Authentication itself stays with ``django.contrib.auth.backends.ModelBackend`` (next in
AUTHENTICATION_BACKENDS).
"""

from axes.backends import AxesStandaloneBackend
from axes.exceptions import AxesBackendPermissionDenied
from django.contrib.auth.backends import ModelBackend

from .security import device_known, spraying


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
