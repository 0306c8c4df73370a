"""Model instances from hand-written SQL: the columns of a model and their database converters, worked out once.

For the few hot statements written once per process instead of compiled by the ORM on every request (the question
page's attempt and responses, a rating's locked card and token): the ORM's compiler costs more CPU than the database
spends running them. Each statement is kept equal to its ORM form by a test that compares both.
"""

from __future__ import annotations

from django.db import connection
from django.db.transaction import TransactionManagementError


class Columns:
    """A model's concrete columns under a table alias, and how to make an instance from a row's slice of them."""

    def __init__(self, model, alias: str):
        self.model = model
        self.fields = tuple(model._meta.concrete_fields)
        self.attnames = [f.attname for f in self.fields]
        self.sql = ", ".join(f"{alias}.{connection.ops.quote_name(f.column)}" for f in self.fields)
        self._converters = []
        for f in self.fields:
            expression = f.get_col(model._meta.db_table)
            funcs = tuple(connection.ops.get_db_converters(expression) + f.get_db_converters(connection))
            self._converters.append((expression, funcs))

    def __len__(self) -> int:
        return len(self.fields)

    def instance(self, values):
        """A model instance from ``values`` (this model's columns, in order), each through its converters."""
        converted = []
        for (expression, funcs), value in zip(self._converters, values, strict=True):
            for func in funcs:
                value = func(value, expression, connection)
            converted.append(value)
        return self.model.from_db(connection.alias, self.attnames, converted)


def table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def column(model, name: str) -> str:
    return connection.ops.quote_name(model._meta.get_field(name).column)


def lock(alias: str) -> str:
    """The ``FOR UPDATE OF alias`` clause of a locking read, as the ORM's ``select_for_update(of=("self",))`` writes
    it: nothing where the database has no row locks (SQLite), and no ``OF`` where it has none (the joined rows are
    then locked too)."""
    if not connection.features.has_select_for_update:
        return ""
    of = (alias,) if connection.features.has_select_for_update_of else ()
    return " " + connection.ops.for_update_sql(of=of)


def require_transaction() -> None:
    """Refuse a locking read outside a transaction, as the ORM's ``select_for_update()`` does: the lock would be
    released at once."""
    if connection.features.has_select_for_update and connection.get_autocommit():
        raise TransactionManagementError("select_for_update cannot be used outside of a transaction.")


def fetch_one(sql: str, params: dict):
    """The first row of a statement, or None."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()


def fetch_all(sql: str, params: dict) -> list:
    """Every row of a statement."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
