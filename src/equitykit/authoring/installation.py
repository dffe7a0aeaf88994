"""Where this equitykit was installed from, as `pip install` would take it again.

`init` writes a CI workflow that installs the same equitykit the user has: from the git URL and commit,
the archive, or the folder they installed from (PEP 610's `direct_url.json`), or the released version
from the package index when there is no such record.
"""

from __future__ import annotations

import json
import shlex
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, distribution
from urllib.parse import unquote, urlsplit

from .. import __version__

PACKAGE = "equitykit"


@dataclass(frozen=True)
class Installation:
    """What `pip install` needs to install this equitykit again, and whether only this computer can."""

    requirement: str
    local: bool = False

    @property
    def command(self) -> str:
        """The shell command that installs it."""
        return f"pip install {shlex.quote(self.requirement)}"


def installation_from(direct_url: str | None, version: str = __version__) -> Installation:
    """The installation described by the text of a `direct_url.json` (None: installed from the package index)."""
    if not direct_url:
        return Installation(f"{PACKAGE}=={version}")
    record = json.loads(direct_url)
    url = record["url"]
    if "vcs_info" in record:
        vcs = record["vcs_info"]
        subdirectory = f"#subdirectory={record['subdirectory']}" if record.get("subdirectory") else ""
        return Installation(f"{PACKAGE} @ {vcs['vcs']}+{url}@{vcs['commit_id']}{subdirectory}",
                            local=url.startswith("file:"))
    if url.startswith("file:"):  # a folder (dir_info) or an archive on this computer
        return Installation(unquote(urlsplit(url).path), local=True)
    return Installation(f"{PACKAGE} @ {url}")


def this_installation() -> Installation:
    """How the running equitykit was installed."""
    try:
        return installation_from(distribution(PACKAGE).read_text("direct_url.json"))
    except PackageNotFoundError:  # running from a source tree that was never installed
        return installation_from(None)
