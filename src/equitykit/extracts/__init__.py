"""Readers of staff-level data kept outside the records folder: they turn rows into typed values.

They know nothing of the formulas; every problem is a `StaffFileError` naming its line and column.
"""
