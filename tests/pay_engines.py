"""The staff file's distinct rows, as polars counted them, read on in Python (``staffcsv._tallied``, as for the csv
module's counts) in place of native code: the second of the three ways a staff file is read, for the tests that
compare them."""

from __future__ import annotations

from equitykit.extracts import csvfile
from equitykit.metrics import staffcsv


def tallied_in_python(rows, names, key, grouping=None):
    """What ``staffcsv._tallied_natively`` gives, worked out in Python from the same rows."""
    counted = csvfile.counts_of(rows.get_columns())
    width = len(names)
    by_value = staffcsv._tallied(csvfile.projected(counted, [0, 1, *range(3, width)], width),
                                 csvfile.projected(counted, [0, 2], width), names, key)
    return staffcsv._grouped(by_value, grouping)
