"""The byte scan that says whether polars may count a file (``csvfile._commas``): its commas after the
header, or None for a quote, a NUL or a lone carriage return, wherever the chunks it reads happen to end."""

from __future__ import annotations

import re
from unittest import mock

from hypothesis import given
from hypothesis import strategies as st

from equitykit.extracts import csvfile


def _expected(rest: bytes) -> int | None:
    """The straightforward answer, from the whole text after the header at once."""
    if b'"' in rest or b"\0" in rest or re.search(rb"\r(?!\n)", rest):
        return None
    return rest.count(b",")


@given(rest=st.lists(st.sampled_from([b"a", b",", b"\r", b"\n", b"\r\n", b'"', b"\0", b",,"]), max_size=30).map(
    b"".join), chunk=st.integers(1, 9))
def test_the_scan_is_the_same_whatever_the_chunks(tmp_path_factory, rest: bytes, chunk: int):
    path = tmp_path_factory.mktemp("scan") / "file.csv"
    path.write_bytes(b"a,b\r\n" + rest)
    with mock.patch.object(csvfile, "_CHUNK", chunk):
        assert csvfile._commas(path, 1) == _expected(rest)
