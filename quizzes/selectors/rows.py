"""Model instances from hand-written SQL: the columns of a model and their database converters, worked out once.

For the few hot statements written once per process instead of compiled by the ORM on every request (the question
page's attempt and responses, a rating's locked card and token): the ORM's compiler costs more CPU than the database
spends running them. Each statement is kept equal to its ORM form by a test that compares both.
"""

from __future__ import annotations

from django.db import connection


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
