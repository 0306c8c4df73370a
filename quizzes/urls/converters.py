"""Path converters of the app's URLs."""

from ..views.params import MAX_ID


class IdConverter:
    """A database id: 1 to 19 digits and at most 2**63 - 1.

    A longer or bigger number does not match the URL (a 404), instead of reaching the database as a value its
    column cannot hold (an error, a 500).
    """

    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if number > MAX_ID:
            raise ValueError(f"{value} is out of the range of a 64-bit id")
        return number

    def to_url(self, value) -> str:
        return str(value)
