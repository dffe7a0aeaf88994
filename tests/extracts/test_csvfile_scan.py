"""The byte scans that say whether polars may count a file: no NUL or lone carriage return after the header, and
its quotes there (``csvfile._quotes``), and its commas (``csvfile._commas``), wherever the chunks counted end."""

from __future__ import annotations

import re
from unittest import mock

from hypothesis import given
from hypothesis import strategies as st

from equitykit.extracts import csvfile


def _expected(rest: bytes) -> tuple[int, int] | None:
    """The straightforward answer, from the whole text after the header at once."""
    if b"\0" in rest or re.search(rb"\r(?!\n)", rest):
        return None
    return rest.count(b'"'), rest.count(b",")


@given(rest=st.lists(st.sampled_from([b"a", b",", b"\r", b"\n", b"\r\n", b'"', b"\0", b",,"]), max_size=30).map(
    b"".join), chunk=st.integers(1, 9))
def test_the_scan_is_the_same_whatever_the_chunks(tmp_path_factory, rest: bytes, chunk: int):
    path = tmp_path_factory.mktemp("scan") / "file.csv"
    path.write_bytes(b"a,b\r\n" + rest)
    with mock.patch.object(csvfile, "_CHUNK", chunk):
        quotes = csvfile._quotes(path, 1)
        found = None if quotes is None else (quotes, csvfile._commas(path, 1))
    assert found == _expected(rest)
