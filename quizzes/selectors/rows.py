"""Model instances from hand-written SQL: the columns of a model and their database converters, worked out once.

For the few hot statements written once per process instead of compiled by the ORM on every request (the question
page's attempt and responses, a rating's locked card and token, and the writes of an answer and a rating): the ORM's
compiler costs more CPU than the database spends running them. Each statement is kept equal to its ORM form by a
test that compares both.
"""

from __future__ import annotations

import functools

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connection, connections
from django.db.models.expressions import DatabaseDefault
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
        # Only the columns with a converter are visited per row (most have none).
        self._converting = tuple((i, e, funcs) for i, (e, funcs) in enumerate(self._converters) if funcs)

    def __len__(self) -> int:
        return len(self.fields)

    def instance(self, values):
        """A model instance from ``values`` (this model's columns, in order), each through its converters."""
        if len(values) != len(self.fields):
            raise ValueError(f"{len(values)} values for {len(self.fields)} columns of {self.model.__name__}")
        db = connections[DEFAULT_DB_ALIAS]  # what the proxy ``connection`` gives, looked up once per row
        if self._converting:
            values = list(values)
            for i, expression, funcs in self._converting:
                value = values[i]
                for func in funcs:
                    value = func(value, expression, db)
                values[i] = value
        return self.model.from_db(db.alias, self.attnames, values)


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


def _plain(fields: tuple) -> tuple:
    """Fields whose value is a plain ``%s`` parameter (the ORM writes others, e.g. a BinaryField, with their own)."""
    odd = [f.name for f in fields if hasattr(f, "get_placeholder")]
    if odd:
        raise ValueError(f"fields with their own placeholder: {odd}")
    return fields


@functools.cache
def _update_sql(model, names: tuple[str, ...]) -> tuple[str, tuple]:
    fields = _plain(tuple(model._meta.get_field(name) for name in names))
    quote = connection.ops.quote_name
    sets = ", ".join(f"{quote(f.column)} = %s" for f in fields)
    return f"UPDATE {table(model)} SET {sets} WHERE {quote(model._meta.pk.column)} = %s", fields


def update(instance, names: list[str]) -> None:
    """``instance.save(update_fields=names)`` as one UPDATE written once per model and set of fields.

    The values go through the fields as the ORM's save sends them (``pre_save``, ``get_db_prep_save``); a row that is
    gone is the ORM's DatabaseError. Unlike ``save()`` it sends no ``pre_save``/``post_save`` signal: the caller says
    what changed (``services.invalidation.changed``), as for the ORM's ``update()``.
    """
    sql, fields = _update_sql(type(instance), tuple(names))
    values = [f.get_db_prep_save(f.pre_save(instance, False), connection) for f in fields]
    with connection.cursor() as cursor:
        cursor.execute(sql, [*values, instance.pk])
        if cursor.rowcount == 0:
            raise DatabaseError("Save with update_fields did not affect any rows.")


@functools.cache
def _insert_sql(model) -> tuple[str, tuple, bool]:
    meta = model._meta
    fields = _plain(tuple(f for f in meta.concrete_fields if f is not meta.auto_field))
    quote = connection.ops.quote_name
    returning = bool(meta.auto_field) and connection.features.can_return_columns_from_insert
    sql = (
        f"INSERT INTO {table(model)} ({', '.join(quote(f.column) for f in fields)}) "
        f"VALUES ({', '.join(['%s'] * len(fields))})"
    )
    if returning:
        sql += f" RETURNING {quote(meta.auto_field.column)}"
    return sql, fields, returning


def insert(instance) -> None:
    """``instance.save()`` of a new row (``Model.objects.create``) as one INSERT written once per model.

    Every concrete field is written from the instance, as the ORM's insert does (``pre_save`` with ``add``, then
    ``get_db_prep_save``), and the auto primary key read back. No signal is sent (see ``update``). A field with a
    database default left to the database goes through the ORM's save instead.
    """
    sql, fields, returning = _insert_sql(type(instance))
    values = [f.pre_save(instance, True) for f in fields]
    if any(isinstance(value, DatabaseDefault) for value in values):
        instance.save(force_insert=True)
        return
    auto = instance._meta.auto_field
    with connection.cursor() as cursor:
        cursor.execute(sql, [f.get_db_prep_save(v, connection) for f, v in zip(fields, values, strict=True)])
        if auto:
            if returning:
                (pk,) = cursor.fetchone()
            else:
                pk = connection.ops.last_insert_id(cursor, instance._meta.db_table, auto.column)
            setattr(instance, auto.attname, auto.to_python(pk))
    instance._state.adding = False
    instance._state.db = connection.alias


@functools.cache
def _insert_unless_taken_sql(model, unique: str, other, names: tuple[str, ...]) -> tuple[str, tuple, tuple]:
    insert_sql, fields, _returning = _insert_sql(model)
    update_sql, other_fields = _update_sql(other, names)
    quote = connection.ops.quote_name
    pk = quote(model._meta.pk.column)
    return (
        f"WITH ins AS ({insert_sql.split(' RETURNING ')[0]} ON CONFLICT ({column(model, unique)}) DO NOTHING "
        f"RETURNING {pk}), upd AS ({update_sql} AND EXISTS (SELECT 1 FROM ins) RETURNING 1) "
        f"SELECT ins.{pk}, (SELECT COUNT(*) FROM upd) FROM ins",
        fields,
        other_fields,
    )


def insert_unless_taken(instance, unique: str, other, names: list[str]) -> bool:
    """``insert(instance)`` and then ``update(other, names)`` in one statement, only if no row has ``instance``'s
    value of the unique field ``unique`` yet (PostgreSQL only: a data-modifying ``WITH``; the caller checks
    ``connection.vendor``). True if both were written; False, and nothing written, if the value is taken.

    The values go through the fields as ``insert`` and ``update`` send them; a row of ``other`` that is gone is the
    ORM's DatabaseError (the insert is then rolled back with the transaction the caller holds).
    """
    sql, fields, other_fields = _insert_unless_taken_sql(type(instance), unique, type(other), tuple(names))
    values = [f.pre_save(instance, True) for f in fields]
    if any(isinstance(value, DatabaseDefault) for value in values):
        raise ValueError("a field left to its database default")
    params = [f.get_db_prep_save(v, connection) for f, v in zip(fields, values, strict=True)]
    params += [f.get_db_prep_save(f.pre_save(other, False), connection) for f in other_fields]
    params.append(other.pk)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        found = cursor.fetchone()
    if found is None:
        return False
    pk, updated = found
    if not updated:
        raise DatabaseError("Save with update_fields did not affect any rows.")
    auto = instance._meta.auto_field
    setattr(instance, auto.attname, auto.to_python(pk))
    instance._state.adding = False
    instance._state.db = connection.alias
    return True
