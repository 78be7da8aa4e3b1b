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

Each post is one record as JSON; the receiver merges repeated snapshots of an event into its
timeline. A refused post raises ``LifecycleLabError`` with the receiver's reason.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Iterable

LIONHERD_PATH = "/api/bridge/lionherd"


class LifecycleLabError(Exception):
    """The receiver refused a post, or could not be reached."""


class RecordsFileError(Exception):
    """A replay file that cannot be read as records; the message says where."""


class LifecycleLabSink:
    """Posts lionherd-core records to the receiver printed by ``npm start`` or ``npx lifecycle-lab``."""

    def __init__(self, url: str, source: str, token: str | None = None, timeout: float = 5.0):
        parts = urllib.parse.urlsplit(url)
        query = urllib.parse.parse_qs(parts.query)
        self.token = token or (query.get("token") or [""])[0]
        if not self.token:
            raise LifecycleLabError("no token: pass token= or use the URL with ?token=… the receiver printed")
        params = urllib.parse.urlencode({"source": source})
        self.endpoint = f"{parts.scheme}://{parts.netloc}{LIONHERD_PATH}?{params}"
        self.timeout = timeout

    def post_records(self, records: Iterable[dict[str, Any]]) -> dict[str, Any]:
        """Posts records as JSON Lines in one request; returns the receiver's answer."""
        body = "\n".join(json.dumps(record) for record in records).encode("utf-8")
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
            raise LifecycleLabError(f"{error.code}: {reason}") from error
        except urllib.error.URLError as error:
            raise LifecycleLabError(f"the receiver at {self.endpoint} cannot be reached: {error.reason}") from error

    def post(self, event: Any) -> dict[str, Any]:
        """Posts the event's current snapshot (``event.to_dict(mode="json")``)."""
        return self.post_records([event.to_dict(mode="json")])

    async def watch(self, event: Any, poll_interval: float = 0.01) -> Any:
        """Invokes the event and posts a snapshot at each status it reaches; returns its result.

        lionherd-core events have no subscriptions, so the status is read while ``invoke()`` runs.
        Posting happens in a thread, so the event's own work is not held up by the network.
        """
        last = None

        async def post_if_changed() -> None:
            nonlocal last
            status = str(getattr(event.execution.status, "value", event.execution.status))
            if status != last:
                last = status
                await asyncio.to_thread(self.post, event)

        await post_if_changed()
        task = asyncio.ensure_future(event.invoke())
        while not task.done():
            await post_if_changed()
            await asyncio.sleep(poll_interval)
        result = await task
        await post_if_changed()
        return result


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
    sink = LifecycleLabSink(args.url, source=args.source)
    try:
        records = read_records(args.replay)
    except RecordsFileError as error:
        print(f"cannot replay: {error}", file=sys.stderr)
        return 2
    accepted = 0
    try:
        for record in records:
            # One post per record, in order: each is one transition of its event.
            accepted += sink.post_records([record])["accepted"]
    except LifecycleLabError as error:
        print(f"refused: {error}", file=sys.stderr)
        return 1
    print(f"posted {accepted} snapshots to {sink.endpoint}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
