"""Checks of the records: references between them and the domain rules of the law and guidance."""
