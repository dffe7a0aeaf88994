"""equitykit: Public Sector Equality Duty records, checks, metrics and reports."""

__version__ = "0.1.0"
