"""The models, one module per area, re-exported here."""

from .attempts import Attempt, AttemptQuerySet, AttemptState, Response
from .audit import AccountEvent, AccountEventKind
from .cards import CardState, Flashcard, Review, ReviewSource, StudentCard
from .classes import Assignment, Classroom, Enrollment, RetiredJoinCode, new_join_code
from .content import (
    MAX_DOCUMENT_BYTES,
    AcceptedAnswer,
    Choice,
    Document,
    Fact,
    FactKind,
    Origin,
    Question,
    QuestionKind,
    Sentence,
    Status,
    validate_accepted,
    validate_choices,
    validate_document_text,
    validate_question,
    validate_question_parts,
)
from .interop import ImportBatch, ImportFormat, ImportStatus
from .quizzes import FeedbackTiming, GradingMethod, Quiz, QuizItem
from .users import TEACHERS_GROUP, User

__all__ = [
    "AccountEvent",
    "AccountEventKind",
    "MAX_DOCUMENT_BYTES",
    "AcceptedAnswer",
    "Assignment",
    "Attempt",
    "AttemptQuerySet",
    "AttemptState",
    "CardState",
    "Choice",
    "Classroom",
    "Document",
    "Enrollment",
    "Fact",
    "FactKind",
    "FeedbackTiming",
    "Flashcard",
    "GradingMethod",
    "ImportBatch",
    "ImportFormat",
    "ImportStatus",
    "Origin",
    "Question",
    "QuestionKind",
    "Quiz",
    "QuizItem",
    "Response",
    "RetiredJoinCode",
    "Review",
    "ReviewSource",
    "Sentence",
    "Status",
    "StudentCard",
    "TEACHERS_GROUP",
    "User",
    "new_join_code",
    "validate_accepted",
    "validate_choices",
    "validate_document_text",
    "validate_question",
    "validate_question_parts",
]
