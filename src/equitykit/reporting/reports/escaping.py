"""Escaping for Markdown output, and links that are only ever http(s) or mailto.

Every value printed into a Markdown template goes through `markdown_text` (the environment's
finalize) unless a filter has already made it `MarkdownSafe`: `<` becomes `&lt;` (and `&` becomes
`&amp;` only where it would start an entity), and Markdown-significant characters are
backslash-escaped, so text from the records can neither open an HTML element nor start a Markdown
construct, yet reads as written in the raw Markdown ("E & D", "a > b"). A table cell holds one line:
`|` becomes `\\|` and the lines of a text are joined into one, with no HTML.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

from markupsafe import Markup, escape

from ...records.loader import CONTROL_CHARACTERS
from .document import ENGLISH_START, Link, passages, plain

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_INLINE = re.compile(r"([\\`*_\[\]|~])")
_BLOCK_START = re.compile(r"^(\s*)(#{1,6}(?=\s|$)|>|[-+](?=\s|$)|\d{1,9}[.)](?=\s|$)|=+(?=\s*$)|-+(?=\s*$))")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_ENTITY_START = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_SENTENCE_END = (".", "!", "?", ":", ";", ",")


def without_controls(text: str) -> str:
    """Text without control characters other than tab, new line and carriage return (never printed:
    a NUL is invalid in HTML, and an escape could act on a terminal)."""
    return CONTROL_CHARACTERS.sub("", text)


def html_finalize(value: object) -> object:
    """The HTML environment's finalize: text loses its control characters, then is autoescaped; a
    passage in English in a report in another language is escaped and wrapped in a `lang="en"` span."""
    if isinstance(value, str) and not isinstance(value, Markup):
        text = without_controls(value)
        return marked_passages(text, "span") if ENGLISH_START in text else text
    return value


def marked_passages(text: str, element: str) -> Markup:
    """Text escaped, each passage in English wrapped in `element` (span in HTML, tspan in SVG) with lang="en"."""
    return Markup("").join(Markup('<{0} lang="en">{1}</{0}>').format(Markup(element), words) if english
                           else escape(words) for words, english in passages(without_controls(text)))


def svg_text(value: object) -> Markup:
    """Text for an SVG <text>: escaped, passages in English as <tspan lang="en">."""
    return marked_passages(str(value), "tspan")


class MarkdownSafe(Markup):
    """Markdown already escaped (by a filter, or a macro's output): printed as it is."""


def markdown_finalize(value: object) -> Markup:
    """The Markdown environment's finalize: escape every printed value that is not already safe."""
    if isinstance(value, Markup):
        return value
    return MarkdownSafe(markdown_text(value))


def markdown_text(value: object) -> str:
    """Escape text for Markdown, keeping its lines; block-starting characters at line starts are escaped."""
    if isinstance(value, Markup):
        return value
    if value is None:
        return ""
    text = _ENTITY_START.sub("&amp;", without_controls(plain(str(value)))).replace("<", "&lt;")
    text = _INLINE.sub(r"\\\1", text)
    lines = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = line.strip()
        match = _BLOCK_START.match(line)
        if match:
            marker = match.group(2)
            cut = len(marker) - 1 if marker[-1] in ".)" else 0
            line = line[: match.start(2)] + marker[:cut] + "\\" + marker[cut:] + line[match.end(2):]
        lines.append(line)
    return "\n".join(lines)


def markdown_inline(value: object) -> MarkdownSafe:
    """Escape text for a single line (a heading or list item): new lines become spaces."""
    if isinstance(value, Markup):  # already safe (a filter's or a macro's output)
        return MarkdownSafe(value)
    return MarkdownSafe(" ".join(markdown_text(value).split("\n")))


def markdown_cell(value: object) -> MarkdownSafe:
    """Escape text for a Markdown table cell: `|` escaped, its lines joined into one (a line that does not
    end a sentence is followed by `;`), so the cell needs no HTML line break."""
    if isinstance(value, Markup):  # already safe (a filter's or a macro's output)
        return MarkdownSafe(value)
    lines = [line for line in markdown_text(value).split("\n") if line]
    joined = "".join(line + ("" if line.endswith(_SENTENCE_END) else ";") + " " for line in lines[:-1])
    return MarkdownSafe(joined + (lines[-1] if lines else ""))


def markdown_link(link: Link) -> MarkdownSafe:
    """A Markdown link when the target is safe, else the link's text alone."""
    text = markdown_inline(link.text)
    if link.href is None:
        return text
    target = quote(link.href, safe=":/?#[]@!$&'*+,;=%~.-_")
    target = target.replace("(", "%28").replace(")", "%29")
    return MarkdownSafe(f"[{text}]({target})")


def markdown_bold(value: object) -> MarkdownSafe:
    """Escaped text in bold."""
    text = markdown_inline(value)
    return MarkdownSafe(f"**{text}**") if text else text


def markdown_heading(level: int) -> MarkdownSafe:
    """The `#` marks of a heading of `level` (1 to 6)."""
    return MarkdownSafe("#" * max(1, min(6, int(level))))


def markdown_anchor_link(section: object) -> MarkdownSafe:
    """A link to a section's heading: its escaped heading text and its anchor."""
    heading, target = getattr(section, "heading", ""), getattr(section, "id", "")
    return MarkdownSafe(f"[{markdown_inline(heading)}](#{quote(str(target))})")


def safe_href(url: str | None) -> str | None:
    """The URL if it is an absolute http(s) or mailto address, else None (never a link)."""
    if not url:
        return None
    url = url.strip()
    if _CONTROL.search(url) or " " in url:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in SAFE_SCHEMES:
        return None
    if parts.scheme.lower() in {"http", "https"} and not parts.netloc:
        return None
    if parts.scheme.lower() == "mailto" and not parts.path:
        return None
    return url


def link(text: str, url: str | None) -> Link:
    """A link whose target is kept only if safe; an unsafe target is shown as text."""
    href = safe_href(url)
    if href is None and url and text != url:
        return Link(f"{text} ({url})", None)
    return Link(text, href)


def anchor(text: str) -> str:
    """A GitHub-style heading anchor: lower case, punctuation removed, spaces as hyphens."""
    slug = re.sub(r"[^\w\- ]", "", text.lower(), flags=re.UNICODE)
    return re.sub(r" ", "-", slug.strip()) or "section"
