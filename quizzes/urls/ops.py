"""Operations URLs (no login): the health check."""

from django.urls import path

from ..views.ops import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
]
