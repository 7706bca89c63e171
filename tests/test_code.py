"""Checks on the code itself that the linter does not make."""

import ast
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def defined_twice(source: str) -> list[str]:
    """Top-level names a module defines more than once (a second ``def _generic`` silently
    replaces the first, whose callers then run the second), and methods a class defines
    twice."""
    tree = ast.parse(source)
    names: Counter[str] = Counter()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names[node.name] += 1
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names[node.target.id] += 1
    twice = [n for n, c in names.items() if c > 1 and n != "__all__"]
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            methods = Counter(n.name for n in node.body
                              if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)))
            twice += [f"{node.name}.{n}" for n, c in methods.items() if c > 1]
    return twice


def test_the_check_finds_a_name_defined_twice():
    assert defined_twice("def f():\n    return 1\n\n\ndef f():\n    return 2\n") == ["f"]
    assert defined_twice("X = 1\nclass A:\n    def m(self): ...\n    def m(self): ...\n") == \
        ["A.m"]


def test_no_module_defines_a_name_twice():
    found = {str(p.relative_to(ROOT)): twice for p in sorted((ROOT / "kg").rglob("*.py"))
             if (twice := defined_twice(p.read_text(encoding="utf-8")))}
    assert not found, found


def unread_cue_lists(cues: dict, source: str) -> list[str]:
    """Top-level lists of ``cues.json`` whose key no code names (a list that no rule reads
    only looks as if it were used)."""
    return [k for k in cues if not k.startswith("_") and f'"{k}"' not in source]


def test_the_check_finds_an_unread_cue_list():
    assert unread_cue_lists({"_about": "", "hedges": [], "negation": {}},
                            'lex.words("hedges")') == ["negation"]


def test_every_cue_list_is_read_by_the_code():
    import json

    cues = json.loads((ROOT / "data" / "lexicon" / "cues.json").read_text(encoding="utf-8"))
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "kg").rglob("*.py"))
    assert unread_cue_lists(cues, source) == []
