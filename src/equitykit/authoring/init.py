"""`equitykit init`: a records folder that validates clean the moment it is made.

It holds the organisation file, a README for the folder's users, the JSON Schemas its records
point editors at, a pre-commit configuration and a GitHub Actions workflow. It never overwrites.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..atomic import atomic_write_text
from ..records.kinds import ORGANISATION, ORGANISATION_FILE
from ..records.organisation import NHS_SECTORS, Contact, Organisation, default_languages
from ..schemas import SCHEMAS_FOLDER, write_schemas
from .installation import this_installation
from .render import complete, render_record, welsh_beside_text

SCAFFOLD = {
    "README.md": "README.md.j2",
    ".pre-commit-config.yaml": "pre-commit-config.yaml.j2",
    ".github/workflows/equitykit.yml": "workflow.yml.j2",
}


class FilesExist(Exception):
    """Some of the files `init` would write are already there; nothing was written."""

    def __init__(self, files: list[str]):
        super().__init__(", ".join(files))
        self.files = files


@dataclass(frozen=True)
class OrganisationDetails:
    """What `init` asks for: the body's name, sector, jurisdiction, employee headcount and the date it
    was established (its calendar starts there; None leaves it out)."""

    name: str
    sector: str
    jurisdiction: str
    headcount: int
    established: dt.date | None = None
    name_cy: str | None = None
    """The body's name in Welsh, for a body that publishes in Welsh."""


def latest_31_march(as_of: dt.date) -> dt.date:
    """The latest 31 March on or before `as_of`: the snapshot date of the headcount."""
    this_year = dt.date(as_of.year, 3, 31)
    return this_year if this_year <= as_of else dt.date(as_of.year - 1, 3, 31)


def planned_files() -> list[str]:
    """Every file `init` writes, relative to the folder."""
    from ..records.kinds import ALL_KINDS

    schemas = [f"{SCHEMAS_FOLDER}/{kind.name}.schema.json" for kind in ALL_KINDS]
    return [ORGANISATION_FILE, *SCAFFOLD, *schemas]


def organisation_text(details: OrganisationDetails, as_of: dt.date) -> str:
    """The organisation file, every field present with a comment saying what to write."""
    values = {
        "name": details.name,
        "name_cy": details.name_cy,
        "sector": details.sector,
        "jurisdiction": details.jurisdiction,
        "established": details.established,
        "headcount": [{"date": latest_31_march(as_of), "employees": details.headcount}],
        "eds_framework": "eds2022" if details.sector in NHS_SECTORS else None,
        "alternative_formats": complete(Contact, {}),
    }
    header = [ORGANISATION.schema_comment(), "Who the organisation is, and so which equality duties apply."]
    welsh = "cy" in default_languages(details.jurisdiction)
    return render_record(Organisation, welsh_beside_text(complete(Organisation, values), welsh), header)


def init_folder(directory: Path, details: OrganisationDetails, as_of: dt.date) -> list[Path]:
    """Write a new records folder; raise `FilesExist` (writing nothing) if any file is there."""
    from jinja2 import Environment, PackageLoader, StrictUndefined

    existing = [name for name in planned_files() if (directory / name).exists()]
    if existing:
        raise FilesExist(existing)
    environment = Environment(loader=PackageLoader("equitykit", "templates/init"), undefined=StrictUndefined,
                              keep_trailing_newline=True, autoescape=False)
    texts = {ORGANISATION_FILE: organisation_text(details, as_of)}
    installation = this_installation()
    for name, template in SCAFFOLD.items():
        texts[name] = environment.get_template(template).render(
            name=details.name, install=installation.command, local=installation.local)
    written = write_schemas(directory / SCHEMAS_FOLDER)
    for name, text in texts.items():
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, text)
        written.append(path)
    return written
