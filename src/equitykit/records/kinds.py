"""The record kinds: which folder holds each, and the model that validates it."""

from __future__ import annotations

from dataclasses import dataclass

from .action import Action
from .common import Model, Record
from .eds import Eds
from .eia import Eia
from .engagement import Engagement
from .highlight import Highlight
from .objective import Objective
from .organisation import Organisation
from .paygap import PayGap
from .plan import Plan
from .publication import Publication
from .root import ORGANISATION_FILE
from .workforce import Workforce


@dataclass(frozen=True)
class Kind:
    """A kind of record: its name, its folder (None for the organisation file) and its model."""

    name: str
    folder: str | None
    model: type[Model]
    title: str

    def schema_comment(self) -> str:
        """The comment that points an editor (yaml-language-server) at the kind's JSON Schema."""
        prefix = "" if self.folder is None else "../"
        return f"yaml-language-server: $schema={prefix}schemas/{self.name}.schema.json"


ORGANISATION = Kind("organisation", None, Organisation, "Organisation")
RECORD_KINDS: tuple[Kind, ...] = (
    Kind("objective", "objectives", Objective, "Equality objective"),
    Kind("plan", "plans", Plan, "Action plan"),
    Kind("action", "actions", Action, "Action"),
    Kind("eia", "eias", Eia, "Equality impact assessment"),
    Kind("eds", "eds", Eds, "EDS assessment"),
    Kind("workforce", "workforce", Workforce, "Workforce snapshot"),
    Kind("paygap", "paygap", PayGap, "Gender pay gap figures"),
    Kind("publication", "publications", Publication, "Publication"),
    Kind("engagement", "engagement", Engagement, "Engagement activity"),
    Kind("highlight", "highlights", Highlight, "Highlight of the year"),
)
ALL_KINDS: tuple[Kind, ...] = (ORGANISATION, *RECORD_KINDS)
KINDS_BY_NAME = {kind.name: kind for kind in ALL_KINDS}
KINDS_BY_FOLDER = {kind.folder: kind for kind in RECORD_KINDS}



def kind_of_path(relative: str) -> Kind | None:
    """The kind of a file from its path relative to the root, e.g. `actions/ACT-001.yaml`."""
    parts = relative.replace("\\", "/").split("/")
    if parts == [ORGANISATION_FILE]:
        return ORGANISATION
    if len(parts) == 2 and parts[1].endswith((".yaml", ".yml")):
        return KINDS_BY_FOLDER.get(parts[0])
    return None


__all__ = ["ALL_KINDS", "KINDS_BY_FOLDER", "KINDS_BY_NAME", "Kind", "ORGANISATION", "RECORD_KINDS",
           "ORGANISATION_FILE", "Record", "kind_of_path"]
