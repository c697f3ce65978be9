"""Runs the README's Python quick start, so that it cannot go stale."""

import pathlib
import re

README = pathlib.Path(__file__).resolve().parents[2] / "README.md"


def python_blocks():
    return re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)


def test_the_readme_has_a_python_quick_start():
    assert python_blocks(), "README.md lost its Python example"


def test_the_python_quick_start_runs(capsys):
    for block in python_blocks():
        exec(compile(block, str(README), "exec"), {"__name__": "readme"})
    assert capsys.readouterr().out.strip(), "the quick start prints its summary"
