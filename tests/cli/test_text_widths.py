"""Text output never cuts a figure, an id or a word, piped or at 80 columns: every command with a text
table shows, at 80 columns, exactly the words it shows with all the room it wants (only wrapped
differently), and never "…"."""

from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from equitykit.cli import app

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
NHS, COUNCIL = EXAMPLES / "northfield-trust", EXAMPLES / "aran-vale-council"
EXTRACTS = EXAMPLES / "northfield-trust-extracts"
SYSTEM = REPO / "tests" / "fixtures" / "system" / "staffordshire-icb"
BORDERS = "│┃┏┓┗┛━─┳┻╇┡┩└┘┴┬├┤┼╋═║╭╮╰╯"


@pytest.fixture(scope="module")
def staff(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """400 staff with every characteristic, pay far apart (so gaps run to four figures) and some groups empty."""
    chooser = random.Random(21)
    rows = ["sex,full_pay_relevant,bonus_pay,hourly_pay,ethnicity,disability,sexual_orientation"]
    for index in range(400):
        rows.append(",".join([
            "M" if index % 2 else "F", "yes", "1500" if index % 5 == 0 else "0",
            "10.50" if index % 3 else "2150.75", chooser.choice("AHNRSZ"),
            chooser.choice(["Yes", "No", "Not declared"]),
            chooser.choice(["Heterosexual or Straight", "Gay or Lesbian", "Bisexual", "Not stated"])]))
    path = tmp_path_factory.mktemp("hr") / "staff.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def commands(staff: Path) -> dict[str, list[str]]:
    pay = ["paygap", "compute", str(staff), "--snapshot", "2025-03-31"]
    return {
        "deadlines": ["deadlines", str(NHS), "--as-of", "2025-11-30"],
        "deadlines-welsh": ["deadlines", str(COUNCIL), "--as-of", "2025-11-30", "--lang", "cy"],
        "grade-eds": ["grade", "eds", str(NHS)],
        "wres": ["wres", str(NHS)],
        "wdes": ["wdes", str(NHS)],
        "paygap-sex": pay,
        **{f"paygap-{by}": [*pay, "--by", by] for by in ("ethnicity", "disability", "sexual-orientation")},
        "workforce": ["workforce", "compute", "--snapshot", "2025-03-31", "--staff", str(EXTRACTS / "staff.csv"),
                      "--recruitment", str(EXTRACTS / "recruitment.csv"), "--casework", str(EXTRACTS / "casework.csv"),
                      "--training", str(EXTRACTS / "training.csv"), "--board", str(EXTRACTS / "board.csv"),
                      "--columns", "sex=Gender,religion_belief=Religious Belief"],
        "system-status": ["system", "status", str(SYSTEM), "--as-of", "2025-11-30"],
        "translations": ["translations", str(COUNCIL)],
        "rules": ["rules"],
    }


NAMES = list(commands(Path("x")))


def words(text: str) -> Counter[str]:
    """Every word shown, without the table's borders: the same at any width when nothing is cut."""
    return Counter(word for word in (token.strip(BORDERS) for token in text.split()) if word)


def render(args: list[str], columns: int, monkeypatch: pytest.MonkeyPatch, terminal: bool = False) -> str:
    monkeypatch.setattr("equitykit.cli.deadlines.stdout_is_terminal", lambda: terminal, raising=False)
    result = CliRunner().invoke(app, args, env={"COLUMNS": str(columns), "NO_COLOR": "1"})
    assert result.exit_code in (0, 1), result.output
    return result.stdout


@pytest.mark.parametrize("name", NAMES)
def test_text_output_never_cuts_a_figure_or_an_id_piped_or_at_80_columns(
        name: str, staff: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    args = commands(staff)[name]
    roomy = render(args, 400, monkeypatch, terminal=True)
    for narrow in (render(args, 80, monkeypatch), render(args, 80, monkeypatch, terminal=True)):
        assert "…" not in narrow
        assert words(narrow) == words(roomy)


def test_deadlines_at_80_columns_keep_the_duty_readable(monkeypatch: pytest.MonkeyPatch) -> None:
    text = render(["deadlines", str(NHS), "--as-of", "2025-11-30"], 80, monkeypatch, terminal=True)
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "│ Ethnicity, disability and sexual orientation" in text  # the duty with room, not 6 characters
    assert re.search(r"│ england-equality-information +│", text)  # the id whole, on its own line

