"""`equitykit paygap compute` prints byte for byte the same figures however the staff file is read: polars
going on in native code (the fast path), polars' counts read in Python, or Python's csv module alone; on the
CLI tests' staff files and on a larger generated one with odd cells, for every --by and format."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from test_paygap_by_cli import STAFF as DISABILITY_STAFF
from test_paygap_cli import STAFF, run

from equitykit.extracts import csvfile
from equitykit.metrics import staffcsv
from pay_engines import tallied_in_python

ENGINES = ("polars", "csv")
BY = ("sex", "ethnicity", "disability", "sexual-orientation")


def _generated(rows: int, seed: int) -> str:
    """A staff file like the benchmark's (CRLF lines, every --by column), with odd cells a file may hold:
    amounts with a £ sign, three places or none, and blank ones."""
    chance = random.Random(seed)
    lines = ["employee_ref,sex,full_pay_relevant,hourly_pay,bonus_pay,ethnicity,disability,sexual_orientation,team"]
    for number in range(rows):
        full_pay = chance.random() < 0.9
        rate = f"{chance.lognormvariate(2.8, 0.4):.2f}"
        if chance.random() < 0.05:
            rate = chance.choice(["£" + rate, rate + "0", rate[:-1], f"{float(rate):.3f}", "£1017.50"])
        hourly = rate if full_pay or chance.random() < 0.5 else ""
        bonus = chance.choice(["", "", "", "0", f"{chance.lognormvariate(6.5, 0.8):.2f}", "£1250", "300"])
        lines.append(",".join([
            f"E{number:05d}", chance.choice(["male", "female", "F", "M"]), chance.choice(["true", "false", "Y"]) if
            full_pay else "no", hourly, bonus, chance.choice("AABCDHJRSZ") if number % 7 else "R Chinese",
            chance.choice(["Y", "N", "", "not declared"]), chance.choice(["1", "2", "3", "4", "U", ""]),
            chance.choice(["Wards", "HR", "IT"])]))
    return "\r\n".join(lines) + "\r\n"


def _outputs(path: Path, by: str, *extra: str) -> dict[str, str]:
    outputs = {}
    for output_format in ("json", "text"):
        result = run("paygap", "compute", path, "--snapshot", "2025-03-31", "--by", by, "--format", output_format,
                     *extra)
        outputs[output_format] = f"{result.exit_code}\n{result.stdout}\n{result.stderr}"
    return outputs


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("content", "by", "extra"), [
    (STAFF, "sex", ()),
    (DISABILITY_STAFF, "disability", ("--columns", "sex=Gender,disability=Disabled")),
    (DISABILITY_STAFF, "sex", ("--columns", "sex=Gender,disability=Disabled")),
    *((_generated(3000, 2025), by, ()) for by in BY),
    (_generated(500, 7).replace("\r\n", "\n"), "ethnicity", ("--reference", "white")),
], ids=["cli-sex", "cli-disability", "cli-disability-sex", *(f"generated-{by}" for by in BY), "generated-lf"])
def test_every_way_of_reading_prints_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine: str,
                                              content: str, by: str, extra: tuple[str, ...]) -> None:
    path = tmp_path / "staff.csv"
    path.write_bytes(content.encode())
    native = []
    original = staffcsv._tallied_natively
    monkeypatch.setattr(staffcsv, "_tallied_natively", lambda *args: native.append(1) or original(*args))
    fast = _outputs(path, by, *extra)
    assert native, "the plain file was read on in native code"
    assert fast["json"].startswith("0\n"), fast["json"]
    if engine == "polars":
        monkeypatch.setattr(staffcsv, "_tallied_natively", tallied_in_python)
    else:
        monkeypatch.setattr(csvfile, "_distinct_by_polars", lambda *args: None)
    assert _outputs(path, by, *extra) == fast
