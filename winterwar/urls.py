"""Root URLs: the app, Django's auth views and the admin."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("cuentas/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
    path("", include("quizzes.urls")),
]

handler403 = "quizzes.views.errors.permission_denied"
handler404 = "quizzes.views.errors.page_not_found"
handler500 = "quizzes.views.errors.server_error"
