"""Imports flow one way, down the pipeline: each part of secretariat imports only parts in lower layers."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "secretariat"

# Lowest first. A part may import from any lower layer, never from its own layer or a higher one: the parts
# of one layer are independent of each other (checks neither render nor read the series code, for example).
LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"secretariat", "dates", "english_numbers", "errors", "resources"}),
    frozenset({"limits"}),  # the limits in force, read from the environment
    frozenset({"files"}),  # the one safe reader and writer, bounded by the limits
    frozenset({"records", "model"}),
    frozenset({"registers"}),
    frozenset({"lint"}),  # the editorial rules: checks run them as the style check, linting on documents
    frozenset({"render", "checks", "series", "intake", "word"}),
    frozenset({"compare"}),  # compares drafts, and Word documents read back through word
    frozenset({"pipeline"}),
    frozenset({"changes", "review", "linting"}),  # review: an edited .docx against its records, through the
    # pipeline; linting: documents through lint, report folders through the pipeline's check
    frozenset({"reporters"}),
    frozenset({"cli"}),
    frozenset({"__main__"}),
)
LAYER = {part: number for number, parts in enumerate(LAYERS) for part in parts}


def part_of(module: str) -> str:
    """Return the part a dotted module name belongs to: "secretariat.checks.context" gives "checks"."""
    names = module.split(".")
    return names[1] if len(names) > 1 else names[0]


def imports(package: Path = PACKAGE) -> Iterator[tuple[str, int, str]]:
    """Yield (file, line, imported module) for every import of secretariat, lazy and relative ones too."""
    for path in sorted(package.rglob("*.py")):
        here = path.relative_to(package.parent).with_suffix("").parts
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level > 0:
                # "from ..render import body" in secretariat/checks/x.py is secretariat.render.body
                base = ".".join(here[: len(here) - node.level])
                names = ([f"{base}.{node.module}"] if node.module
                         else [f"{base}.{alias.name}" for alias in node.names])
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            for name in names:
                if name.split(".")[0] == "secretariat":
                    yield str(path.relative_to(package.parent)), node.lineno, name


def importer(file: str) -> str:
    """Return the part a source file belongs to."""
    return part_of(file.removesuffix(".py").replace("/", ".").removesuffix(".__init__"))


def test_every_part_has_a_layer() -> None:
    parts = {importer(str(p.relative_to(PACKAGE.parent))) for p in PACKAGE.rglob("*.py")}
    assert parts - LAYER.keys() == set(), "place each new part in LAYERS (tests/test_import_directions.py)"


def upward_imports(package: Path = PACKAGE) -> list[str]:
    """Return every import of a part in the same or a higher layer, as "file:line: what"."""
    wrong = []
    for file, line, module in imports(package):
        source, target = importer(file), part_of(module)
        if source != target and LAYER[target] >= LAYER.get(source, -1):
            wrong.append(f"{file}:{line}: {source} (layer {LAYER.get(source)}) imports {module} "
                         f"(layer {LAYER[target]})")
    return wrong


def test_imports_go_only_to_lower_layers() -> None:
    assert upward_imports() == []


def test_no_part_reaches_into_another_parts_private_modules() -> None:
    wrong = [f"{file}:{line}: {module}" for file, line, module in imports()
             if part_of(module) != importer(file) and any(n.startswith("_") for n in module.split(".")[2:])]
    assert wrong == []


def test_an_import_against_the_flow_is_found(tmp_path: Path) -> None:
    package = tmp_path / "secretariat"
    (package / "checks" / "plugins").mkdir(parents=True)
    (package / "checks" / "plugins" / "words.py").write_text(
        "from secretariat.records import load_report\n\ndef run():\n    import secretariat.render.body\n")
    (package / "checks" / "plugins" / "__init__.py").write_text("from ...render import body\n")
    (package / "checks" / "dates.py").write_text("from . import plugins\nfrom ..series import start\n")
    (package / "registers").mkdir()
    (package / "registers" / "__init__.py").write_text("from secretariat.dates import parse\n")
    assert upward_imports(package) == [
        f"secretariat/checks/dates.py:2: checks (layer {LAYER['checks']}) imports secretariat.series "
        f"(layer {LAYER['series']})",
        f"secretariat/checks/plugins/__init__.py:1: checks (layer {LAYER['checks']}) imports secretariat.render "
        f"(layer {LAYER['render']})",
        f"secretariat/checks/plugins/words.py:4: checks (layer {LAYER['checks']}) imports secretariat.render.body "
        f"(layer {LAYER['render']})"]
