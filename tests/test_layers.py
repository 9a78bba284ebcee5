"""The package's imports point only down its layers: no circle, no import back up, not even a lazy one."""

from __future__ import annotations

import ast
from pathlib import Path

import vndiplo

PACKAGE = Path(vndiplo.__file__).parent

# Bottom first. A module may import modules of lower layers; inside the export package, its own siblings.
LAYERS: list[set[str]] = [
    {"errors", "text", "_version"},
    {"dates"},
    {"records"},
    {"actors"},
    {"convert", "search"},
    {"dataset"},
    {"packaged"},
    {"collection"},
    {"strategies", "export"},
    {"cli"},
    {"__main__", "__init__"},
]


def _layer_of(module: str) -> int:
    top = module.split(".")[0]
    for index, layer in enumerate(LAYERS):
        if top in layer:
            return index
    raise AssertionError(f"{module} is in no layer: add it to LAYERS")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(parts[:-1]) if parts[-1] == "__init__" and len(parts) > 1 else ".".join(parts)


def _imports(path: Path) -> set[str]:
    """Every vndiplo module this file imports, at the top or inside a function (lazily)."""
    name = _module_name(path)
    package = name.rsplit(".", 1)[0] if "." in name or path.name == "__init__.py" else ""
    if path.name == "__init__.py":
        package = name if name != "__init__" else ""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name.removeprefix("vndiplo.") for a in node.names if a.name.startswith("vndiplo")}
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                if node.module and node.module.startswith("vndiplo"):
                    base = node.module.removeprefix("vndiplo").lstrip(".")
                    found |= {base or "__init__"} if base else {a.name for a in node.names}
                continue
            anchor = package.split(".") if package else []
            anchor = anchor[: len(anchor) - (node.level - 1)] if node.level > 1 else anchor
            base = ".".join([*anchor, *([node.module] if node.module else [])])
            if node.module:
                found.add(base)
            else:  # from . import x
                found |= {".".join([*anchor, a.name]) for a in node.names}
    return {f for f in found if f and f != name}


GRAPH = {_module_name(p): _imports(p) for p in PACKAGE.rglob("*.py")}


def test_every_module_is_in_a_layer() -> None:
    for module in GRAPH:
        _layer_of(module if module != "" else "__init__")


def test_imports_only_point_down() -> None:
    upward = []
    for module, imported in GRAPH.items():
        for target in imported:
            if module.startswith("export") and target.startswith("export"):
                continue  # siblings inside one layer; the circle test below still covers them
            if module != "__init__" and _layer_of(target) >= _layer_of(module):
                upward.append(f"{module} -> {target}")
    assert upward == []


def test_there_is_no_import_circle() -> None:
    def visit(module: str, path: list[str]) -> None:
        for target in sorted(GRAPH.get(module, ())):
            assert target not in path, " -> ".join([*path, target])
            visit(target, [*path, target])

    for module in GRAPH:
        visit(module, [module])


def test_the_layer_test_sees_lazy_imports() -> None:
    """A function-level import counts: the layer rules cover the lazy ones too."""
    assert "convert" in GRAPH["dataset"]  # imported inside read_events only
