#!/usr/bin/env python3
"""Stream lionherd-core events to a Lifecycle Lab dashboard, with the standard library only.

In a service::

    from lifecycle_lab_sink import LifecycleLabSink

    sink = LifecycleLabSink("http://127.0.0.1:5173/?token=3f9c…", source="billing")
    event = ChargeCard(amount=42)
    await sink.watch(event)  # posts pending, processing and the outcome as they happen

Replaying a log of ``Event.to_dict(mode="json")`` records (a JSON array or JSON Lines)::

    python3 docs/python/lifecycle_lab_sink.py "http://127.0.0.1:5173/?token=…" \\
        --source replay --replay records.json

The receiver merges repeated snapshots of an event into its timeline. ``watch`` never gets in
the way of the work: a dashboard that is down or refuses a post is reported to ``on_error``
(a logged warning by default), and the event runs and returns as it would without the sink.
``post_records`` raises ``LifecycleLabError`` with the receiver's reason.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Callable, Iterable

LIONHERD_PATH = "/api/bridge/lionherd"

# A replay posts this many records per request at most, in the file's order: the receiver
# takes a JSON Lines body whole, up to 5 MB, and answers at most 100 requests a second.
REPLAY_BATCH_RECORDS = 500
REPLAY_BATCH_BYTES = 1_000_000

logger = logging.getLogger("lifecycle_lab_sink")


class LifecycleLabError(Exception):
    """The receiver refused a post, or could not be reached."""


class RecordsFileError(Exception):
    """A replay file that cannot be read as records; the message says where."""


class LifecycleLabSink:
    """Posts lionherd-core records to the receiver printed by ``npm start`` or ``npx lifecycle-lab``."""

    def __init__(
        self,
        url: str,
        source: str,
        token: str | None = None,
        timeout: float = 5.0,
        on_error: Callable[[LifecycleLabError], None] | None = None,
        busy_retries: int = 5,
    ):
        parts = urllib.parse.urlsplit(url)
        query = urllib.parse.parse_qs(parts.query)
        self.token = token or (query.get("token") or [""])[0]
        if not self.token:
            raise LifecycleLabError("no token: pass token= or use the URL with ?token=… the receiver printed")
        params = urllib.parse.urlencode({"source": source})
        self.endpoint = f"{parts.scheme}://{parts.netloc}{LIONHERD_PATH}?{params}"
        self.timeout = timeout
        self.busy_retries = busy_retries
        self.on_error = on_error or (lambda error: logger.warning("Lifecycle Lab: %s", error))

    def post_records(self, records: Iterable[dict[str, Any]]) -> dict[str, Any]:
        """Posts records as JSON Lines in one request; returns the receiver's answer.

        A receiver that is busy (429) is asked again after the ``Retry-After`` it names, up to
        ``busy_retries`` times; any other refusal raises ``LifecycleLabError`` at once.
        """
        return self.post_json_lines([json.dumps(record) for record in records])

    def post_json_lines(self, lines: list[str]) -> dict[str, Any]:
        """``post_records`` for records already written as JSON, one per line."""
        body = "\n".join(lines).encode("utf-8")
        for attempt in range(self.busy_retries + 1):
            request = urllib.request.Request(
                self.endpoint,
                data=body,
                method="POST",
                headers={"Authorization": f"Bearer {self.token}", "Content-Type": "application/x-ndjson"},
            )
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    return json.loads(response.read().decode("utf-8"))
            except urllib.error.HTTPError as error:
                reason = error.read().decode("utf-8", "replace")
                if error.code == 429 and attempt < self.busy_retries:
                    time.sleep(retry_after(error.headers.get("Retry-After")))
                    continue
                raise LifecycleLabError(f"{error.code}: {reason}") from error
            except (urllib.error.URLError, OSError) as error:
                why = getattr(error, "reason", error)
                raise LifecycleLabError(f"the receiver at {self.endpoint} cannot be reached: {why}") from error
        raise AssertionError("unreachable")

    def post(self, event: Any) -> dict[str, Any]:
        """Posts the event's current snapshot (``event.to_dict(mode="json")``)."""
        return self.post_records([event.to_dict(mode="json")])

    async def watch(self, event: Any, poll_interval: float = 0.01) -> Any:
        """Invokes the event and posts a snapshot at each status it reaches; returns (or raises)
        what ``invoke()`` does, once the snapshots were posted or failed.

        lionherd-core events have no subscriptions, so the status is read while ``invoke()`` runs.
        Snapshots are taken as the status changes and posted in order by a task of their own,
        in a thread, so the work never waits for the network; a post that fails goes to
        ``on_error`` and the work carries on.
        """
        snapshots: asyncio.Queue[dict[str, Any] | None] = asyncio.Queue()
        last = None

        def snapshot_if_changed() -> None:
            nonlocal last
            try:
                status = str(getattr(event.execution.status, "value", event.execution.status))
                if status != last:
                    last = status
                    snapshots.put_nowait(event.to_dict(mode="json"))
            except Exception as error:  # noqa: BLE001 - an odd event must not stop its own work
                self.on_error(LifecycleLabError(f"cannot read the event's snapshot: {error!r}"))

        async def post_in_order() -> None:
            while (record := await snapshots.get()) is not None:
                try:
                    await asyncio.to_thread(self.post_records, [record])
                except LifecycleLabError as error:
                    self.on_error(error)

        sender = asyncio.ensure_future(post_in_order())
        snapshot_if_changed()
        try:
            task = asyncio.ensure_future(event.invoke())
            while not task.done():
                snapshot_if_changed()
                await asyncio.sleep(poll_interval)
            return await task
        finally:
            snapshot_if_changed()
            snapshots.put_nowait(None)
            await sender


def retry_after(header: str | None) -> float:
    """The seconds a ``Retry-After`` header asks for (1 when it names none), at most 30."""
    try:
        return min(max(float(header or 1), 0.0), 30.0)
    except ValueError:
        return 1.0


def batches(records: list[dict[str, Any]]) -> Iterable[tuple[int, list[str]]]:
    """The records as JSON, in order, in runs that fit one request: (index of the first, lines)."""
    start, lines, size = 0, [], 0
    for index, record in enumerate(records):
        line = json.dumps(record)
        if lines and (len(lines) >= REPLAY_BATCH_RECORDS or size + len(line) > REPLAY_BATCH_BYTES):
            yield start, lines
            start, lines, size = index, [], 0
        lines.append(line)
        size += len(line) + 1
    if lines:
        yield start, lines


def read_records(path: str) -> list[dict[str, Any]]:
    """A JSON array of records, or JSON Lines; raises ``RecordsFileError`` saying where not."""
    try:
        with open(path, encoding="utf-8") as file:
            text = file.read()
    except UnicodeDecodeError as error:
        raise RecordsFileError(f"{path} is not UTF-8 text: the byte at offset {error.start} is not part of any UTF-8 character") from error
    except OSError as error:
        raise RecordsFileError(f"{path} cannot be read: {error.strerror}") from error
    try:
        data = json.loads(text)
        records = data if isinstance(data, list) else [data]
    except json.JSONDecodeError:
        records = [parse_line(path, number, line) for number, line in enumerate(text.splitlines(), 1) if line.strip()]
    except RecursionError as error:
        raise RecordsFileError(f"{path} is nested too deeply for Python's JSON reader") from error
    for index, record in enumerate(records):
        if not isinstance(record, dict):
            raise RecordsFileError(f"{path}: record {index} is {type(record).__name__}, not a lionherd record (an object)")
    return records


def parse_line(path: str, number: int, line: str) -> Any:
    """One line of a JSON Lines file."""
    try:
        return json.loads(line)
    except json.JSONDecodeError as error:
        raise RecordsFileError(f"{path} line {number} is not JSON: {error.msg} at column {error.colno}") from error
    except RecursionError as error:
        raise RecordsFileError(f"{path} line {number} is nested too deeply for Python's JSON reader") from error


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Post lionherd-core records to a Lifecycle Lab dashboard.")
    parser.add_argument("url", help="the dashboard URL with ?token=… that the receiver printed")
    parser.add_argument("--source", default="python", help="the name the dashboard shows")
    parser.add_argument("--replay", required=True, help="a JSON array or JSON Lines file of records")
    args = parser.parse_args(argv)
    try:
        sink = LifecycleLabSink(args.url, source=args.source)
    except LifecycleLabError as error:
        print(f"cannot replay: {error}", file=sys.stderr)
        return 2
    try:
        records = read_records(args.replay)
    except RecordsFileError as error:
        print(f"cannot replay: {error}", file=sys.stderr)
        return 2
    accepted = 0
    for start, lines in batches(records):
        # In the file's order: the receiver merges each event's snapshots as they come.
        try:
            accepted += sink.post_json_lines(lines)["accepted"]
        except LifecycleLabError as error:
            end = start + len(lines) - 1
            print(
                f"refused: records {start} to {end} of {args.replay} ({accepted} snapshots taken before them): {error}",
                file=sys.stderr,
            )
            return 1
    print(f"posted {accepted} snapshots to {sink.endpoint}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
