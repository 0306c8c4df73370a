"""Teacher reports: the class grid, a student's page, item analysis and mastery over the text.

Every report runs a fixed number of queries whatever the class size: the database aggregates (GROUP BY with
Count/Max/Avg/Sum, Subquery), and Python only arranges the aggregated rows.
"""

from django.db.models import QuerySet

from ...models import Classroom, Enrollment, User


def class_students(classroom: Classroom) -> QuerySet:
    """Return the class's students, in the order every report lists them."""
    return User.objects.filter(enrollments__classroom=classroom).order_by("last_name", "first_name", "username")


def student_ids(classroom: Classroom) -> QuerySet:
    """Return the ids of the class's students, as a subquery."""
    return Enrollment.objects.filter(classroom=classroom).values("student_id")
