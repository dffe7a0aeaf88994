"""The Jinja environment reports are rendered in: sandboxed, escaping everything, user templates first.

Templates are found, in order, in the `--templates` folder, in `templates/` under the records root,
and in the templates shipped with equitykit; a file of the same name earlier in the chain wins.
HTML templates are autoescaped; Markdown templates are autoescaped too, with a finalize that escapes
every printed value for Markdown first (see escaping.py), so macros' output is not escaped twice.
Templates run in Jinja's sandbox with strict undefined values: reaching for Python internals or
undefined names fails with a `ReportError`, which the command reports as a usage error.
Fixed words in templates are written `{{ _("Contents") }}` (Jinja's i18n extension, with equitykit's
catalogues): plain text in the language of the report being laid out, escaped like any other value.
"""

from __future__ import annotations

import functools
import math
import operator
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from markupsafe import Markup

from ...i18n import _, current_language, language, ngettext
from .document import Report, plain, with_anchor_prefix
from .escaping import (
    html_finalize,
    markdown_anchor_link,
    markdown_bold,
    markdown_cell,
    markdown_finalize,
    markdown_heading,
    markdown_inline,
    markdown_link,
    svg_text,
)

FORMATS = ("md", "html")
MAX_SIZE = 1_000_000
"""The largest number a template may pass as a size (a range, a width, a repeat count), and the
longest text or list it may build with `*`: enough for any report, too little to exhaust memory."""
MAX_OUTPUT_CHARS = 64 * 1024 * 1024
_WIDE_FORMAT = re.compile(r"\d{7,}")


class ReportError(Exception):
    """A report cannot be rendered: a template is missing, broken or unsafe."""


class ConfinedLoader(jinja2.FileSystemLoader):
    """Templates from one folder, never from outside it: a symbolic link that leads out is not followed."""

    def __init__(self, folder: Path) -> None:
        super().__init__(str(folder), followlinks=False)
        self.folder = folder

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Any]:
        path = self.folder.joinpath(*jinja2.loaders.split_template_path(template))
        if path.is_file() and not path.resolve().is_relative_to(self.folder.resolve()):
            raise SecurityError(f"template {template!r} in {self.folder} is a link to a file outside that "
                                "folder, which is not followed; copy the file in instead")
        return super().get_source(environment, template)


def user_template_folders(root: Path | None, templates: Path | None) -> list[Path]:
    """The folders searched before the packaged templates: --templates DIR, then <root>/templates."""
    folders = [] if templates is None else [templates]
    if root is not None and (root / "templates").is_dir() and (root / "templates").resolve().is_relative_to(
            root.resolve()):
        folders.append(root / "templates")
    return folders


def template_loader(root: Path | None, templates: Path | None) -> jinja2.BaseLoader:
    """The loader chain: --templates DIR, then <root>/templates, then the packaged templates."""
    loaders: list[jinja2.BaseLoader] = [ConfinedLoader(folder) for folder in user_template_folders(root, templates)]
    loaders.append(jinja2.PackageLoader("equitykit", "templates"))
    return jinja2.ChoiceLoader(loaders)


def _check_size(value: object) -> None:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_SIZE:
        raise SecurityError(f"the number {value} is larger than a template may use as a size ({MAX_SIZE:,})")


class BoundedSandbox(SandboxedEnvironment):
    """Jinja's sandbox, also refusing what would exhaust memory: a size argument (a range, a width, a
    repeat count) above MAX_SIZE, text or lists built longer than that with `*`, huge powers, and format
    strings with huge widths. Ranges are capped by Jinja's own MAX_RANGE too."""

    intercepted_binops = frozenset({"*", "**", "%"})

    def call_binop(self, context: jinja2.runtime.Context, op: str, left: Any, right: Any) -> Any:
        if op == "*":
            for sequence, count in ((left, right), (right, left)):
                if isinstance(sequence, (str, list, tuple)) and isinstance(count, int):
                    if len(sequence) * count > MAX_SIZE:
                        raise SecurityError(f"`*` would build something longer than {MAX_SIZE:,}")
        elif op == "**" and isinstance(left, (int, float)) and isinstance(right, (int, float)):
            if abs(left) > 1 and right > 0 and right * math.log2(abs(left)) > 64 * 1024:
                raise SecurityError("`**` would build a number too large to print")
        elif op == "%" and isinstance(left, str) and _WIDE_FORMAT.search(left):
            raise SecurityError("a format string with a width of a million or more is not allowed")
        return {"*": operator.mul, "**": operator.pow, "%": operator.mod}[op](left, right)

    def call(__self, __context: jinja2.runtime.Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        for value in (*args, *kwargs.values()):
            _check_size(value)
        return super().call(__context, __obj, *args, **kwargs)

    def wrap_str_format(self, value: Any) -> Any:
        wrapped = super().wrap_str_format(value)
        if wrapped is not None and _WIDE_FORMAT.search(value.__self__):
            raise SecurityError("a format string with a width of a million or more is not allowed")
        return wrapped


def _bounded_filter(function: Any) -> Any:
    """A filter that refuses size arguments above MAX_SIZE (`center(10**9)`, `indent(10**9)`) and
    `format` strings with huge widths."""
    first = 2 if hasattr(function, "jinja_pass_arg") else 1  # the context or environment, then the value

    def bounded(*args: Any, **kwargs: Any) -> Any:
        for value in (*args[first:], *kwargs.values()):
            _check_size(value)
        value = args[first - 1] if len(args) >= first else None
        if function is jinja2.filters.do_format and isinstance(value, str) and _WIDE_FORMAT.search(value):
            raise SecurityError("a format string with a width of a million or more is not allowed")
        return function(*args, **kwargs)

    if hasattr(function, "jinja_pass_arg"):
        bounded.jinja_pass_arg = function.jinja_pass_arg  # type: ignore[attr-defined]
    return bounded


def _part_language(context: jinja2.runtime.Context) -> str:
    """The language of the report being laid out: that of `report` (one part of a bilingual document)."""
    return getattr(context.get("report"), "language", current_language())


@jinja2.pass_context
def _template_gettext(context: jinja2.runtime.Context, message: str) -> str:
    """`_()` in a template: the message in the language of the report (or part) being laid out."""
    with language(_part_language(context)):
        return _(message)


@jinja2.pass_context
def _template_ngettext(context: jinja2.runtime.Context, singular: str, plural: str, count: int) -> str:
    with language(_part_language(context)):
        return ngettext(singular, plural, count)


def _fill_html(message: str, **values: object) -> Markup:
    """A message of the catalogue with its named %(placeholders)s filled, the values escaped (the message
    is equitykit's own words)."""
    return Markup(message) % {name: html_finalize(value) for name, value in values.items()}


def _fill_markdown(message: str, **values: object) -> str:
    """A message of the catalogue with its named %(placeholders)s filled; escaped as a whole when printed."""
    return message % values


def environment(output_format: str, loader: jinja2.BaseLoader) -> SandboxedEnvironment:
    """A sandboxed environment for one output format."""
    if output_format not in FORMATS:
        raise ReportError(f"unknown format {output_format!r}; choose md or html")
    markdown = output_format == "md"
    env = BoundedSandbox(
        loader=loader,
        autoescape=True,
        finalize=markdown_finalize if markdown else html_finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=_template_gettext, ngettext=_template_ngettext, newstyle=False)
    env.filters.update(
        plain=plain,
        svg_text=svg_text,
        fill=_fill_markdown if markdown else _fill_html,
        md_bold=markdown_bold,
        md_heading=markdown_heading,
        md_anchor_link=markdown_anchor_link,
        md_inline=markdown_inline,
        md_cell=markdown_cell,
        md_link=markdown_link,
    )
    env.filters.update({name: _bounded_filter(function) for name, function in env.filters.items()})
    return env


@functools.cache
def _packaged_environment(output_format: str) -> SandboxedEnvironment:
    """The environment of the packaged templates alone, made once: they cannot change while equitykit runs,
    so each template is compiled once however many reports a process renders."""
    return environment(output_format, template_loader(None, None))


def report_environment(output_format: str, root: Path | None, templates: Path | None) -> SandboxedEnvironment:
    """The environment a report is rendered in: a fresh one over the user's template folders, if any
    (so an edited template is read again), else the packaged templates' shared one."""
    if user_template_folders(root, templates):
        return environment(output_format, template_loader(root, templates))
    return _packaged_environment(output_format)


def tidy_markdown(text: str) -> str:
    """At most one blank line in a row, no trailing spaces at line ends, one final new line."""
    lines = [line.rstrip() for line in text.split("\n")]
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    return "\n".join(kept).strip("\n") + "\n"


def _bounded_render(template: jinja2.Template, reports: Sequence[Report], layout: str | None) -> str:
    """The rendered text, refusing output longer than MAX_OUTPUT_CHARS (a loop gone wild)."""
    parts: list[str] = []
    size = 0
    for part in template.generate(report=reports[0], parts=reports, layout=layout):
        size += len(part)
        if size > MAX_OUTPUT_CHARS:
            raise SecurityError(f"the report would be longer than {MAX_OUTPUT_CHARS // 1048576} MB")
        parts.append(part)
    return "".join(parts)


def render(report: Report | Sequence[Report], output_format: str, root: Path | None = None,
           templates: Path | None = None, layout: str | None = None) -> str:
    """Render a report with `<kind>.<format>.j2`, found through the loader chain, in the report's language.

    Given several reports (the same report in each language), one bilingual document: the first report's
    language is the document's, each part is in its own, and `layout` (side-by-side or welsh-first) says
    how the parts are placed in HTML (in Markdown they follow each other)."""
    reports = [report] if isinstance(report, Report) else list(report)
    if len(reports) > 1 and output_format == "html":
        reports = [with_anchor_prefix(part, f"{part.language}-") for part in reports]
    name = f"{reports[0].kind}.{output_format}.j2"
    env = report_environment(output_format, root, templates)
    try:
        template = env.get_template(name)
        with language(reports[0].language):
            text = _bounded_render(template, reports, layout if len(reports) > 1 else None)
        return tidy_markdown(text) if output_format == "md" else text
    except MemoryError:
        raise ReportError(f"template {name} needs more memory than there is; simplify it") from None
    except SecurityError as exc:
        raise ReportError(f"a template tried something unsafe and was stopped: {exc}") from None
    except jinja2.TemplateNotFound as exc:
        raise ReportError(f"template {exc.name!r} not found in the --templates folder, the records' "
                          "templates/ folder or equitykit's own templates") from None
    except jinja2.TemplateSyntaxError as exc:
        where = f"{exc.filename or exc.name or name}, line {exc.lineno}"
        raise ReportError(f"template error in {where}: {exc.message}") from None
    except jinja2.UndefinedError as exc:
        raise ReportError(f"template {name} used something that does not exist or is not allowed: "
                          f"{exc.message}") from None
    except jinja2.TemplateError as exc:
        raise ReportError(f"template {name} failed: {exc.message or exc}") from None
    except (TypeError, ValueError, AttributeError, ArithmeticError, LookupError) as exc:
        raise ReportError(f"template {name} failed: {type(exc).__name__}: {exc}") from None
    except OSError as exc:
        raise ReportError(f"cannot read a template: {exc.strerror or exc}") from None
