"""Authoring and review: scaffold a folder, add records, format them, and summarise changes."""
