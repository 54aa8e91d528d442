"""The cattrs converters: every serialisation (JSON output, store rows, exports) and every
configuration file goes through this module.

Claim values are a tagged union keyed by ``type`` (`quantity`, `date`, `person`, `unit`,
`text`), so stored data survives a class rename. Configuration files (TOML tables) are read
by a stricter converter, :func:`from_config`: unknown keys are errors, attribute names are
spelt with hyphens (``fail_on`` is ``fail-on``), strings, lists and enum values are not
coerced, and every problem is one readable line naming the key.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Mapping
from enum import Enum
from typing import Any, TypeVar, get_args, get_origin, get_type_hints

import attrs
import cattrs
import orjson
from cattrs.errors import ForbiddenExtraKeysError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
from cattrs.v import format_exception
from cattrs.strategies import configure_tagged_union

from claims import model
from claims.model import Person, Quantity, TextValue, UncertainDate, Unit, Value

T = TypeVar("T")

VALUE_TAGS: dict[type, str] = {
    Quantity: "quantity",
    UncertainDate: "date",
    Person: "person",
    Unit: "unit",
    TextValue: "text",
}


def _build(detailed_validation: bool = True) -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=False, detailed_validation=detailed_validation)
    # Our enums mix in str, which cattrs would pass through as-is; JSON wants their values.
    for enum_cls in vars(model).values():
        if isinstance(enum_cls, type) and issubclass(enum_cls, Enum) and enum_cls is not Enum:
            conv.register_unstructure_hook(enum_cls, lambda e: e.value)
    conv.register_unstructure_hook(dt.date, lambda d: d.isoformat())
    conv.register_structure_hook(dt.date, lambda v, _: dt.date.fromisoformat(v))
    conv.register_unstructure_hook(dt.datetime, lambda d: d.isoformat())
    conv.register_structure_hook(dt.datetime, lambda v, _: dt.datetime.fromisoformat(v))
    # A set has no order of its own: written sorted, one set always makes the same JSON.
    conv.register_unstructure_hook_func(lambda t: t is frozenset or get_origin(t) is frozenset, sorted)
    configure_tagged_union(
        Value, conv, tag_generator=lambda cls: VALUE_TAGS[cls], tag_name="type"
    )
    conv.register_unstructure_hook(model.Annotation, make_dict_unstructure_fn(
        model.Annotation, conv, adjudication=override(omit_if_default=True)))
    return conv


converter = _build()
trusted_converter = _build(detailed_validation=False)
"""For data this program wrote itself moments ago (a worker's claims): no per-field error
reports, about a quarter faster to structure."""


def to_data(obj: Any) -> Any:
    """Plain JSON-ready data (dicts, lists, strings, numbers) for any model object."""
    if type(obj) in VALUE_TAGS:
        return converter.unstructure(obj, unstructure_as=Value)
    return converter.unstructure(obj)


def from_data(data: Any, cls: type[T]) -> T:
    """Rebuild a model object; bad data raises a readable ``ValueError``.

    A model class is built by a reader compiled from its fields (:func:`_reader`), which
    makes the same object as the converter; data it cannot take (a missing key, a wrong
    type, a value a validator refuses) goes to the converter, which says what is wrong."""
    reader = _READERS.get(cls)
    if reader is None and cls not in _READERS:
        reader = _READERS[cls] = _reader(cls)
    if reader is not None:
        try:
            return reader(data)
        except Exception:  # noqa: BLE001 - the converter reads it again and says why
            pass
    try:
        return converter.structure(data, cls)
    except cattrs.BaseValidationError as exc:
        raise ValueError("; ".join(cattrs.transform_error(exc))) from None


_READERS: dict[type, Callable[[Any], Any] | None] = {}
_SCALARS = (str, int, float, bool)


def _reader(cls: type) -> Callable[[Any], Any] | None:
    """A function building an instance of the model class ``cls`` from its plain data the way
    the converter does (``str``/``int``/``float``/``bool`` called on scalars, enums and dates
    from their values, ``Value`` by its ``type`` tag; a missing key raises, and the converter
    then fills the default), compiled once: a quarter to half less time than the converter's
    structuring, which a report of a hundred thousand claims pays per claim. None for a class
    with a field it does not know how to read (the converter reads those)."""
    env: dict[str, Any] = {"_VALUE": _value_reader, "_date": dt.date.fromisoformat,
                           "_datetime": dt.datetime.fromisoformat, "_sized": _sized}
    try:
        body = _read_expr(cls, "o", env, 0)  # the class's own fields; each field's class by its reader
    except NotImplementedError:
        return None
    return eval(f"lambda o: {body}", env)  # noqa: S307 - names of model classes and fields only


def _read_expr(hint: Any, expr: str, env: dict[str, Any], depth: int) -> str:
    """Python source reading the plain data ``expr`` as ``hint`` (see :func:`_reader`)."""
    if hint == Value:
        return f"_VALUE({expr})"
    if hint in _SCALARS:
        return f"{hint.__name__}({expr})"
    if hint is dt.date:
        return f"_date({expr})"
    if hint is dt.datetime:
        return f"_datetime({expr})"
    if isinstance(hint, type) and issubclass(hint, Enum) and hint.__module__ == model.__name__:
        # The member by its value from the enum's own table: what ``Kind(value)`` finds, a
        # few times faster; a value it does not hold raises, and the converter says why.
        env[f"_{hint.__name__}"] = hint._value2member_map_
        return f"_{hint.__name__}[{expr}]"
    args = get_args(hint)
    if type(None) in args and len(args) == 2:
        inner = next(a for a in args if a is not type(None))
        return f"(None if {expr} is None else {_read_expr(inner, expr, env, depth)})"
    if get_origin(hint) is tuple:
        v = f"v{depth}"
        if len(args) == 2 and args[1] is Ellipsis:
            return f"tuple([{_read_expr(args[0], v, env, depth + 1)} for {v} in {expr}])"
        if args and Ellipsis not in args:
            items = ", ".join(_read_expr(a, f"{expr}[{i}]", env, depth) for i, a in enumerate(args))
            return f"(_sized({expr}, {len(args)}) and ({items},))"
        raise NotImplementedError(hint)
    if isinstance(hint, type) and attrs.has(hint) and hint.__module__ == model.__name__ \
            and hint is not model.Annotation:  # written without its default fields
        fields = attrs.fields(hint)
        if any(not a.init or a.name.startswith("_") or a.alias != a.name for a in fields):
            raise NotImplementedError(hint)
        if depth or expr != "o":  # a field of another class: its own reader, compiled once
            reader = _READERS.get(hint) or _READERS.setdefault(hint, _reader(hint))
            if reader is None:
                raise NotImplementedError(hint)
            env[f"_read_{hint.__name__}"] = _shared(reader) if hint in _SHARED else reader
            return f"_read_{hint.__name__}({expr})"
        hints = get_type_hints(hint, vars(model))
        env[hint.__name__] = hint
        args_ = ", ".join(f"{a.name}={_read_expr(hints[a.name], f'o[{a.name!r}]', env, 1)}" for a in fields)
        return f"{hint.__name__}({args_})"
    raise NotImplementedError(hint)


_SHARED = frozenset({model.Confidence})
"""Classes whose equal data a claim's reader builds once and shares (frozen, so sharing is
safe): a store's claims repeat few distinct confidences (every claim not yet assessed has
the same one), and building one (its validators) was a sixth of reading a claim."""
SHARED_MAX = 1 << 14
"""Distinct objects a shared reader keeps before it starts again."""


def _shared(reader: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``reader``, returning one object for data that is the same JSON (its compact text is
    the key: `1` and `true` stay apart)."""
    made: dict[bytes, Any] = {}

    def read(data: Any) -> Any:
        try:
            key = orjson.dumps(data)
        except TypeError:  # not JSON data: read it as it is
            return reader(data)
        obj = made.get(key)
        if obj is None:
            if len(made) >= SHARED_MAX:
                made.clear()
            obj = made[key] = reader(data)
        return obj

    return read


def _sized(items: Any, n: int) -> bool:
    """A fixed-length tuple's data has that many items (else the converter says so)."""
    if len(items) != n:
        raise ValueError(f"{len(items)} items, not {n}")
    return True


def _value_reader(data: Any) -> Any:
    cls = _VALUE_CLASSES[data["type"]]
    reader = _READERS.get(cls)
    if reader is None:
        reader = _READERS[cls] = _reader(cls)
        if reader is None:
            raise NotImplementedError(cls)
    return reader(data)


_VALUE_CLASSES = {tag: cls for cls, tag in VALUE_TAGS.items()}


def from_trusted(data: Any, cls: type[T]) -> T:
    """:func:`from_data` for data made by :func:`to_data` in this program (a worker process's
    results): the same objects, built without cattrs' detailed validation."""
    return trusted_converter.structure(data, cls)


def _tagged(value: Any) -> dict[str, Any]:
    return {**orjson_default(value), "type": VALUE_TAGS[type(value)]}


def _display(cls: type, expr: str) -> str:
    """Python source of a dict display of the attrs instance ``expr`` of ``cls``: a field typed
    as one attrs class is written in place, a :data:`Value` with its ``type`` tag, anything
    else (enums, dates, optional and tuple fields) as it is, for orjson."""
    hints = get_type_hints(cls, vars(model))
    items = []
    for a in attrs.fields(cls):
        hint, value = hints[a.name], f"{expr}.{a.name}"
        if hint == Value:
            value = f"_tagged({value})"
        elif isinstance(hint, type) and attrs.has(hint) and hint is not model.Annotation:
            value = _display(hint, value)
        items.append(f"{a.name!r}: {value}")
    return "{" + ", ".join(items) + "}"


def _writer(cls: type) -> Callable[[Any], dict[str, Any]]:
    """A function making the dict of an instance of the attrs class ``cls``, compiled once:
    one dict display of attribute loads is about twice as fast as a comprehension of
    ``getattr``, and orjson calls back into Python once a claim instead of once an object."""
    return eval(f"lambda o: {_display(cls, 'o')}", {"_tagged": _tagged})  # noqa: S307 - attribute names only


_WRITERS: dict[type, Callable[[Any], dict[str, Any]]] = {}


def orjson_default(obj: Any) -> Any:
    """orjson's ``default`` hook for what it cannot write itself: an attrs instance as
    ``to_data`` makes it (orjson writes the enums, dates, tuples and scalars inside the same way
    the converter does; a set comes back here and is written sorted)."""
    cls = type(obj)
    writer = _WRITERS.get(cls)
    if writer is None:
        if cls is model.Annotation or not attrs.has(cls):  # a hook of its own, or not ours
            return to_data(obj)
        writer = _WRITERS[cls] = _writer(cls)
    return writer(obj)


def dumps(obj: Any) -> str:
    """Compact JSON of a model object: what ``json.dumps(to_data(obj))`` writes, in meaning,
    but encoded by orjson straight from the objects (about four times faster: the store writes
    a row per claim). Data orjson does not take (an integer beyond 64 bits, a lone surrogate)
    goes through ``json``."""
    if type(obj) in VALUE_TAGS:  # a bare value carries its tag, as in to_data
        obj = to_data(obj)
    try:
        return orjson.dumps(obj, default=orjson_default).decode("utf-8")
    except (TypeError, orjson.JSONEncodeError):
        return json.dumps(to_data(obj), ensure_ascii=False)


def json_of(text: str) -> Any:
    """The plain data of JSON text written by :func:`dumps`."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:  # json reads what orjson refuses (a lone surrogate), or says why not
        return json.loads(text)


def loads(text: str, cls: type[T]) -> T:
    return from_data(json_of(text), cls)


# -- configuration files ---------------------------------------------------------------------

_KEY = "\x00"
"""Stands for the offending key in a message until the key's path is known."""


def _config_key(name: str) -> str:
    return name.replace("_", "-")


def _build_config() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True)

    def text(value: Any, cls: type) -> Any:
        # Our enums are str enums, so they dispatch here too: one of their values, any case.
        if issubclass(cls, Enum):
            names = [member.value for member in cls]
            if isinstance(value, str) and value.strip().lower() in names:
                return cls(value.strip().lower())
            raise ValueError(f"{_KEY} is {value!r}; choose one of: {', '.join(names)}")
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"{_KEY} is {value!r}; it must be a non-empty string")
        return value.strip()

    def listed(cls: Any) -> Any:
        (item,) = get_args(cls) or (Any,)

        def structure(value: Any, _: type) -> list[Any]:
            if not isinstance(value, list):
                raise ValueError(f"{_KEY} is {value!r}; it must be a list")
            out = []
            for index, v in enumerate(value):
                try:
                    out.append(conv.structure(v, item))
                except ValueError as exc:
                    raise ValueError(str(exc).replace(_KEY, f"{_KEY}[{index}]")) from None
            return out

        return structure

    def table(cls: type) -> Any:
        renamed = {a.name: override(rename=_config_key(a.name)) for a in attrs.fields(cls)}
        return make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True, **renamed)

    conv.register_structure_hook(str, text)
    conv.register_structure_hook(Enum, text)
    conv.register_structure_hook_factory(lambda t: get_origin(t) in (list, tuple) or t in (list, tuple), listed)
    conv.register_structure_hook_factory(attrs.has, table)
    return conv


config_converter = _build_config()

_SEGMENT = re.compile(r"\.(\w+)|\[(['\"])(.*?)\2\]|\[(\d+)\]")


def _readable_path(path: str, prefix: str) -> str:
    """cattrs' ``prefix.fail_on`` / ``prefix.rules['CT001']`` as the file spells them."""
    out = prefix
    for match in _SEGMENT.finditer(path[len(prefix):]):
        attribute, _, key, index = match.groups()
        out += f".{_config_key(attribute)}" if attribute else (f".{key}" if key is not None else f"[{index}]")
    return out.lstrip(".")


def _config_message(exc: BaseException, cls: type | None) -> str:
    if isinstance(exc, ForbiddenExtraKeysError):
        known = ", ".join(sorted(_config_key(a.name) for a in attrs.fields(exc.cl)))
        unknown = sorted(exc.extra_fields)[0]
        return f"unknown key {_KEY}.{unknown}; known keys: {known}"
    if isinstance(exc, ValueError) and _KEY in str(exc):
        return str(exc)
    return f"{_KEY}: {format_exception(exc, cls)}"


def from_config(table: Mapping[str, Any], cls: type[T], prefix: str) -> T:
    """Build ``cls`` from a config table, or raise ValueError with one line per problem (joined).

    ``prefix`` is where the table sits in the file (`tool.claims.audit`), so every message
    names the key as the user wrote it: ``tool.claims.audit.fail-on is 'fatal'; choose one
    of: error, warning, suggestion``.
    """
    try:
        return config_converter.structure(table, cls)
    except cattrs.BaseValidationError as exc:
        lines = []
        for line in cattrs.transform_error(exc, path=prefix, format_exception=_config_message):
            message, _, path = line.rpartition(" @ ")
            where = _readable_path(path, prefix)
            lines.append(message.replace(f"{_KEY}.", f"{where}." if where else "").replace(_KEY, where))
        raise ValueError("; ".join(lines)) from None
