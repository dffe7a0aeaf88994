"""init's CI workflow installs the same equitykit the user installed: PEP 610's direct_url.json read back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from equitykit.authoring.installation import Installation, installation_from, this_installation
from equitykit.cli import app

PROJECT = Path(__file__).resolve().parents[2]
SHA = "0123456789abcdef0123456789abcdef01234567"


@pytest.mark.parametrize(("direct_url", "expected"), [
    (None, Installation("equitykit==0.1.0")),
    ({"url": "https://github.com/equitykit/equitykit.git",
      "vcs_info": {"vcs": "git", "commit_id": SHA, "requested_revision": "main"}},
     Installation(f"equitykit @ git+https://github.com/equitykit/equitykit.git@{SHA}")),
    ({"url": "https://example.org/tools.git", "subdirectory": "equitykit",
      "vcs_info": {"vcs": "git", "commit_id": SHA}},
     Installation(f"equitykit @ git+https://example.org/tools.git@{SHA}#subdirectory=equitykit")),
    ({"url": "file:///home/lead/equitykit", "vcs_info": {"vcs": "git", "commit_id": SHA}},
     Installation(f"equitykit @ git+file:///home/lead/equitykit@{SHA}", local=True)),
    ({"url": "https://example.org/equitykit-0.1.0.tar.gz", "archive_info": {"hashes": {"sha256": "ab"}}},
     Installation("equitykit @ https://example.org/equitykit-0.1.0.tar.gz")),
    ({"url": "file:///home/lead/My%20Tools/equitykit", "dir_info": {"editable": True}},
     Installation("/home/lead/My Tools/equitykit", local=True)),
])
def test_installation_is_read_from_direct_url_json(direct_url: dict | None, expected: Installation) -> None:
    assert installation_from(json.dumps(direct_url) if direct_url else None, "0.1.0") == expected


def test_install_command_is_quoted_for_the_shell() -> None:
    assert Installation("/home/lead/My Tools/equitykit").command == "pip install '/home/lead/My Tools/equitykit'"
    assert Installation(f"equitykit @ git+https://x.org/e.git@{SHA}").command == (
        f"pip install 'equitykit @ git+https://x.org/e.git@{SHA}'")


def test_init_workflow_installs_from_where_this_equitykit_came_from(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["init", str(tmp_path / "trust"), "--name", "A Trust", "--sector", "icb",
                                      "--jurisdiction", "england", "--headcount", "300"])
    assert result.exit_code == 0, result.output
    assert this_installation() == Installation(str(PROJECT), local=True)  # the tests run an editable install
    workflow_text = (tmp_path / "trust" / ".github" / "workflows" / "equitykit.yml").read_text()
    steps = YAML(typ="safe").load(workflow_text)["jobs"]["records"]["steps"]
    assert {"run": f"pip install {PROJECT}"} in steps
    assert "a hosted\n      # runner cannot see it" in workflow_text  # said, since only this computer has it
    hooks = (tmp_path / "trust" / ".pre-commit-config.yaml").read_text()
    assert f"pip install {PROJECT}" in hooks and "repo: local" in hooks
