"""Writes the parts of the Python package that come from the core's types: the keyword
arguments of every entry point in the stubs (``python/reseau/_core.pyi``: names, types and
defaults) and the fields of the value and result classes (``_values.py``, ``_results.py``:
names, types and documentation), from the JSON Schemas the core gives
(``cargo run -p reseau --example schema --features schema``). So a default, an option or a
field cannot differ between the core, the stubs and the classes.

Each generated block sits between two comments and is rewritten in place; everything else is
written by hand::

    # stubgen: SimulateRequest -seeds -model      (a request's fields as keyword arguments)
    # stubgen: end
    # stubgen: fields CascadeTrace -spread        (a result's fields as Field descriptors)
    # stubgen: end

A ``-name`` leaves a field out (the hand-written code has it). ``python stubgen.py`` writes
the files; ``python stubgen.py --check`` fails, listing the differences, when a file is not
what it would write (``scripts/test-python`` runs it). ``--schema FILE`` reads the schemas
from a file instead of running cargo.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, List, Tuple

HERE = Path(__file__).resolve().parent
FILES = [HERE / "python" / "reseau" / name for name in ("_core.pyi", "_values.py", "_results.py")]
MARKER = re.compile(r"^(?P<indent>\s*)# stubgen: (?P<what>.+)$")

# The Python names of the core's types where a request takes them.
ARGUMENTS = {
    "Model": "Model",
    "Fatigue": "_FatigueArg",
    "Decline": "Mapping[str, Any]",
    "LayerSettings": "_LayerSettingsArg",
    "Amplifiers": "_AmplifiersArg",
    "FitRequest": "Mapping[str, Any]",
    "Adoptions": "_Adoptions",
}
# numpy's name of each integer and float format.
DTYPES = {"double": "float64", "float": "float64", "uint32": "uint32", "uint64": "uint64",
          "uint": "uint64", "int64": "int64", "int32": "int64", "uint16": "uint32", "uint8": "uint32"}


def load(path: str = "") -> Dict[str, Any]:
    if path:
        return json.loads(Path(path).read_text(encoding="utf-8"))  # type: ignore[no-any-return]
    command = ["cargo", "run", "-q", "-p", "reseau", "--example", "schema", "--features", "schema"]
    out = subprocess.run(command, cwd=HERE, check=True, capture_output=True, text=True).stdout
    return json.loads(out)  # type: ignore[no-any-return]


def resolve(schema: Dict[str, Any], root: Dict[str, Any]) -> Dict[str, Any]:
    """``schema`` with a ``$ref`` replaced by what it names (in ``root``'s ``$defs``)."""
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[1]
        schema = {**root["$defs"][name], **{k: v for k, v in schema.items() if k != "$ref"}}
    return schema


def nullable(schema: Dict[str, Any]) -> Tuple[Dict[str, Any], bool]:
    """The schema without its ``null``, and whether it had one."""
    types = schema.get("type")
    if isinstance(types, list) and "null" in types:
        rest = [t for t in types if t != "null"]
        return {**schema, "type": rest[0] if len(rest) == 1 else rest}, True
    for key in ("anyOf", "oneOf"):
        options = schema.get(key)
        if options and any(o.get("type") == "null" for o in options):
            rest = [o for o in options if o.get("type") != "null"]
            if len(rest) == 1:
                return {**{k: v for k, v in schema.items() if k != key}, **rest[0]}, True
            return {**schema, key: rest}, True
    return schema, False


def ref_name(schema: Dict[str, Any]) -> str:
    return schema["$ref"].rsplit("/", 1)[1] if "$ref" in schema else ""


def scalar(schema: Dict[str, Any]) -> str:
    return {"integer": "int", "number": "float", "boolean": "bool", "string": "str"}.get(
        schema.get("type", ""), "Any"
    )


def literal(schema: Dict[str, Any]) -> str:
    """A string enum as a Literal (the variants of serde's unit enums)."""
    values: List[str] = []
    for option in schema.get("oneOf", schema.get("anyOf", [])):
        values += option.get("enum", [option["const"]] if "const" in option else [])
    values += schema.get("enum", [])
    return f"Literal[{', '.join(repr(v) for v in values)}]" if values else ""


def argument(schema: Dict[str, Any], root: Dict[str, Any]) -> str:
    """The Python type a request field takes."""
    inner, optional = nullable(schema)
    name = ref_name(inner)
    if name == "PersonRef" or ("anyOf" in inner and any(ref_name(o) == "PersonRef" for o in inner["anyOf"])):
        kind = "_People"
    elif name in ARGUMENTS:
        kind = ARGUMENTS[name]
    elif name:
        kind = literal(resolve(inner, root)) or "Any"
    elif inner.get("type") == "array":
        items = inner.get("items", {})
        if ref_name(items.get("items", {})) == "PersonRef":  # [source, target] pairs
            kind = "_Requests"
        elif items.get("type") == "number":
            kind = "_Floats"
        else:
            kind = f"Sequence[{argument({**items, 'default': None}, root)}]"
    elif inner.get("type") == "object":
        kind = f"Mapping[str, {argument(inner.get('additionalProperties', {}), root)}]"
    else:
        kind = scalar(inner)
    return f"Optional[{kind}]" if optional else kind


def default(schema: Dict[str, Any]) -> str:
    """A field's default as Python writes it (``...`` for a list or a dict)."""
    if "default" not in schema:
        return "None"
    value = schema["default"]
    if value is None or isinstance(value, (bool, int, float, str)):
        return repr(value)
    return "..."


def requests(root: Dict[str, Any], skip: List[str], indent: str) -> List[str]:
    """A request's fields as keyword arguments: the required ones without a default, the
    others with the core's (``None`` where the core's is nothing, or where Python's ``None``
    stands for it)."""
    required = set(root.get("required", []))
    out = []
    for name, field in sorted(root.get("properties", {}).items()):
        if name in skip:
            continue
        kind = argument(field, root)
        if name in required:
            out.append(f"{indent}{name}: {kind},")
            continue
        if "default" not in field or field["default"] is None or default(field) == "...":
            kind = kind if kind.startswith("Optional[") else f"Optional[{kind}]"
        out.append(f"{indent}{name}: {kind} = {default(field)},")
    return out


def result_type(schema: Dict[str, Any], root: Dict[str, Any]) -> Tuple[str, str]:
    """The Python type of a result field and how ``Field`` converts it (a numpy dtype,
    ``"tuple"`` or nothing)."""
    inner, optional = nullable(schema)
    name = ref_name(inner)
    if name:
        kind, convert = literal(resolve(inner, root)) or "Dict[str, Any]", ""
    elif inner.get("type") == "array":
        items, _ = nullable(inner.get("items", {}))
        fixed = inner.get("minItems") is not None and inner.get("minItems") == inner.get("maxItems")
        if fixed and items.get("type") == "number":
            kind, convert = f"Tuple[{', '.join(['float'] * inner['minItems'])}]", "tuple"
        elif items.get("type") in ("number", "integer") and "format" in items and not fixed:
            dtype = DTYPES[items["format"]]
            if items is not inner.get("items"):  # numbers or None: a list
                kind, convert = f"List[Optional[{scalar(items)}]]", ""
            else:
                kind, convert = f"npt.NDArray[np.{dtype}]", dtype
        else:
            element, _ = result_type(inner.get("items", {}), root)
            kind, convert = f"List[{element}]", ""
    elif inner.get("type") == "object":
        kind, convert = "Dict[str, Any]", ""
    else:
        kind, convert = scalar(inner), ""
    return (f"Optional[{kind}]" if optional else kind), convert


def description(schema: Dict[str, Any], kind: str) -> str:
    text = " ".join(schema.get("description", "").split())
    text = text.replace("`", "``")
    return f"{text} ({kind})" if text else kind


def fields(root: Dict[str, Any], skip: List[str], indent: str) -> List[str]:
    out = []
    for name, field in sorted(root.get("properties", {}).items()):
        if name in skip:
            continue
        kind, convert = result_type(field, root)
        args = [repr(name), repr(description(field, kind))] + ([repr(convert)] if convert else [])
        out.append(f"{indent}{name}: Field[{kind}] = Field({', '.join(args)})")
    return out


def generate(text: str, schemas: Dict[str, Any]) -> str:
    lines = text.split("\n")
    out: List[str] = []
    i = 0
    while i < len(lines):
        out.append(lines[i])
        match = MARKER.match(lines[i])
        i += 1
        if not match or match["what"] == "end":
            continue
        words = match["what"].split()
        is_fields = words[0] == "fields"
        name = words[1] if is_fields else words[0]
        skip = [w[1:] for w in words[2 if is_fields else 1:] if w.startswith("-")]
        if name not in schemas:
            sys.exit(f"stubgen: no schema named {name}")
        make = fields if is_fields else requests
        out += make(schemas[name], skip, match["indent"])
        while i < len(lines) and not (MARKER.match(lines[i]) and MARKER.match(lines[i])["what"] == "end"):
            i += 1
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a file differs instead of writing it")
    parser.add_argument("--schema", default="", help="read the schemas from this JSON file")
    args = parser.parse_args()
    schemas = load(args.schema)
    stale = []
    for path in FILES:
        text = path.read_text(encoding="utf-8")
        new = generate(text, schemas)
        if new == text:
            continue
        if args.check:
            stale.append(path)
            diff = difflib.unified_diff(text.split("\n"), new.split("\n"), str(path), "generated", lineterm="")
            print("\n".join(diff))
        else:
            path.write_text(new, encoding="utf-8")
            print(f"stubgen: wrote {path.relative_to(HERE)}")
    if stale:
        sys.exit(f"stubgen: {len(stale)} file(s) differ from the core's schemas: run python bindings/python/stubgen.py")


if __name__ == "__main__":
    main()
