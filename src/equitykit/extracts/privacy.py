"""Where a staff-level extract sits: it belongs outside the records folder and outside git."""

from __future__ import annotations

import subprocess
from pathlib import Path


def exposure_warnings(extract: Path, root: Path | None) -> list[str]:
    """Warnings for an extract inside the records folder at `root`, or tracked by git."""
    warnings = []
    resolved = extract.resolve()
    if root is not None and resolved.is_relative_to(root.resolve()):
        warnings.append(f"{extract} is inside the records folder {root}; staff-level data does not belong "
                        "there: move it out")
    if _tracked_by_git(resolved):
        warnings.append(f"{extract} is tracked by git, so everyone with the repository has it: remove it "
                        "(git rm --cached), keep it out of the repository, and ask whoever looks after the "
                        "repository whether its history needs cleaning")
    return warnings


def _tracked_by_git(path: Path) -> bool:
    try:
        result = subprocess.run(["git", "-C", str(path.parent), "ls-files", "--error-unmatch", "--", path.name],
                                capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return False
    return result.returncode == 0
