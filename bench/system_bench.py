"""Measure `equitykit system status` on a large system (a script, not a test).

Usage:
  python bench/system_bench.py build DIR [MEMBERS] [RECORDS]   (default: 40 members of 1000 records)
  python bench/system_bench.py measure DIR

`build` writes an ICB records folder `DIR/icb` whose `members:` name MEMBERS sibling folders
`DIR/member-NN`, each a valid records folder of RECORDS records (the validate bench's folder, plus
the fixture system's WRES/WDES snapshots so that pooling has work to do).

`measure` times, in this process, `system status` against validating each member once in turn.
Memory is measured from outside, as whole commands: members are read one at a time, so the
peak resident memory of `system status` should stay near that of validating one member, not grow
with the number of members. Whole-process figures (start-up included), run by hand:

  /usr/bin/time -v equitykit system status DIR/icb --format json --as-of 2025-11-30
  /usr/bin/time -v equitykit validate DIR/member-01 --format json
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
import time
from pathlib import Path

from equitykit.checks.validate import validate
from equitykit.system import system_status

sys.path.insert(0, str(Path(__file__).resolve().parent))
from validate_bench import FIXTURE, build_folder  # noqa: E402

SYSTEM_FIXTURE = FIXTURE.parent / "system"
AS_OF = dt.date(2025, 11, 30)


def build(target: Path, members: int = 40, records: int = 1000) -> None:
    """An ICB folder and `members` member folders of `records` records each under `target`."""
    target.mkdir(parents=True, exist_ok=False)
    names = [f"member-{number:02d}" for number in range(1, members + 1)]
    for name in names:
        build_folder(target / name, records)
        shutil.copytree(SYSTEM_FIXTURE / "trentside-hospitals" / "workforce", target / name / "workforce",
                        dirs_exist_ok=True)
    icb = target / "icb"
    shutil.copytree(SYSTEM_FIXTURE / "staffordshire-icb", icb)
    text = (icb / "equitykit.yaml").read_text(encoding="utf-8")
    members_list = "".join(f"  - ../{name}\n" for name in names)
    (icb / "equitykit.yaml").write_text(text[: text.index("members:")] + "members:\n" + members_list,
                                        encoding="utf-8")


def timed(function, *args):
    """The result of `function(*args)` and its wall time in seconds."""
    start = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - start


def measure(target: Path) -> None:
    icb = target / "icb"
    members = sorted(p for p in target.iterdir() if p.name.startswith("member-"))
    result, _ = timed(validate, members[0])  # warms imports and caches
    each_time = sum(timed(validate, member)[1] for member in members)
    status, system_time = timed(system_status, icb, AS_OF)
    assert len(status.members) == len(members) + 1 and not status.with_problems
    print(f"members: {len(members)}; records per member: {result.records}")
    print(f"validate each member in turn:  {each_time:7.2f} s  ({each_time / len(members):.2f} s a member)")
    print(f"system status, whole system:   {system_time:7.2f} s  ({system_time / len(members):.2f} s a member)")
    print(f"ratio of system status to one validate per member: {system_time / each_time:.2f}")


def main(argv: list[str]) -> None:
    if len(argv) >= 2 and argv[0] == "build":
        build(Path(argv[1]), *(int(arg) for arg in argv[2:4]))
    elif len(argv) == 2 and argv[0] == "measure":
        measure(Path(argv[1]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
