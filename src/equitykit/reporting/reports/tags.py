"""Tags as reports show them: "High impact action 3", "WRES indicator 2", or a body's own ("Priority area 2:
Inclusive recruitment"), never the slug."""

from __future__ import annotations

from collections.abc import Iterable

from ...i18n import N_, _
from ...records.tags import BUILT_IN_TAGS, split_tag
from .context import Builder

FRAMEWORK_NAMES = {
    "wres": N_("Workforce Race Equality Standard"),
    "wdes": N_("Workforce Disability Equality Standard"),
    "hia": N_("NHS EDI Improvement Plan (June 2023)"),
    "psed": N_("Public Sector Equality Duty"),
    "eds": N_("Equality Delivery System"),
}
"""The frameworks a plan may answer to (records/plan.py), by slug; a body's own go by the name it declares."""


def framework_text(builder: Builder, slug: str) -> str:
    """A plan's framework in words, in the report's language: a built-in one's name, or the body's own."""
    if slug in FRAMEWORK_NAMES:
        return _(FRAMEWORK_NAMES[slug])
    declared = next((own for own in builder.organisation.tags if own.framework == slug), None)
    return builder.text(declared, "name") if declared else slug


def tag_text(builder: Builder, tag: str) -> str:
    """A tag in words, in the report's language."""
    name, code = split_tag(tag)
    framework = BUILT_IN_TAGS.get(name)
    if framework is not None:
        return _(framework.label).format(code=code)
    declared = next((own for own in builder.organisation.tags if own.framework == name), None)
    if declared is None:
        return tag
    item = next((own for own in declared.tags if own.code == code), None)
    label = _("{framework} {code}").format(framework=builder.text(declared, "name"), code=code)
    return _("{tag}: {title}").format(tag=label, title=builder.text(item, "title")) if item else label


def tag_names(builder: Builder, tags: Iterable[str]) -> str:
    """Several tags in words, one a line."""
    return "\n".join(tag_text(builder, tag) for tag in tags)
