"""GOV.UK gender pay gap download files for tests, in the service's exact layouts (domain-rules §3.9):
its own (CamelCase headers, quoted sizes and SIC codes, `yyyy/MM/dd HH:mm:ss` or the older
`dd/MM/yyyy HH:mm:ss` dates, True/False) and the snake_case copy (NA for a missing value, ISO dates)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Mapping, Sequence
from typing import Any

from equitykit.extracts.govuk_paygap import COLUMNS, FIGURE_NAMES

FULL_SET = dict(zip(FIGURE_NAMES, (
    14.2, 9.8, 30.1, 25.0, 10.5, 2.1, 20.0, 80.0, 15.5, 84.5, 22.0, 78.0, 40.3, 59.7), strict=True))


def employer(employer_id: int, name: str, due: dt.date, **given: Any) -> dict[str, Any]:
    """A row: the full set of figures unless changed, submitted a month before the due date."""
    row: dict[str, Any] = {
        "EmployerName": name, "EmployerId": employer_id, "Address": "1 High Street, Northfield",
        "PostCode": "NF1 1AA", "CompanyNumber": None, "SicCodes": "86101", **FULL_SET,
        "CompanyLinkToGPGInfo": f"https://example.org/{employer_id}/gpg", "ResponsiblePerson": "Jo Bloggs (Chief "
        "Executive)", "EmployerSize": "1000 to 4999", "CurrentName": name.upper(),
        "SubmittedAfterTheDeadline": False, "DueDate": due,
        "DateSubmitted": dt.datetime.combine(due - dt.timedelta(days=31), dt.time(14, 5, 9)),
    }
    row.update(given)
    return row


def _service_cell(value: Any, old_dates: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, dt.datetime | dt.date):
        moment = value if isinstance(value, dt.datetime) else dt.datetime.combine(value, dt.time())
        return moment.strftime("%d/%m/%Y %H:%M:%S" if old_dates else "%Y/%m/%d %H:%M:%S")
    return str(value)


def service_file(rows: Sequence[Mapping[str, Any]], old_dates: bool = False) -> str:
    """The service's own layout, quoted as it quotes (a cell with a comma or a new line in quotes)."""
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([_service_cell(row.get(column), old_dates) for column in COLUMNS])
    return stream.getvalue()


def snake(name: str) -> str:
    return re.sub(r"(?<=[a-z])(?=[A-Z])", "_", name).lower()


def _copy_cell(value: Any) -> str:
    if value is None:
        return "NA"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def snake_file(rows: Sequence[Mapping[str, Any]]) -> str:
    """The snake_case copy: employer_name,employer_id,... with NA for a missing value."""
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow([snake(column) for column in COLUMNS])
    for row in rows:
        writer.writerow([_copy_cell(row.get(column)) for column in COLUMNS])
    return stream.getvalue()
