"""Every seed fixture records its publication as published (issue 22.6, 24.6): it validates (warnings are the
hints for what the publication does not give), every value is in the source text or marked as filled in with a
comment saying why, and its table of elements fits more fully than before the re-encoding."""

from __future__ import annotations

from types import ModuleType

import pytest
from typer.testing import CliRunner

from equitykit.cli import app

from . import test_childrens_services_2013, test_solent_wres_strategy, test_south_sefton_ccg, test_ssot_icb
from .placement import SEEDS, SOURCES, badly_classified, fit_counts, unsourced

FIXTURES = [test_ssot_icb, test_solent_wres_strategy, test_childrens_services_2013, test_south_sefton_ccg]
"""Seeds 001 to 004. Seed 000 (NHS Employers' page on developing a Single Equality Scheme) is guidance for
trusts, not a body's publication: it has no body, objectives, actions or figures to record, so no fixture."""
runner = CliRunner()


def name(seed: ModuleType) -> str:
    return seed.FOLDER.name


@pytest.mark.parametrize("seed", FIXTURES, ids=name)
def test_validate_exits_0(seed: ModuleType) -> None:
    result = runner.invoke(app, ["validate", str(seed.FOLDER)])
    assert result.exit_code == 0, result.stdout


@pytest.mark.parametrize("seed", FIXTURES, ids=name)
def test_the_fixture_is_laid_out_as_fmt_lays_it_out(seed: ModuleType) -> None:
    result = runner.invoke(app, ["fmt", "--check", str(seed.FOLDER)])
    assert result.exit_code == 0, result.stdout


@pytest.mark.parametrize("seed", FIXTURES, ids=name)
def test_every_value_is_in_the_source_or_marked_as_filled(seed: ModuleType) -> None:
    assert unsourced(seed.FOLDER, seed.SOURCE, seed.FILLED, getattr(seed, "LABELS", ())) == []


@pytest.mark.parametrize("seed", FIXTURES, ids=name)
def test_the_element_table_fits_more_fully_than_before(seed: ModuleType) -> None:
    assert badly_classified(seed.PARTS) == []
    assert (fit_counts(seed.PARTS, "before"), fit_counts(seed.PARTS, "after")) == (seed.BEFORE, seed.AFTER)
    assert seed.AFTER["fully"] > seed.BEFORE["fully"]


def test_every_source_has_its_fixture() -> None:
    assert sorted(path.stem.partition("-")[2] for path in SOURCES.glob("*.txt")) == sorted(map(name, FIXTURES))
    assert all((SEEDS / name(seed)).is_dir() for seed in FIXTURES)


def test_a_value_the_source_does_not_give_is_found(tmp_path) -> None:
    folder = tmp_path / "seed"
    (folder / "objectives").mkdir(parents=True)
    (folder / "objectives" / "OBJ-1.yaml").write_text(
        "id: OBJ-1\ntitle: Fair commissioning\nlead: Chief Nurse\nstart: 2019-04-01\nend: 2023\n"
        "# filled: the page gives none\ncharacteristics: [race]\nmeasures:\n  - unit: percent\n    target: {value: 75}\n",
        encoding="utf-8")
    source = "Our objective: fair commissioning, 2019 to 2023, led by the Chief Nurse."
    assert unsourced(folder, source, {}) == [
        "objectives/OBJ-1.yaml:4 start: '2019-04-01' is not in the source",
        "objectives/OBJ-1.yaml:10 measures[0].target.value: '75' is not in the source"]
    assert unsourced(folder, source, {"2019-04-01": "a day filled in"}) == [
        "objectives/OBJ-1.yaml:4 start: '2019-04-01' is filled (a day filled in) without a comment saying so",
        "objectives/OBJ-1.yaml:10 measures[0].target.value: '75' is not in the source"]
