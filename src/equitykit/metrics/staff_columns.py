"""The columns of a staff-level pay file: each one's name, what it accepts and when it is needed.

One table, read by the staff file reader and shown by `equitykit paygap compute --help`. It imports
nothing, so that the help costs no start-up time.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StaffColumn:
    """A column equitykit reads: its name, the values it accepts, and when the file must have it."""

    name: str
    accepts: str
    needed: str


STAFF_COLUMNS = (
    StaffColumn("sex", "male or female (M/F, man/woman, 1/2); other, non-binary, X, I or not known only "
                "with --exclude-other", "required with --by sex, the default"),
    StaffColumn("full_pay_relevant", "true/false, yes/no, Y/N or 1/0", "required"),
    StaffColumn("bonus_pay", "bonus pay in the 12 months to the snapshot date; blank is 0", "required"),
    StaffColumn("hourly_pay", "hourly pay (a leading £ and thousands separators are fine); blank only when "
                "not full-pay relevant", "required, unless the next three derive it"),
    StaffColumn("ordinary_pay", "ordinary pay in the pay period", "required without hourly_pay"),
    StaffColumn("pay_period_days", "days in the pay period, e.g. 30 for April", "required without hourly_pay"),
    StaffColumn("weekly_hours", "weekly working hours", "required without hourly_pay"),
    StaffColumn("period_bonus_pay", "bonus pay pro-rated to the pay period; blank is 0", "optional"),
    StaffColumn("ethnicity", "NHS ethnic category code A to S, its name or an ESR label, as workforce compute "
                "reads them (A, White - British, A White - British, R Chinese, CA White - English, Chinese); Z, X, "
                "99, not stated, prefer not to say or blank: not disclosed", "required with --by ethnicity"),
    StaffColumn("disability", "yes or no (Y/N, disabled, not disabled); not declared, prefer not to say or "
                "blank: not disclosed", "required with --by disability"),
    StaffColumn("sexual_orientation", "heterosexual (or straight), gay or lesbian, bisexual, other (NHS codes "
                "1 to 4); not stated, prefer not to say, not sure or blank: not disclosed",
                "required with --by sexual-orientation"),
)

COLUMN_NAMES = tuple(column.name for column in STAFF_COLUMNS)
"""The columns equitykit reads; ``--columns`` maps them to a file's own header names."""

CHARACTERISTIC_COLUMNS = {
    "sex": "sex",
    "ethnicity": "ethnicity",
    "disability": "disability",
    "sexual-orientation": "sexual_orientation",
}
"""The column each `--by` characteristic reads."""
