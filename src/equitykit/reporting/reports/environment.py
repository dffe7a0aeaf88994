"""The Jinja environment reports are rendered in: sandboxed, escaping everything, user templates first.

Templates are found, in order, in the `--templates` folder, in `templates/` under the records root,
and in the templates shipped with equitykit; a file of the same name earlier in the chain wins.
HTML templates are autoescaped; Markdown templates are autoescaped too, with a finalize that escapes
every printed value for Markdown first (see escaping.py), so macros' output is not escaped twice.
Templates run in Jinja's sandbox with strict undefined values: reaching for Python internals or
undefined names fails with a `ReportError`, which the command reports as a usage error.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from .document import Report
from .escaping import (
    markdown_anchor_link,
    markdown_bold,
    markdown_cell,
    markdown_finalize,
    markdown_heading,
    markdown_inline,
    markdown_link,
)

FORMATS = ("md", "html")


class ReportError(Exception):
    """A report cannot be rendered: a template is missing, broken or unsafe."""


def template_loader(root: Path | None, templates: Path | None) -> jinja2.BaseLoader:
    """The loader chain: --templates DIR, then <root>/templates, then the packaged templates."""
    loaders: list[jinja2.BaseLoader] = []
    if templates is not None:
        loaders.append(jinja2.FileSystemLoader(str(templates), followlinks=False))
    if root is not None and (root / "templates").is_dir():
        loaders.append(jinja2.FileSystemLoader(str(root / "templates"), followlinks=False))
    loaders.append(jinja2.PackageLoader("equitykit", "templates"))
    return jinja2.ChoiceLoader(loaders)


def environment(output_format: str, loader: jinja2.BaseLoader) -> SandboxedEnvironment:
    """A sandboxed environment for one output format."""
    if output_format not in FORMATS:
        raise ReportError(f"unknown format {output_format!r}; choose md or html")
    markdown = output_format == "md"
    env = SandboxedEnvironment(
        loader=loader,
        autoescape=True,
        finalize=markdown_finalize if markdown else None,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(
        md_bold=markdown_bold,
        md_heading=markdown_heading,
        md_anchor_link=markdown_anchor_link,
        md_inline=markdown_inline,
        md_cell=markdown_cell,
        md_link=markdown_link,
    )
    return env


def tidy_markdown(text: str) -> str:
    """At most one blank line in a row, no trailing spaces at line ends, one final new line."""
    lines = [line.rstrip() for line in text.split("\n")]
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    return "\n".join(kept).strip("\n") + "\n"


def render(report: Report, output_format: str, root: Path | None = None,
           templates: Path | None = None) -> str:
    """Render a report with `<kind>.<format>.j2`, found through the loader chain."""
    env = environment(output_format, template_loader(root, templates))
    name = f"{report.kind}.{output_format}.j2"
    try:
        template = env.get_template(name)
        text = template.render(report=report)
        return tidy_markdown(text) if output_format == "md" else text
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
