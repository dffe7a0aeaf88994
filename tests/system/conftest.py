"""The fixture system: the Staffordshire and Stoke-on-Trent ICB over two trusts, a council and a broken member."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

SYSTEM = Path(__file__).parent.parent / "fixtures" / "system"
AS_OF = "2025-11-30"
ICB = "staffordshire-icb"


@pytest.fixture
def system(tmp_path: Path) -> Path:
    """A fresh copy of the fixture system; returns the ICB's records folder."""
    shutil.copytree(SYSTEM, tmp_path / "system")
    return tmp_path / "system" / ICB


def set_members(icb: Path, members: list[str]) -> None:
    """Replace the ICB's `members:` list."""
    path = icb / "equitykit.yaml"
    text = path.read_text(encoding="utf-8")
    head = text[: text.index("members:")]
    path.write_text(head + "members:\n" + "".join(f"  - {m}\n" for m in members), encoding="utf-8")
