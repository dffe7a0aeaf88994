"""Tags as reports show them: "High impact action 3", "WRES indicator 2", or a body's own ("Priority area 2:
Inclusive recruitment"), never the slug."""

from __future__ import annotations

from collections.abc import Iterable

from ...i18n import _
from ...records.tags import BUILT_IN_TAGS, split_tag
from .context import Builder


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
