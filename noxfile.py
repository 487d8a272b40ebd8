"""Development sessions: tests, lint, typing, schemas and the demo draft."""

import nox

nox.options.sessions = ["tests", "lint", "typing", "schemas"]
nox.options.error_on_missing_interpreters = True
PYTHON = "3.11"


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """Run the whole test suite (LibreOffice must be installed: scripts/install-test-deps.sh)."""
    session.install("-e", ".[test]")
    session.run("pytest", *session.posargs)


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """Lint with ruff."""
    session.install("-e", ".[lint]")
    session.run("ruff", "check", "src", "tests", "benchmarks", "noxfile.py")


@nox.session(python=PYTHON)
def typing(session: nox.Session) -> None:
    """Type-check the package with mypy --strict."""
    session.install("-e", ".[typing]")
    session.run("mypy")


@nox.session(python=PYTHON)
def schemas(session: nox.Session) -> None:
    """Check every schema against the JSON Schema 2020-12 metaschema."""
    session.install("-e", ".")
    session.run("python", "-m", "secretariat.records.metaschema")


@nox.session(python=PYTHON)
def demo(session: nox.Session) -> None:
    """Draft the bundled 2016 example report."""
    session.install(".")
    session.run("secretariat", "draft", "drafts/ctoc-cop-2016-tip", "-o", "ctoc-cop-2016-tip.docx")


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Run the benchmarks and print their numbers (the bench extra holds the reference tools)."""
    session.install("-e", ".[bench]")
    session.run("python", "benchmarks/run.py", *session.posargs)
