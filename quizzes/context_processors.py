def roles(request):
    """Expose the user's role to every template (navigation differs for students and teachers)."""
    user = getattr(request, "user", None)
    is_teacher = bool(user and user.is_authenticated and user.is_teacher)
    return {"is_teacher": is_teacher}
