"""Record text in Welsh beside the English: a shown text field `title` may have its Welsh version in
`title_cy`, in the same mapping (a record, an update, a step)."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

WELSH_SUFFIX = "_cy"


@dataclass(frozen=True)
class LocalText:
    """Text as a report shows it in one language: the words, the language they are in, and whether
    they stand in for a translation the records do not have (English shown in a Welsh report)."""

    text: str
    language: str
    missing: bool = False


def text_in(part: BaseModel, field: str, language: str) -> LocalText | None:
    """Field `field` of a record part in `language`: its Welsh version for `cy` where recorded, otherwise
    the English marked as a missing translation; None when the field itself is empty."""
    english = getattr(part, field)
    if english is None:
        return None
    if language != "cy":
        return LocalText(str(english), "en")
    welsh = getattr(part, field + WELSH_SUFFIX, None)
    if welsh is not None:
        return LocalText(str(welsh), "cy")
    return LocalText(str(english), "en", missing=True)
