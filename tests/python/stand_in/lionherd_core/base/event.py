"""A stand-in for lionherd-core's Event, for checking exports where lionherd-core cannot be
installed. It follows the rules of lionherd-core 1.0.0a7's ``Element.from_dict`` and the
pydantic validation of ``Event`` that matter to a loaded record:

- ``metadata.lion_class`` is popped; a dotted name other than the class's own is imported
  (``module.Class``) and must be an ``Event`` subclass;
- ``extra="forbid"``: every key must be a field (``id``, ``created_at``, ``metadata``,
  ``execution``, ``timeout`` and the subclass's annotated fields);
- ``id`` is a UUID, ``created_at`` an ISO 8601 string ``datetime.fromisoformat`` reads;
- ``execution`` is lionherd's ``Execution`` dataclass: ``status`` one of EventStatus,
  ``duration`` a float (``Unset | float``: ``None`` is refused), ``error`` ``None`` or an
  exception (a dict is refused), ``retryable`` a bool (``None`` is refused);
- fields are checked in pydantic's lax mode for ``Any``, ``str``, ``bool``, ``int`` and
  ``float``, each optionally ``| None``.
"""

import datetime as dt
import importlib
import types
import typing
import uuid

STATUSES = {"pending", "processing", "completed", "failed", "cancelled", "skipped", "aborted"}
BASE_FIELDS = {"id", "created_at", "metadata", "execution", "timeout"}


class ValidationError(ValueError):
    pass


def _fields(cls):
    names = {}
    for klass in reversed(cls.__mro__):
        names.update(typing.get_type_hints(klass) if klass is not object else {})
    return {name: hint for name, hint in names.items() if not name.startswith("_")}


def _accepts(hint, value):
    if hint is typing.Any:
        return True
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        return any(_accepts(arg, value) for arg in typing.get_args(hint))
    if hint is type(None):
        return value is None
    if hint is bool:
        return isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool) or (
            isinstance(value, float) and value.is_integer()
        )
    if hint is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if hint is str:
        return isinstance(value, str)
    raise TypeError(f"the stand-in does not check fields of type {hint!r}")


class Event:
    id: str
    created_at: str
    metadata: dict
    execution: dict
    timeout: float | None = None

    @classmethod
    def class_name(cls):
        return f"{cls.__module__}.{cls.__qualname__}"

    @classmethod
    def from_dict(cls, data):
        data = dict(data)
        metadata = dict(data.get("metadata") or {})
        data["metadata"] = metadata
        lion_class = metadata.pop("lion_class", None)
        if lion_class and lion_class != cls.class_name():
            module_path, _, class_name = lion_class.rpartition(".")
            if not module_path:
                raise ValueError(f"Failed to deserialize class '{lion_class}': no module")
            try:
                target = getattr(importlib.import_module(module_path), class_name)
            except (ImportError, AttributeError) as error:
                raise ValueError(f"Failed to deserialize class '{lion_class}': {error}") from error
            if not (isinstance(target, type) and issubclass(target, Event)):
                raise ValueError(f"'{lion_class}' is not an Element subclass")
            return target.model_validate(data)
        return cls.model_validate(data)

    @classmethod
    def model_validate(cls, data):
        fields = _fields(cls)
        problems = [f"{key}: Extra inputs are not permitted" for key in data if key not in fields]
        try:
            uuid.UUID(str(data.get("id")))
        except ValueError:
            problems.append("id: not a UUID")
        try:
            dt.datetime.fromisoformat(data.get("created_at"))
        except (TypeError, ValueError):
            problems.append("created_at: not an ISO 8601 datetime")
        problems += _execution_problems(data.get("execution"))
        for name, hint in fields.items():
            if name in BASE_FIELDS or name not in data:
                continue
            if not _accepts(hint, data[name]):
                problems.append(f"{name}: {data[name]!r} is not {hint}")
        if problems:
            raise ValidationError(f"{cls.__name__}: " + "; ".join(problems))
        event = cls.__new__(cls)
        event.__dict__.update(data)
        return event


def _execution_problems(execution):
    if execution is None:
        return []
    if not isinstance(execution, dict):
        return ["execution: not an Execution"]
    problems = []
    if execution.get("status") not in STATUSES:
        problems.append(f"execution.status: {execution.get('status')!r} is not an EventStatus")
    duration = execution.get("duration")
    if not isinstance(duration, (int, float)) or isinstance(duration, bool):
        problems.append(f"execution.duration: {duration!r} is not a float")
    if execution.get("error") is not None:
        problems.append("execution.error: a dict is not an exception")
    if not isinstance(execution.get("retryable"), bool):
        problems.append(f"execution.retryable: {execution.get('retryable')!r} is not a bool")
    return problems
