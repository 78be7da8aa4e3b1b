"""The classes a Python service defines to load a Lifecycle Lab "Export as lionherd log" with
lionherd-core's ``Event.from_dict``.

Each native event is written with ``metadata.lion_class`` set to ``lifecycle_lab.<Class>``,
so save this file as ``lifecycle_lab.py`` on the service's import path. The fields are the
dashboard's launch parameters in snake_case, with the types the event was given; ``timeout``
is lionherd's own ``Event.timeout``. Status, duration (seconds), response, error and
retryable follow ``Execution.to_dict()``; an ``AggregateError`` is written as Python's
``ExceptionGroup`` with `` (N sub-exceptions)`` in its message.

lionherd-core's ``from_dict`` loads completed records only: for failed, cancelled, pending
and processing records it rejects ``execution`` (a dict for ``error``, ``null`` for
``duration`` or ``retryable``), so read those as plain dicts.

    import json
    import lifecycle_lab  # noqa: F401  (makes the classes importable by lion_class)
    from lionherd_core.base.event import Event

    for record in json.load(open("lionherd-events.json")):
        if record["execution"]["status"] == "completed":
            event = Event.from_dict(record)  # a lifecycle_lab.SimpleEvent, …
"""

from typing import Any

from lionherd_core.base.event import Event


class SimpleEvent(Event):
    """Returns ``return_value``."""

    return_value: Any = None


class FailingEvent(Event):
    """Raises ``ValueError(error_msg)``."""

    error_msg: str | None = None


class SlowEvent(Event):
    """Sleeps ``delay`` seconds, then returns ``return_value``."""

    delay: float | None = None
    return_value: Any = None


class StatusTrackingEvent(Event):
    """Sleeps ``delay`` seconds, then returns ``"done"``."""

    delay: float | None = None


class CountingEvent(Event):
    """Counts the runs of its work."""


class MultiErrorEvent(Event):
    """Raises an ``ExceptionGroup``."""


class NullReturningEvent(Event):
    """Returns ``None``."""


class ConditionalEvent(Event):
    """Returns ``return_value`` when ``condition`` holds; skipped otherwise."""

    condition: bool | None = None
    return_value: Any = None


class GuardedEvent(Event):
    """Aborted before it runs when ``amount`` exceeds ``limit``."""

    amount: float | None = None
    limit: float | None = None


class ProgressEvent(Event):
    """Reports progress over ``steps`` steps of ``step_delay`` seconds."""

    steps: int | None = None
    step_delay: float | None = None


class FlakyEvent(Event):
    """Fails with probability ``failure_rate``, with an error of ``error_kind``."""

    failure_rate: float | None = None
    error_kind: str | None = None
    seed: int | None = None  # replays the same outcomes when set


class HttpEvent(Event):
    """Calls the dashboard's demo endpoint."""

    latency: float | None = None  # seconds
    status: int | None = None
    failure_rate: float | None = None
    hang: bool | None = None
