"""Tags by framework on actions and objectives: `hia:3`, `wres:2`, `wdes:4`, or a body's own (`priority:2`).

Built in: the nine WRES indicators, the ten WDES metrics (with the parts NHS England numbers 4a, 4b, 9a and
9b) and the six high impact actions of NHS England's EDI Improvement Plan (June 2023, domain-rules.md §8.4).
A body declares its own frameworks (its priority areas) under `tags:` in equitykit.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import Field

from ..i18n import N_
from .bilingual import welsh
from .common import Model, Slug, Text
from .suggest import closest, did_you_mean

TAG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*:[A-Za-z0-9][A-Za-z0-9.-]*$"
TagRef = Annotated[str, Field(pattern=TAG_PATTERN, json_schema_extra={"examples": ["hia:3", "wres:2", "wdes:4"]})]
"""A tag: the framework and the code in it, e.g. hia:3 (high impact action 3) or wres:2 (WRES indicator 2)."""


@dataclass(frozen=True)
class TagFramework:
    """A vocabulary of tags: its slug, how one of its tags reads ("WRES indicator {code}"), and its codes with
    their titles (None where the label says enough)."""

    slug: str
    label: str
    codes: dict[str, str | None]
    own: bool = False


WRES_TAGS = TagFramework("wres", N_("WRES indicator {code}"), {str(n): None for n in range(1, 10)})
WDES_TAGS = TagFramework("wdes", N_("WDES metric {code}"),
                         {code: None for code in ("1", "2", "3", "4", "4a", "4b", "5", "6", "7", "8", "9", "9a",
                                                  "9b", "10")})
HIA_TAGS = TagFramework("hia", N_("High impact action {code}"), {
    "1": N_("Chairs, chief executives and board members have specific, measurable (SMART) EDI objectives"),
    "2": N_("Fair and inclusive recruitment and talent management addressing under-representation"),
    "3": N_("Eliminate pay gaps"),
    "4": N_("Address health inequalities in the workforce"),
    "5": N_("Induction, onboarding and development for internationally recruited staff"),
    "6": N_("Eliminate conditions for bullying, discrimination, harassment and violence"),
})
"""NHS England's EDI Improvement Plan (8 June 2023): the six high impact actions, as domain-rules.md §8.4 words them."""
BUILT_IN_TAGS: dict[str, TagFramework] = {framework.slug: framework for framework in (WRES_TAGS, WDES_TAGS, HIA_TAGS)}
"""The frameworks equitykit knows: WRES indicators, WDES metrics, the EDI Improvement Plan's high impact actions."""


PLAN_FRAMEWORKS = ("psed", "eds")
"""Frameworks a plan may answer to beyond those of tags: the general duty's objectives, the EDS."""


class OwnTag(Model):
    """One tag of a body's own framework, e.g. one of its priority areas."""

    code: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9.-]*$")] = Field(
        description="The code written after the framework in a tag, e.g. 2 in priority:2.", examples=["2"])
    title: Text = Field(description="What the tag stands for, as the body publishes it.",
                        examples=["Inclusive recruitment"])
    title_cy: Text | None = welsh("title")


class OwnTagFramework(Model):
    """A body's own framework of tags, e.g. its priority areas."""

    framework: Slug = Field(description="The slug written before the colon in a tag, e.g. priority.",
                            examples=["priority"])
    name: Text = Field(description="How one of its tags reads in reports, e.g. Priority area.",
                       examples=["Priority area"])
    name_cy: Text | None = welsh("name")
    tags: list[OwnTag] = Field(min_length=1, description="Its tags, each with a code and a title.")


def split_tag(tag: str) -> tuple[str, str]:
    """A tag's framework and code: hia:3 is ("hia", "3")."""
    framework, _, code = tag.partition(":")
    return framework, code


def own_framework(declared: OwnTagFramework) -> TagFramework:
    """A body's own framework as a vocabulary (its label and titles are the body's text, not catalogue text)."""
    return TagFramework(declared.framework, declared.name + " {code}", {tag.code: tag.title for tag in declared.tags},
                        own=True)


def tag_frameworks(organisation: Any) -> dict[str, TagFramework]:
    """The frameworks of tags a body may use: the built-in ones and its own (none when its file is invalid)."""
    own = [own_framework(declared) for declared in organisation.tags] if organisation is not None else []
    return {**BUILT_IN_TAGS, **{framework.slug: framework for framework in own}}


def unknown_tag(tag: str, frameworks: dict[str, TagFramework]) -> str | None:
    """Why a tag is not in the vocabulary (with the nearest one), or None when it is."""
    name, code = split_tag(tag)
    framework = frameworks.get(name)
    if framework is None:
        return (f"`{name}` in `{tag}` is not a framework of tags: use wres:, wdes: or hia: (the EDI Improvement "
                f"Plan's high impact actions), or declare it under tags: in equitykit.yaml"
                f"{did_you_mean(name, frameworks)}")
    if code not in framework.codes:
        guess = closest(code, framework.codes)
        return (f"`{tag}` is not a tag of {name}: its codes are {', '.join(framework.codes)}"
                + (f"; did you mean `{name}:{guess}`?" if guess else ""))
    return None
