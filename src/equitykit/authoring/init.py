"""`equitykit init`: a records folder that validates clean the moment it is made.

It holds the organisation file, a README for the folder's users and the JSON Schemas its records
point editors at. The pre-commit configuration and the GitHub Actions workflow go where those tools
read them, at the top of the git repository holding the folder, pointed at it (`tooling`). It never
overwrites.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..atomic import atomic_write_text
from ..records.kinds import ORGANISATION, ORGANISATION_FILE
from ..records.organisation import NHS_SECTORS, Contact, Organisation, default_languages
from ..records.sectors import not_applicable_reason
from ..records.terms import plan_terms
from ..schemas import SCHEMAS_FOLDER, write_schemas
from .installation import this_installation
from .render import complete, render_record, welsh_beside_text
from .tooling import Placement, install_tooling

SCAFFOLD = {"README.md": "README.md.j2"}
"""Files of the records folder made from a template (the hooks and the workflow go at the repository's top)."""


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


@dataclass
class Initialised:
    """What `init` did: the files it wrote (or added to), and notes for the person about the rest."""

    written: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def yaml_scalar(text: str) -> str:
    """`text` as a YAML value on one line: as it is where YAML reads it back unchanged, else quoted."""
    import json

    plain = (text == text.strip() and ": " not in text and " #" not in text and not text.endswith(":")
             and text[:1] not in set("-?:,[]{}#&*!|>'\"%@`") and text.isprintable())
    return text if plain else json.dumps(text, ensure_ascii=False)


def init_folder(directory: Path, details: OrganisationDetails, as_of: dt.date) -> Initialised:
    """Write a new records folder, and its hooks and workflow at the repository's top (merged into an
    existing pre-commit configuration, never overwriting one); raise `FilesExist` (writing nothing) if
    any file of the folder is there."""
    from jinja2 import Environment, PackageLoader, StrictUndefined

    existing = [name for name in planned_files() if (directory / name).exists()]
    if existing:
        raise FilesExist(existing)
    environment = Environment(loader=PackageLoader("equitykit", "templates/init"), undefined=StrictUndefined,
                              keep_trailing_newline=True, autoescape=False)
    environment.filters["scalar"] = yaml_scalar
    placement = Placement.of(directory)
    installation = this_installation()
    values = {"name": details.name, "install": installation.command, "local": installation.local,
              "outcomes": plan_terms(details.jurisdiction).outcomes,
              "eds": not_applicable_reason(details.name, details.sector, details.jurisdiction, "eds") is None,
              **placement.template_values()}
    texts = {ORGANISATION_FILE: organisation_text(details, as_of)}
    for name, template in SCAFFOLD.items():
        texts[name] = environment.get_template(template).render(values)
    written = write_schemas(directory / SCHEMAS_FOLDER)
    for name, text in texts.items():
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, text)
        written.append(path)
    tooling = install_tooling(placement, environment.get_template("pre-commit-config.yaml.j2").render(values),
                              environment.get_template("workflow.yml.j2").render(values))
    return Initialised([*written, *tooling.written], tooling.notes)
