"""Access mixins shared by the app's views."""

from django.contrib.auth.mixins import LoginRequiredMixin, UserPassesTestMixin


class TeacherRequiredMixin(LoginRequiredMixin, UserPassesTestMixin):
    """Allow teachers (staff in the Teachers group) and superusers; anyone else gets a 403."""

    def test_func(self) -> bool:
        return self.request.user.is_teacher
