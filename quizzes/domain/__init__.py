"""Pure rules of the domain: grading answers, scheduling flashcards (FSRS), reading and writing numbers.

Nothing here touches the database or the ORM, so its tests need none.
"""
