"""Loads every record of a lionherd log with Event.from_dict and prints, as JSON, what each
became: {"id", "loaded": "<module.Class>"} or {"id", "refused": "<reason>"}.

    python3 tests/python/load_export.py lionherd-events.json

lionherd-core cannot be installed here, so tests/python/stand_in provides its Event; the
classes come from docs/python/lifecycle_lab.py, as a service would import them.
"""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "tests" / "python" / "stand_in"), str(ROOT / "docs" / "python")]

from lionherd_core.base.event import Event  # noqa: E402


def main(path):
    results = []
    for record in json.loads(Path(path).read_text()):
        try:
            event = Event.from_dict(record)
            results.append({"id": record["id"], "loaded": type(event).class_name()})
        except ValueError as error:
            results.append({"id": record["id"], "refused": str(error)})
    print(json.dumps(results))


if __name__ == "__main__":
    main(sys.argv[1])
