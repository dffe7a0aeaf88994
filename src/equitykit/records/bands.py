"""The staff groups and pay bands a workforce snapshot counts by.

Plain values that import nothing, so that reading a staff extract needs none of the record models.
"""

from __future__ import annotations

from typing import Literal

StaffGroup = Literal["clinical", "non-clinical", "medical-dental"]
Band = Literal[
    "1", "2", "3", "4", "5", "6", "7", "8a", "8b", "8c", "8d", "9", "vsm",
    "consultant", "non-consultant-career-grade", "trainee", "other",
]  # fmt: skip
