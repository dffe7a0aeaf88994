"""Colours of the HTML report: WCAG 2.2 contrast ratios, and a safe primary colour."""

from __future__ import annotations

import base64
from pathlib import Path

from ...records.organisation import Organisation
from .document import Logo, Style

SAFE_PRIMARY = "#1d3557"
"""Used instead of a brand colour whose contrast with white is below 4.5:1."""
MINIMUM_TEXT_CONTRAST = 4.5
STATUS_STYLES: dict[str, tuple[str, str]] = {
    # status: (text colour, background colour); the words carry the meaning, colour is an addition
    "not-started": ("#7a0d0d", "#fde2e2"),
    "in-progress": ("#6b4100", "#fff1cc"),
    "complete": ("#0b5a2a", "#dcf5e3"),
    "ongoing": ("#0b3a75", "#dde9fb"),
    "carried-forward": ("#3d2b6b", "#ebe4f7"),
    "overdue": ("#7a0d0d", "#fde2e2"),
}
LOGO_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
              ".webp": "image/webp", ".svg": "image/svg+xml"}
LOGO_MAX_BYTES = 256 * 1024


def relative_luminance(colour: str) -> float:
    """WCAG 2.2 relative luminance of a #RRGGBB colour."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2.2 contrast ratio (1 to 21) of two #RRGGBB colours."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def report_style(organisation: Organisation) -> Style:
    """The brand colour if it reaches 4.5:1 on white, else a safe dark blue."""
    primary = organisation.branding.primary_colour.lower()
    replaced = contrast_ratio(primary, "#ffffff") < MINIMUM_TEXT_CONTRAST
    return Style(SAFE_PRIMARY if replaced else primary, replaced, dict(STATUS_STYLES))


def embedded_logo(organisation: Organisation, root: Path) -> Logo | None:
    """The logo as a data: URI: given as one, or read from a small image file under the root.

    A web address is never fetched or linked, so the report makes no external request.
    """
    source = organisation.branding.logo
    if not source:
        return None
    alt = f"{organisation.name} logo"
    if source.startswith("data:image/"):
        header, _, data = source.partition(",")
        if header[len("data:"):].split(";")[0] in LOGO_TYPES.values() and header.endswith(";base64"):
            try:
                base64.b64decode(data, validate=True)
            except ValueError:
                return None
            return Logo(source, alt)
        return None
    if "://" in source:
        return None
    path = (root / source).resolve()
    media = LOGO_TYPES.get(path.suffix.lower())
    if media is None or not path.is_relative_to(root.resolve()) or not path.is_file():
        return None
    try:
        content = path.read_bytes()
    except OSError:
        return None
    if len(content) > LOGO_MAX_BYTES:
        return None
    return Logo(f"data:{media};base64,{base64.b64encode(content).decode('ascii')}", alt)
