"""The Jinja environment: strict, escaping, with the UN editorial filters and located errors."""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from secretariat.errors import TemplateError
from secretariat.render.escape import finalize
from secretariat.render.filters import make_filters
from secretariat.render.gaps import Placeholder, gap_aware
from secretariat.resources import resource_path

RECORD_PREFIX = "record:"


class RecordTextLoader(jinja2.BaseLoader):
    """Serve texts held in record files (``record:<file> <pointer>``) as templates."""

    def __init__(self) -> None:
        self.texts: dict[str, str] = {}

    def add(self, name: str, text: str) -> str:
        """Register a record text under a name and return the template name to load it by."""
        key = RECORD_PREFIX + name
        self.texts[key] = text
        return key

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        if template not in self.texts:
            raise jinja2.TemplateNotFound(template)
        return self.texts[template], template, lambda: True


def make_environment(on: date, report_templates: Path | None = None) -> tuple[jinja2.Environment, RecordTextLoader]:
    """Build the environment: a report's own templates first, then the packaged ones."""
    records = RecordTextLoader()
    folders = [str(report_templates)] if report_templates is not None and report_templates.is_dir() else []
    folders.append(str(resource_path("templates", ".")))
    # Sandboxed: record texts are written by many hands, and a template must not reach Python internals.
    env = ImmutableSandboxedEnvironment(
        loader=jinja2.ChoiceLoader([records, jinja2.FileSystemLoader(folders)]),
        undefined=jinja2.StrictUndefined,
        finalize=finalize,
        autoescape=False,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(make_filters(on))
    env.globals["gap"] = Placeholder  # {{ gap('what to write') }}: a visible placeholder that the gaps check lists
    env.filters = {name: gap_aware(function) for name, function in env.filters.items()}
    return env, records


def _where(name: str) -> str:
    if name.startswith(RECORD_PREFIX):
        file, _, pointer = name.removeprefix(RECORD_PREFIX).partition(" ")
        return f"{file} {pointer}"
    return f"templates/{name}"


def _raise(name: str | None, line: int | None, message: str, cause: BaseException) -> NoReturn:
    raise TemplateError.at(_where(name) if name else "a template", line, message) from cause


def render(env: jinja2.Environment, name: str, context: Mapping[str, Any]) -> str:
    """Render a template; a failure names the template (or record text) and the line."""
    try:
        return env.get_template(name).render(context)
    except jinja2.TemplateSyntaxError as e:
        _raise(e.name or name, e.lineno, f"template syntax error: {e.message}", e)
    except jinja2.TemplateNotFound as e:
        _raise(name, None, f"expected a template named {e.name!r}, found none", e)
    except (jinja2.UndefinedError, jinja2.TemplateRuntimeError, ValueError, TypeError, ArithmeticError,
            KeyError) as e:
        frame_name, line = _template_frame(sys.exc_info()[2], name)
        kind = ("missing data" if isinstance(e, jinja2.UndefinedError)
                else "not allowed" if isinstance(e, SecurityError) else "bad value")
        _raise(frame_name, line, f"{kind}: {e}", e)


def _template_frame(tb: Any, fallback: str) -> tuple[str, int | None]:
    """Find the innermost traceback frame that belongs to a template."""
    found: tuple[str, int | None] = (fallback, None)
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.startswith(RECORD_PREFIX) or filename.endswith(".j2"):
            found = (_template_name(filename), tb.tb_lineno)
        tb = tb.tb_next
    return found


def _template_name(filename: str) -> str:
    if filename.startswith(RECORD_PREFIX):
        return filename
    return Path(filename).name
