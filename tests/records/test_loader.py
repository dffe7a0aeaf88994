"""The loader: YAML 1.2 core-schema values, positions for every path, tags refused."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from equitykit.records.loader import LoadError, parse_document, resolve_plain_scalar


@pytest.mark.parametrize("text, value", [
    ("yes", "yes"), ("no", "no"), ("on", "on"), ("off", "off"), ("y", "y"),
    ("true", True), ("False", False), ("TRUE", True),
    ("~", None), ("null", None), ("", None),
    ("12", 12), ("-3", -3), ("0o17", 15), ("0x1F", 31), ("012", 12),
    ("1.5", 1.5), ("1e3", 1000.0), (".inf", float("inf")), ("-.inf", float("-inf")),
    ("2025-03-31", "2025-03-31"), ("1.10", 1.1), ("1A", "1A"), ("08:00", "08:00"), ("1_000", "1_000"),
])
def test_plain_scalars_follow_the_yaml_1_2_core_schema(text: str, value: object) -> None:
    assert resolve_plain_scalar(text) == value


def test_quoted_scalars_are_always_text() -> None:
    data = parse_document("a: '12'\nb: \"true\"\nc: |\n  1.5\n", "f.yaml").data
    assert data == {"a": "12", "b": "true", "c": "1.5\n"}


def test_keys_keep_their_written_text() -> None:
    data = parse_document("outcomes:\n  2.1: x\n  1.10: y\n  3A: z\n", "f.yaml").data
    assert list(data["outcomes"]) == ["2.1", "1.10", "3A"]


def test_explicit_core_tags_are_honoured() -> None:
    assert parse_document("a: !!str 5\nb: !!int 7\n", "f.yaml").data == {"a": "5", "b": 7}


def test_every_key_and_value_has_its_position() -> None:
    document = parse_document("id: X\nmeasures:\n  - description: d\n    target: {value: 5}\n", "f.yaml")
    span = document.span(("measures", 0, "target", "value"))
    assert (span.key_line, span.key_column, span.line, span.column) == (4, 14, 4, 21)
    assert document.span(("measures", 0)).line == 3
    assert document.span(("measures", 5, "nothing")).key_line == 2  # nearest ancestor


def test_aliases_are_expanded() -> None:
    assert parse_document("a: &x [1, 2]\nb: *x\n", "f.yaml").data == {"a": [1, 2], "b": [1, 2]}


@pytest.mark.parametrize("text", ['a: "bell \\a"\n', 'a: "escape \\e[31m"\n', 'a: "\\x9b"\n', "a: x\x1b[31m\n"])
def test_control_characters_are_refused(text: str) -> None:
    with pytest.raises(LoadError) as caught:
        parse_document(text, "f.yaml")
    assert (caught.value.problem.code, caught.value.problem.line) == ("EK110", 1)


def test_problem_carries_file_line_and_column() -> None:
    with pytest.raises(LoadError) as caught:
        parse_document("id: X\ntitle: a\ntitle: b\n", "objectives/X.yaml")
    problem = caught.value.problem
    assert (problem.file, problem.line, problem.column, problem.code) == ("objectives/X.yaml", 3, 1, "EK103")


keys = st.text(alphabet="abcdefghijklmnopqrstuvwxyz_-ABC0123456789", min_size=1, max_size=12)
scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12),
                    st.floats(allow_nan=False, allow_infinity=False, width=32),
                    st.text(st.characters(exclude_categories=["Cs", "Cc"]) | st.sampled_from("\t\n"), max_size=30))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(keys, inner, max_size=4)), max_leaves=20)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(keys, values, min_size=1, max_size=6))
def test_round_trip_of_any_data_with_positions_for_every_path(data: dict) -> None:
    stream = io.StringIO()
    yaml = YAML(typ="safe")
    yaml.version = (1, 2)
    yaml.dump(data, stream)
    document = parse_document(stream.getvalue(), "f.yaml")
    assert document.data == data

    def paths(value, loc=()):
        yield loc
        if isinstance(value, dict):
            for key, item in value.items():
                yield from paths(item, (*loc, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from paths(item, (*loc, index))

    assert all(loc in document.positions for loc in paths(data) if loc)
