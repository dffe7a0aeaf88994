"""Output: problem reporters and rendered reports."""
