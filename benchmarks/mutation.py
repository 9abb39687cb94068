"""Mutation testing of the rules (not a test, not in CI): how many deliberate bugs the suite catches.

    nice -n 15 .venv/bin/python benchmarks/mutation.py [--max-children 1] [--report benchmarks/mutation-report.txt]
    .venv/bin/python benchmarks/mutation.py --no-run        # the report of the last run only

mutmut 3 (configured in pyproject.toml, [tool.mutmut]) changes app/domain and app/services/exchange/policy.py
one small edit at a time (a < for a <=, a constant, an operand dropped, `and` for `or`), runs the unit tests
that reach the changed function (tests/unit and the two local-time tests: fast, and they cover this code), and
counts a mutant caught when a test fails or it loops (timeout). The score is caught / all mutants of each
target; a mutant no test reaches counts as not caught. Equivalent mutants (no behaviour could tell them apart)
are not generated: their lines carry `# pragma: no mutate` with the reason beside them. The mutants not caught
are listed in the report with their diff. CPU heavy: one process by default (the machine is shared), about 20
minutes on 2 busy cores; the copy lives in ./mutants (git-ignored). Delete ./mutants for a clean run after
changing tests: mutmut keeps a mutant's result while its function is unchanged.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"app/domain": "app.domain.", "app/services/exchange/policy.py": "app.services.exchange.policy."}
LINE = re.compile(r"^\s*(?P<name>[\w.]+__mutmut_\d+): (?P<status>.+)$")


def mutmut(*args: str, check: bool = True) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "mutmut", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if check and done.returncode != 0:
        sys.stderr.write(done.stdout[-4000:] + done.stderr[-4000:])
        raise SystemExit(f"mutmut {' '.join(args)} failed ({done.returncode})")
    return done.stdout


def diffs(names: list[str]) -> dict[str, str]:
    """Each mutant's diff, from one process (``mutmut show`` costs a second and a half per mutant)."""
    script = (
        "import json, sys\n"
        "from mutmut.mutation.diff_apply import find_mutant, get_diff_for_mutant\n"
        "names = json.load(sys.stdin)\n"
        "json.dump({n: get_diff_for_mutant(n, path=find_mutant(n).path) for n in names}, sys.stdout)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, input=json.dumps(names), capture_output=True, text=True
    )
    if done.returncode == 0:
        return dict(json.loads(done.stdout))
    # mutmut's internals moved: one `mutmut show` per mutant, slow but public.
    return {name: mutmut("show", name, check=False) for name in names}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-children", type=int, default=1)
    parser.add_argument("--report", type=Path, default=ROOT / "benchmarks" / "mutation-report.txt")
    parser.add_argument("--no-run", action="store_true", help="only report the last run's results")
    args = parser.parse_args(argv)
    if not args.no_run:
        mutmut("run", "--max-children", str(args.max_children), check=False)
    statuses: dict[str, str] = {}
    for line in mutmut("results", "--all", "true").splitlines():
        match = LINE.match(line)
        if match:
            statuses[match["name"]] = match["status"].strip()
    lines = [
        "Mutation testing (benchmarks/mutation.py, mutmut)",
        "score = caught / all; caught = killed (a test failed) + timeout (the mutant looped); a mutant no test",
        "reaches counts as not caught. Lines marked `# pragma: no mutate` (equivalent mutants, the reason beside",
        "them) are not mutated.",
        "",
    ]
    scores = {}
    for target, prefix in TARGETS.items():
        counted = Counter(status for name, status in statuses.items() if name.startswith(prefix))
        caught = counted["killed"] + counted["timeout"]
        tried = sum(counted.values()) - counted["skipped"]
        scores[target] = caught / tried if tried else None
        score = f"{100 * caught / tried:.1f} %" if tried else "n/a"
        detail = ", ".join(f"{v} {k}" for k, v in sorted(counted.items()))
        lines.append(f"{target}: {score} ({caught} of {tried} caught: {detail})")
    lines += ["", "Mutants not caught:"]
    missed = sorted(name for name, status in statuses.items() if status in ("survived", "no tests"))
    shown = diffs(missed)
    for name in missed:
        lines += ["", f"### {name} ({statuses[name]})", shown.get(name, "").rstrip()]
    args.report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines[:4]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
