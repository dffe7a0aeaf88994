"""Nothing leaks: hostile text in every text field of every record renders inert in every report kind
and format; user templates stay in the sandbox and cannot read files; links and the logo cannot reach
outside the records folder; small numbers stay hidden; staff-level pay never leaves the staff file."""

from __future__ import annotations

import copy
import html
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from pydantic import ValidationError

from equitykit.records.kinds import ORGANISATION, RECORD_KINDS
from equitykit.records.loader import load_document

from .conftest import AS_OF, REPO, WORKFORCE, make_root, run

NORTHFIELD = REPO / "examples" / "northfield-trust"
REPORT_KINDS = ("psed", "eds", "wres", "wdes", "paygap", "objectives", "actions", "eias")
FORMATS = ("md", "html")

PAYLOADS = {
    "script": "<script>alert(1)</script>",
    "attribute-breaker": '" onmouseover="alert(1)" x="',
    "single-quote-breaker": "' onfocus='alert(1)' autofocus '",
    "javascript-url": "javascript:alert(1)",
    "data-url": "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "template-expression": "{{ 7*7 }} {{ 1234*1000 }}",
    "template-raw": "{% raw %}{{ 7*7 }}{% endraw %}",
    "markdown-link": "[x](javascript:alert(1))",
    "markdown-image": "![x](http://evil.example/track.png)",
    "html-comment": "<!-- hidden --> --> <!--",
    "cdata": "<![CDATA[<script>alert(1)</script>]]>",
    "table-breaker": "a | b | c\n|---|\nnew row",
    "heading-and-list": "# Heading\n- item\n1. item\n> quote",
    "svg-onload": "<svg onload=alert(1)>",
}


def test_control_characters_never_reach_a_report(tmp_path: Path) -> None:
    """NUL and terminal escapes cannot even be loaded (EK110), so no report can print them."""
    root = tmp_path / "records"
    shutil.copytree(NORTHFIELD, root)
    path = root / "actions" / "ACT-001.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("title: ", 'title: "\\0\\e[31m" # ', 1),
                    encoding="utf-8")
    validated = run(["validate", str(root), "--format", "json"])
    assert validated.exit_code == 1 and '"EK110"' in validated.stdout
    for output_format in FORMATS:
        page = run(["report", "actions", str(root), "--format", output_format, "--as-of", AS_OF]).stdout
        assert "\x00" not in page and "\x1b" not in page


def _leaves(data: object, path: tuple = ()) -> list[tuple]:
    """Key paths of every text value."""
    if isinstance(data, dict):
        return [leaf for key, value in data.items() for leaf in _leaves(value, (*path, key))]
    if isinstance(data, list):
        return [leaf for index, value in enumerate(data) for leaf in _leaves(value, (*path, index))]
    return [path] if isinstance(data, str) else []


def _set(data: dict, path: tuple, value: object) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def _yaml(value: object, indent: int = 0) -> str:
    """Plain JSON is YAML: every string double-quoted with escapes, so any payload survives."""
    import json

    return json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n"


def _hostile_folder(folder: Path, payload: str) -> tuple[Path, int]:
    """A copy of the Northfield example with `payload` in every text value that keeps its record valid
    (ids, dates, slugs and enumerations stay as they are). Returns the folder and the fields changed."""
    shutil.copytree(NORTHFIELD, folder)
    changed = 0
    kinds = [(ORGANISATION, [folder / "equitykit.yaml"])] + [
        (kind, sorted((folder / str(kind.folder)).glob("*.yaml"))) for kind in RECORD_KINDS]
    for kind, paths in kinds:
        for path in paths:
            data = load_document(path, path.name).data
            for leaf in _leaves(data):
                if leaf in (("id",),):
                    continue
                trial = copy.deepcopy(data)
                _set(trial, leaf, payload)
                try:
                    kind.model.model_validate(trial)
                except ValidationError:
                    continue
                data = trial
                changed += 1
            path.write_text(_yaml(data), encoding="utf-8")
    return folder, changed


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, int]]:
    cache: dict[str, tuple[Path, int]] = {}
    return _Cache(cache, tmp_path_factory)


class _Cache(dict):
    def __init__(self, cache: dict, factory: pytest.TempPathFactory) -> None:
        super().__init__(cache)
        self.factory = factory

    def __missing__(self, name: str) -> tuple[Path, int]:
        self[name] = _hostile_folder(self.factory.mktemp(name) / "records", PAYLOADS[name])
        return self[name]


def _tables(markdown: str) -> list[list[str]]:
    tables: list[list[str]] = [[]]
    for line in markdown.splitlines():
        if line.startswith("|"):
            tables[-1].append(line)
        elif tables[-1]:
            tables.append([])
    return [table for table in tables if table]


def _columns(row: str) -> int:
    return len(re.findall(r"(?<!\\)\|", row)) - 1


@pytest.mark.parametrize("output_format", FORMATS)
@pytest.mark.parametrize("kind", REPORT_KINDS)
@pytest.mark.parametrize("payload", PAYLOADS, ids=str)
def test_hostile_text_in_every_field_renders_inert(hostile: dict, payload: str, kind: str,
                                                    output_format: str) -> None:
    root, changed = hostile[payload]
    assert changed > 50, "the payload reached the text fields of every kind"
    result = run(["report", kind, root, "--format", output_format, "--as-of", AS_OF])
    assert result.exit_code == 0, result.stderr
    page = result.stdout
    lower = page.lower()
    assert "<script" not in lower and "<svg onload" not in lower and "\x00" not in page
    assert "<![cdata[" not in lower and "<!-- hidden" not in lower
    assert not re.search(r"""(href|src|action)\s*=\s*["']?\s*(javascript|vbscript|data:text)""", lower)
    assert not re.search(r"""<[a-z][^>]*\son(mouseover|focus|load|error)\s*=""", lower), "no handler in a tag"
    assert "1234000" not in page and "1,234,000" not in page
    if output_format == "md":
        assert not re.search(r"(?<!\\)\]\(\s*(javascript|data|vbscript):", lower), "an escaped ] makes no link"
        assert not re.search(r"(?<!\\)!\[[^\]]*\]\(\s*https?:", page), "no external image in Markdown"
        assert "<img" not in lower
        for table in _tables(page):
            assert len({_columns(row) for row in table}) == 1, table
    else:
        assert 'src="http' not in lower and "src='http" not in lower
        assert not re.search(r"<img\s[^>]*src=\"(?!data:image/)", lower)
    if payload == "template-expression":
        shown = "{{ 7\\*7 }}" if output_format == "md" else "{{ 7*7 }}"
        assert shown in page or kind in ("wres", "wdes"), "the text is shown as written"


# -- user templates: the sandbox, file access, sizes ------------------------------------------------------

UNSAFE_TEMPLATES = {
    "mro": "{{ ''.__class__.__mro__ }}",
    "subclasses": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "report-globals": "{{ report.__class__.__init__.__globals__ }}",
    "self-globals": "{{ self.__init__.__globals__ }}",
    "self-context": "{{ self._TemplateReference__context }}",
    "cycler-os": "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "joiner-os": "{{ joiner.__init__.__globals__.os }}",
    "namespace-os": "{{ namespace.__init__.__globals__.os }}",
    "lipsum-globals": "{{ lipsum.__globals__['os'].popen('id').read() }}",
    "format-attribute": "{{ '{0.__class__.__base__.__subclasses__}'.format('') }}",
    "format-map": "{{ '{x.__class__}'.format_map({'x': 1}) }}",
    "attr-filter": "{{ report|attr('__class__')|attr('__init__')|attr('__globals__') }}",
    "getattr-dunder": "{{ report['__class__']['__init__'] }}",
    "huge-range": "{% for i in range(10**9) %}{{ i }}{% endfor %}",
    "huge-range-list": "{{ range(10**9)|list|length }}",
    "string-repeat": "{{ ('x' * 10**9)|length }}",
    "list-repeat": "{{ ([1] * 10**9)|length }}",
    "huge-power": "{{ (10 ** (10 ** 8)) % 7 }}",
    "huge-percent-width": "{{ '%0999999999d' % 1 }}",
    "huge-format-width": "{{ '{:0999999999}'.format(1) }}",
    "huge-format-filter": "{{ '%0999999999d'|format(1) }}",
    "huge-center": "{{ 'x'|center(10**9) }}",
    "huge-method-width": "{{ 'x'.ljust(10**9) }}",
    "huge-lipsum": "{{ lipsum(10**7) }}",
    "nested-loops-output": "{% for i in range(100000) %}{% for j in range(100000) %}{{ 'x' * 100 }}"
                           "{% endfor %}{% endfor %}",
    "include-absolute": "{% include '/etc/passwd' %}",
    "include-parent": "{% include '../../../../../../etc/passwd' %}",
    "import-parent": "{% import '../../../../../../etc/passwd' as x %}",
    "extends-parent": "{% extends '../outside.md.j2' %}",
    "syntax-error": "{% for %}",
    "undefined": "{{ nothing.here }}",
}


@pytest.mark.parametrize("template", UNSAFE_TEMPLATES, ids=str)
def test_user_templates_are_sandboxed_bounded_and_read_no_files(tmp_path: Path, template: str) -> None:
    root = make_root(tmp_path / "records")
    (tmp_path / "outside.md.j2").write_text("OUTSIDE-TEMPLATE\n")
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "actions.md.j2").write_text(UNSAFE_TEMPLATES[template])
    result = run(["report", "actions", root, "--templates", folder, "--as-of", AS_OF])
    assert result.exit_code == 2, (result.stdout[:300], result.stderr)
    assert result.stderr.startswith("equitykit: error:") and "template" in result.stderr
    for leaked in ("root:", "uid=", "OUTSIDE-TEMPLATE", "<module", "<class", "builtins"):
        assert leaked not in result.stdout + result.stderr


@pytest.mark.parametrize("where", ["records-templates", "templates-option"])
def test_a_template_that_is_a_link_out_of_its_folder_is_not_read(tmp_path: Path, where: str) -> None:
    root = make_root(tmp_path / "records")
    secret = tmp_path / "secret.md.j2"
    secret.write_text("SECRET-OUTSIDE\n")
    folder = root / "templates" if where == "records-templates" else tmp_path / "mine"
    folder.mkdir()
    (folder / "actions.md.j2").symlink_to(secret)
    extra = ["--templates", folder] if where == "templates-option" else []
    result = run(["report", "actions", root, "--as-of", AS_OF, *extra])
    assert result.exit_code == 2 and "SECRET-OUTSIDE" not in result.stdout + result.stderr
    assert "outside" in result.stderr


def test_a_records_templates_folder_that_is_a_link_out_is_not_used(tmp_path: Path) -> None:
    root = make_root(tmp_path / "records")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "actions.md.j2").write_text("SECRET-OUTSIDE\n")
    (root / "templates").symlink_to(outside)
    result = run(["report", "actions", root, "--as-of", AS_OF])
    assert result.exit_code == 0 and "SECRET-OUTSIDE" not in result.stdout


LOGOS = {
    "absolute": lambda tmp: str(tmp / "outside" / "logo.png"),
    "parent": lambda tmp: "../outside/logo.png",
    "evidence-parent": lambda tmp: "evidence/../../outside/logo.png",
    "link-in-evidence": lambda tmp: "evidence/link.png",
    "web": lambda tmp: "https://evil.example/logo.png",
    "protocol-relative": lambda tmp: "//evil.example/logo.png",
    "file-url": lambda tmp: f"file://{tmp / 'outside' / 'logo.png'}",
    "data-svg-script": lambda tmp: "data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+",
    "data-html": lambda tmp: "data:text/html;base64,PHNjcmlwdD4=",
}
PNG = b"\x89PNG\r\n\x1a\nOUTSIDE"


@pytest.mark.parametrize("logo", LOGOS, ids=str)
def test_the_logo_cannot_come_from_outside_the_root(tmp_path: Path, logo: str) -> None:
    import base64

    root = make_root(tmp_path / "records")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "logo.png").write_bytes(PNG)
    (root / "evidence").mkdir()
    (root / "evidence" / "link.png").symlink_to(tmp_path / "outside" / "logo.png")
    org = root / "equitykit.yaml"
    org.write_text(org.read_text() + f"branding:\n  logo: \"{LOGOS[logo](tmp_path)}\"\n")
    result = run(["report", "psed", root, "--format", "html", "--as-of", AS_OF])
    assert result.exit_code in (0, 1), result.stderr
    page = result.stdout
    assert base64.b64encode(PNG).decode() not in page
    assert "evil.example" not in page.replace(html.escape("evil.example"), "") or "<img" not in page
    # an SVG in <img> runs no script: browsers load it as a static image
    assert not re.search(r'<img[^>]*src="(?!data:image/(png|jpeg|gif|webp|svg\+xml);)', page)


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "file:///etc/passwd",
                                 "../../etc/passwd", "/etc/passwd", "//evil.example/x", "vbscript:x",
                                 " javascript:alert(1)", "java\tscript:alert(1)", "JaVaScRiPt:alert(1)"])
@pytest.mark.parametrize("output_format", FORMATS)
def test_links_are_only_ever_web_or_mail_addresses(tmp_path: Path, url: str, output_format: str) -> None:
    root = make_root(tmp_path / "records")
    (root / "publications" / "PUB-001.yaml").write_text(
        (root / "publications" / "PUB-001.yaml").read_text() + f"url: {_yaml(url).strip()}\n")
    org = root / "equitykit.yaml"
    org.write_text(org.read_text() + f"website: {_yaml(url).strip()}\n")
    result = run(["report", "psed", root, "--format", output_format, "--as-of", AS_OF])
    assert result.exit_code in (0, 1), result.stderr
    lower = result.stdout.lower()
    assert not re.search(r'href="(?!https?://|mailto:|#)', lower)
    assert not re.search(r"\]\((?!https?://|mailto:|#)", lower)


# -- CSV: only the translator's worklist is written, its cells inert -----------------------------------------

def test_equitykit_writes_csv_only_where_its_cells_are_made_inert() -> None:
    """Where a command writes CSV, its cells starting with = + - @ tab or CR are neutralised: only the
    translations worklist does, and its test (tests/cli/test_translations.py) shows the cells inert."""
    package = REPO / "src" / "equitykit"
    writers = [path.relative_to(package).as_posix() for path in package.rglob("*.py")
               if re.search(r"csv\.(writer|DictWriter)|text/csv", path.read_text(encoding="utf-8"))]
    assert writers == ["reporting/translations.py"]


# -- small numbers: a folder whose every count is 1 to 4 -------------------------------------------------

def _tiny_workforce() -> str:
    """Northfield's latest workforce snapshot with every count of people replaced by 1, 2, 3 or 4."""
    data = load_document(WORKFORCE, "workforce.yaml").data
    counter = iter(range(10**6))

    def shrink(node: object, key: object = None) -> object:
        if isinstance(node, dict):
            return {k: shrink(v, k) for k, v in node.items()}
        if isinstance(node, list):
            return [shrink(v) for v in node]
        if isinstance(node, int) and not isinstance(node, bool) and node > 0:
            return next(counter) % 4 + 1
        return node

    for section in ("profile", "wres", "wdes"):
        data[section] = shrink(data[section])
    return _yaml(data)


def _cells(page: str, output_format: str) -> list[str]:
    if output_format == "md":
        return [cell.strip() for row in page.splitlines() if row.startswith("|")
                for cell in re.split(r"(?<!\\)\|", row)[1:-1]]
    return [html.unescape(re.sub(r"<[^>]+>", "", cell)).strip()
            for cell in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", page, flags=re.S)]


def _small_cells(root: Path, kind: str, output_format: str) -> Counter[str]:
    result = run(["report", kind, root, "--format", output_format, "--as-of", AS_OF])
    assert result.exit_code == 0, result.stderr
    return Counter(cell for cell in _cells(result.stdout, output_format) if re.fullmatch(r"[1-4](\.0)?%?", cell))


@pytest.mark.parametrize("output_format", FORMATS)
@pytest.mark.parametrize("kind", REPORT_KINDS)
def test_counts_of_one_to_four_are_never_published(tmp_path: Path, kind: str, output_format: str) -> None:
    """Every table cell holding 1 to 4 with tiny workforce counts must hold it with large counts too (an
    EDS score, a number of actions): none of them is a count of people."""
    root = make_root(tmp_path / "records")
    baseline = _small_cells(root, kind, output_format)
    (root / "workforce" / "2025-03-31.yaml").write_text(_tiny_workforce())
    tiny = _small_cells(root, kind, output_format)
    assert tiny - baseline == Counter(), (tiny, baseline)


# -- staff-level pay never leaves the staff file ----------------------------------------------------------

DISTINCTIVE = ("17.3791", "4321.87", "23.4567")
STAFF = ("sex,full_pay_relevant,bonus_pay,hourly_pay\n"
         "M,yes,0,17.3791\nM,yes,4321.87,14\nM,yes,0,12\nF,yes,150,23.4567\nF,yes,0,9\nF,yes,0,11\n")


@pytest.mark.parametrize("output_format", FORMATS)
@pytest.mark.parametrize("kind", ["paygap", "psed"])
def test_no_staff_value_reaches_a_report_written_with_out(tmp_path: Path, kind: str, output_format: str) -> None:
    root = make_root(tmp_path / "records")
    staff = tmp_path / "staff.csv"
    staff.write_text(STAFF)
    assert run(["paygap", "compute", staff, "--snapshot", "2025-03-31", root, "--write"]).exit_code == 0
    out = tmp_path / f"report.{output_format}"
    result = run(["report", kind, root, "--format", output_format, "--as-of", AS_OF, "--out", out])
    assert result.exit_code == 0, result.stderr
    written = out.read_text() + "".join(p.read_text(errors="replace") for p in root.rglob("*") if p.is_file())
    for value in DISTINCTIVE:
        assert value not in written and value not in result.output


BAD_CELLS = {"sex": "Q-7731", "full_pay_relevant": "perhaps-8812", "bonus_pay": "-9981.23",
             "hourly_pay": "abc-5521.77"}


@pytest.mark.parametrize("column", BAD_CELLS, ids=str)
@pytest.mark.parametrize("output_format", ["text", "json"])
def test_error_messages_quote_the_refused_cell_and_no_other_staff_value(tmp_path: Path, column: str,
                                                                       output_format: str) -> None:
    """The refused cell is named so that it can be found and mended (issue 21, items 1 and 4); no other
    staff member's value appears."""
    root = make_root(tmp_path / "records")
    cells = {"sex": "F", "full_pay_relevant": "yes", "bonus_pay": "0", "hourly_pay": "10"}
    cells[column] = BAD_CELLS[column]
    staff = tmp_path / "staff.csv"
    staff.write_text(STAFF + ",".join(cells.values()) + "\n")
    result = run(["paygap", "compute", staff, "--snapshot", "2025-03-31", "--format", output_format,
                  root, "--write"])
    assert result.exit_code == 1 and f"Line 8, column {column}" in result.stderr
    for value in DISTINCTIVE:
        assert value not in result.output
    assert not (root / "paygap" / "2025-03-31.yaml").exists()
