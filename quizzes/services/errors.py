"""The one error contract of the services: a refused action raises ``ServiceError`` with a code.

The code says why (views branch on it, tests assert it, logs record it); its label is the message the user reads,
translated lazily, so ``makemessages`` sees every one of them here. A service may pass a more precise lazy message
(the grader says which part of an answer it could not read) and a finer machine-readable ``detail``. Views and the
admin turn a ServiceError into a message or an HTTP status in one place (quizzes/views/errors.py).
"""

from __future__ import annotations

from django.db import models
from django.utils.functional import Promise, lazy
from django.utils.translation import gettext_lazy as _


class Code(models.TextChoices):
    # Attempts (services/attempts.py)
    QUIZ_NOT_PUBLISHED = "not_published", _("Este cuestionario no está disponible.")
    QUIZ_NOT_OPEN = "not_open", _("Este cuestionario todavía no está abierto.")
    QUIZ_CLOSED = "closed", _("Este cuestionario ya está cerrado.")
    NO_ATTEMPTS_LEFT = "no_attempts_left", _("Ya ha usado todos los intentos permitidos.")
    QUIZ_EMPTY = "empty", _("Este cuestionario no tiene preguntas.")
    ATTEMPT_FINISHED = "finished", _("Este intento ya está entregado: no se pueden cambiar las respuestas.")
    ATTEMPT_EXPIRED = "expired", _("Se acabó el tiempo: el intento se ha entregado con las respuestas guardadas.")
    TOKEN_MALFORMED = "token_malformed", _("El formulario llegó incompleto o alterado. Vuelva a cargar la pregunta.")
    PAGE_STALE = (
        "stale",
        _(
            "Esta página estaba desactualizada (otra pestaña, el botón «Atrás» o un doble clic): "
            "no se ha guardado nada. Compruebe su respuesta y vuelva a enviarla."
        ),
    )
    AUTOSAVE_IMMEDIATE = (
        "autosave_immediate",
        _("Con corrección inmediata, la respuesta se guarda al pulsar «Comprobar» o al cambiar de pregunta."),
    )
    ANSWER_LOCKED = "locked", _("Esta pregunta ya está respondida y corregida; no se puede cambiar.")
    ANSWER_INVALID = "answer_invalid", _("No se ha entendido la respuesta.")
    OVERRIDE_INVALID = "override_invalid", _("No se puede poner esa nota a la respuesta.")

    # Classes (services/classes.py)
    JOIN_CODE_EMPTY = "code_empty", _("Escriba el código de la clase.")
    JOIN_CODE_MALFORMED = (
        "code_malformed",
        _("Ese código no es válido: tiene letras y números, sin espacios ni símbolos (por ejemplo, K7QM2XTP)."),
    )
    JOIN_CODE_UNKNOWN = "code_unknown", _("No hay ninguna clase con ese código. Compruébelo con su docente.")
    JOIN_CODE_RETIRED = (
        "code_retired",
        _("Ese código ya no está en uso: la clase tiene uno nuevo. Pídaselo a su docente."),
    )
    CLASS_ARCHIVED = "class_archived", _("Esa clase está archivada y ya no admite estudiantes.")
    ALREADY_TEACHER = "already_teacher", _("Usted es docente de esa clase; no hace falta unirse.")
    CLASS_NAME_EMPTY = "name_empty", _("Escriba un nombre para la clase.")
    CLASS_NAME_TOO_LONG = "name_too_long", _("El nombre es demasiado largo (200 caracteres como máximo).")
    NOT_YOUR_CLASS = "not_your_class", _("Usted no da clase en ese grupo.")
    NOT_ENROLLED = "not_enrolled", _("Ese estudiante no está en la clase.")
    ASSIGN_NOT_PUBLISHED = "quiz_not_published", _("Solo se pueden asignar cuestionarios publicados.")
    ALREADY_ASSIGNED = "already_assigned", _("Ese cuestionario ya está asignado a esta clase.")
    WINDOW_INVALID = "window_invalid", _("La hora de cierre debe ser posterior a la de apertura.")
    DUE_OUTSIDE_WINDOW = "due_outside_window", _("La fecha de entrega debe caer antes del cierre.")

    # Accounts (services/accounts.py)
    USERNAME_TAKEN = "username_taken", _("Ese nombre de usuario ya existe. Elija otro.")
    SIGNUP_CLOSED = (
        "signup_closed",
        _("Para crear una cuenta hace falta el código de una clase. Pídaselo a su docente."),
    )
    ROSTER_USERNAME_ELSEWHERE = (
        "roster_username_elsewhere",
        _(
            "Ese usuario ya existe y no es de sus clases. Elija otro usuario, "
            "o pida al estudiante que se una con el código."
        ),
    )
    ROSTER_STAFF = "roster_staff", _("Ese usuario es una cuenta de docente o de administración, no de estudiante.")
    ROSTER_GONE = (
        "roster_gone",
        _("Esta lista ya se procesó o la vista previa caducó: no se ha creado nada nuevo. Suba el archivo otra vez."),
    )
    TOTP_INVALID = "totp_invalid", _("Ese código no es válido. Escriba los 6 dígitos que muestra la aplicación ahora.")
    TOTP_NO_PENDING = "totp_no_pending", _("Vuelva a empezar la configuración: no hay ningún código pendiente.")
    TOTP_THROTTLED = "totp_throttled", _("Demasiados códigos erróneos. Espere unos segundos y vuelva a intentarlo.")
    NOT_A_STUDENT = "not_a_student", _("Solo se puede cambiar la contraseña de estudiantes de sus clases.")

    # Flashcards (services/cards.py)
    RATING_INVALID = "rating", _("Elija una valoración entre 1 y 4.")
    REVIEW_TOKEN_INVALID = "token", _("El envío no es válido. Recargue la página e inténtelo de nuevo.")
    CARD_STALE = "card_stale", _("Esta tarjeta ya se valoró en otra pestaña; se muestra la siguiente.")
    CARD_NOT_DUE = "card_not_due", _("Esa tarjeta todavía no toca; se muestra la que sí toca.")
    CARD_INACTIVE = "card_inactive", _("Esa tarjeta ya no se estudia.")
    CARD_UNKNOWN = "card_unknown", _("Esa tarjeta no existe o no es suya; se muestra la que le toca.")

    # Authoring (services/content.py)
    QUIZ_WITHOUT_QUESTIONS = "quiz_without_questions", _("El cuestionario no tiene preguntas.")
    QUIZ_NOT_PUBLISHABLE = "quiz_not_publishable", _("El cuestionario no se puede publicar.")
    NOT_YOUR_QUIZ = "not_your_quiz", _("Ese cuestionario no es suyo: duplíquelo o elija uno de los suyos.")

    # Building a quiz from a document (services/quiz_building.py)
    BUILD_DOCUMENT_NOT_YOURS = "build_document", _("Elija uno de sus documentos (o uno compartido).")
    BUILD_SIZE_INVALID = "build_size", _("El número de preguntas debe estar entre 1 y 100.")
    BUILD_KIND_INVALID = "build_kind", _("Ese tipo de pregunta no existe.")
    BUILD_DIFFICULTY_INVALID = "build_difficulty", _("Elija una dificultad de la lista.")
    BUILD_PER_ATTEMPT_INVALID = (
        "build_per_attempt",
        _("Las preguntas por intento deben ser al menos 1 y no más que las del cuestionario."),
    )
    BUILD_NOTHING_FITS = (
        "build_nothing_fits",
        _(
            "Ninguna pregunta publicada de ese documento cumple lo pedido. Publique preguntas del documento o "
            "elija otros tipos u otra dificultad."
        ),
    )
    BUILD_TITLE_TAKEN = "build_title_taken", _("Ya hay un cuestionario con ese título. Elija otro (o déjelo vacío).")
    BUILD_IN_PROGRESS = "build_in_progress", _("Ese cuestionario ya se está creando. Espere un momento.")

    # Generation (services/generation.py)
    NO_FACTS = "no_facts", _("No se encontró ningún hecho (fechas, cifras o nombres) del que hacer preguntas.")

    # Import (services/interop.py)
    IMPORT_ALREADY_DONE = "import_already_done", _("Esta importación ya se confirmó.")


def lazy_message(message: Promise, **params) -> Promise:
    """Return a lazy message with %(name)s parameters, translated when it is shown (in the reader's language).

    ``message`` is a gettext_lazy string, so makemessages finds it; ``gettext_lazy(...) % params`` would translate
    at once, in whatever language is active where the service runs.
    """
    return lazy(lambda: str(message) % params, str)()


class ServiceError(Exception):
    """A refused action: nothing was written.

    ``code`` is a ``Code``; ``message`` is lazy (the code's label unless the service gives a more precise one);
    ``details`` are further lazy messages (each problem that stops a quiz from being published); ``detail`` is a
    finer machine-readable reason from the domain (the grader's code for an answer it cannot read).
    """

    def __init__(self, code: Code, message: str | Promise | None = None, *, details=(), detail: str = ""):
        self.code = Code(code)
        self.message = message if message is not None else self.code.label
        self.details = tuple(details)
        self.detail = detail
        super().__init__(self.code.value)

    def __str__(self) -> str:
        return str(self.message)

    @property
    def messages(self) -> list[str]:
        """Return the message and the details as text in the active language."""
        return [str(self.message), *(str(d) for d in self.details)]
