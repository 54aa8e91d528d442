"""The one cattrs converter: every serialisation (JSON output, store rows, exports) goes here.

Claim values are a tagged union keyed by ``type`` (`quantity`, `date`, `person`, `unit`,
`text`), so stored data survives a class rename.
"""

from __future__ import annotations

import datetime as dt
import json
from enum import Enum
from typing import Any, TypeVar

import cattrs
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


def _build() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=False)
    # Our enums mix in str, which cattrs would pass through as-is; JSON wants their values.
    for enum_cls in vars(model).values():
        if isinstance(enum_cls, type) and issubclass(enum_cls, Enum) and enum_cls is not Enum:
            conv.register_unstructure_hook(enum_cls, lambda e: e.value)
    conv.register_unstructure_hook(dt.date, lambda d: d.isoformat())
    conv.register_structure_hook(dt.date, lambda v, _: dt.date.fromisoformat(v))
    conv.register_unstructure_hook(dt.datetime, lambda d: d.isoformat())
    conv.register_structure_hook(dt.datetime, lambda v, _: dt.datetime.fromisoformat(v))
    configure_tagged_union(
        Value, conv, tag_generator=lambda cls: VALUE_TAGS[cls], tag_name="type"
    )
    return conv


converter = _build()


def to_data(obj: Any) -> Any:
    """Plain JSON-ready data (dicts, lists, strings, numbers) for any model object."""
    if type(obj) in VALUE_TAGS:
        return converter.unstructure(obj, unstructure_as=Value)
    return converter.unstructure(obj)


def from_data(data: Any, cls: type[T]) -> T:
    """Rebuild a model object; bad data raises a readable ``ValueError``."""
    try:
        return converter.structure(data, cls)
    except cattrs.BaseValidationError as exc:
        raise ValueError("; ".join(cattrs.transform_error(exc))) from None


def dumps(obj: Any, *, indent: int | None = None) -> str:
    return json.dumps(to_data(obj), ensure_ascii=False, indent=indent)


def loads(text: str, cls: type[T]) -> T:
    return from_data(json.loads(text), cls)
