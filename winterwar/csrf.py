"""Django's CSRF token masking, with the random characters drawn in one read of the system's random source.

Django draws each of a token's 32 random characters with ``secrets.choice`` (one ``os.urandom`` system call per
character) and finds each character's index with ``str.index``: ~45 µs on every page with a form, the largest piece
of the CSRF middleware's cost. Here the characters come from one ``os.urandom`` read, each byte below the largest
multiple of 62 taken modulo 62 (the others dropped, so every character stays equally likely, as with
``secrets.choice``), and the indexes from a dict. A POST's token is unmasked with one table, not ``str.index`` per
character. Tokens and secrets have Django's format and alphabet; checking them is Django's own code. Installed at
start-up (quizzes.apps).
"""

import operator
import os

from django.middleware import csrf

_CHARS = csrf.CSRF_ALLOWED_CHARS
_N = len(_CHARS)
_INDEX = {c: i for i, c in enumerate(_CHARS)}
_LIMIT = 256 - 256 % _N  # a byte at or above it would make the first characters likelier: dropped
_django_mask = csrf._mask_cipher_secret
_django_unmask = csrf._unmask_cipher_token
# A token's character and its mask's (concatenated) -> the secret's character: Django's chars[index(x) - index(y)].
_UNMASKED = {c + m: _CHARS[(_INDEX[c] - _INDEX[m]) % _N] for c in _CHARS for m in _CHARS}


def random_string(length: int = csrf.CSRF_SECRET_LENGTH) -> str:
    """``length`` characters of CSRF_ALLOWED_CHARS, each uniformly random (as Django's get_random_string)."""
    chars: list[str] = []
    while len(chars) < length:
        chars += [_CHARS[b % _N] for b in os.urandom(length) if b < _LIMIT]
    return "".join(chars[:length])


def mask_cipher_secret(secret: str) -> str:
    """A token for ``secret``: a fresh mask and the secret added to it character by character (Django's format)."""
    mask = random_string()
    try:
        cipher = "".join(_CHARS[(_INDEX[x] + _INDEX[y]) % _N] for x, y in zip(secret, mask, strict=True))
    except (KeyError, ValueError):
        return _django_mask(secret)  # not a secret of Django's format: Django's error
    return mask + cipher


def unmask_cipher_token(token: str) -> str:
    """The secret of a masked token (Django's ``_unmask_cipher_token``): each character of the token's second half
    less its mask's, looked up in one table (Django called ``str.index`` twice per character, ~100 Python calls a
    POST)."""
    mask, cipher = token[: csrf.CSRF_SECRET_LENGTH], token[csrf.CSRF_SECRET_LENGTH :]
    try:
        return "".join(map(_UNMASKED.__getitem__, map(operator.add, cipher, mask)))
    except KeyError:
        return _django_unmask(token)  # a character outside the alphabet: Django's own error


def install() -> None:
    """Make Django's CSRF middleware and get_token use these (its module's own functions, looked up per call)."""
    csrf._get_new_csrf_string = random_string
    csrf._mask_cipher_secret = mask_cipher_secret
    csrf._unmask_cipher_token = unmask_cipher_token
