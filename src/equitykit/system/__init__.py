"""A system of records folders: an integrated care board over its member organisations.

A system is a layer above a single records folder. Its `equitykit.yaml` names the members'
folders (`members:`, relative paths); each member stays a complete, independently valid records
folder, read through the same repository code, one at a time.

Public API:
- `system_status(root, as_of, window) -> SystemStatus`: every member's row and the pooled figures.
- `SystemUnavailable`: the system's own organisation file is invalid or names no members.
"""

from __future__ import annotations

from .members import MemberSummary
from .pooling import Missing, PooledPayGap, PooledStandard
from .status import SystemStatus, SystemUnavailable, system_status

__all__ = ["MemberSummary", "Missing", "PooledPayGap", "PooledStandard", "SystemStatus", "SystemUnavailable",
           "system_status"]
