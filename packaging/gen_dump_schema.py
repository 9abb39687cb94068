"""Generate resources/dump.schema.json (the `songjiao dump` format) from the SQLAlchemy metadata.

Run after changing a model: `.venv/bin/python packaging/gen_dump_schema.py`. A test fails while the
committed file and the metadata disagree, so the documented format cannot drift from the database.
The mapping from column types to JSON lives in app/services/dump/schema.py.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.services.dump import DUMP_TABLES  # noqa: E402
from app.services.dump.schema import build_schema  # noqa: E402

OUTPUT = ROOT / "resources" / "dump.schema.json"


def render() -> str:
    return json.dumps(build_schema(DUMP_TABLES), ensure_ascii=False, indent=2) + "\n"


def main() -> int:
    OUTPUT.write_text(render(), encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
