"""The Jinja environment: sandboxed and bounded, strict, escaping, with the UN editorial filters and located errors."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.loaders import split_template_path

from secretariat.errors import LimitError, TemplateError, UnsafeFileError
from secretariat.files import read_regular
from secretariat.limits import FILE_BYTES, TEXT_CHARS, Limit
from secretariat.render.escape import finalize
from secretariat.render.filters import FILTERS, make_filters
from secretariat.render.gaps import Placeholder, gap_aware
from secretariat.render.sandbox import BoundedSandbox, bounded_filter
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


class FolderLoader(jinja2.BaseLoader):
    """Serve the templates of one folder: regular files inside ``inside`` only (no link out), size-checked."""

    def __init__(self, folder: Path, inside: Path) -> None:
        self.folder, self.inside = folder, inside

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        path = self.folder.joinpath(*split_template_path(template))
        if not path.is_file() and not path.is_symlink():
            raise jinja2.TemplateNotFound(template)
        try:
            text = read_regular(path, FILE_BYTES, self.inside).decode("utf-8")
        except (UnsafeFileError, LimitError) as e:
            raise TemplateError(f"templates/{template}: {e.message.removeprefix(f'{path}: ')}") from e
        except UnicodeDecodeError as e:
            raise TemplateError(f"{path}: expected UTF-8 text, found byte 0x{e.object[e.start]:02x}") from e
        return text, str(path), lambda: True


def make_environment(on: date, report_templates: Path | None = None) -> tuple[BoundedSandbox, RecordTextLoader]:
    """Build the environment: a report's own templates first (from inside the report), then the packaged ones."""
    records = RecordTextLoader()
    loaders: list[jinja2.BaseLoader] = [records]
    if report_templates is not None:
        loaders.append(FolderLoader(report_templates, report_templates.parent))
    packaged = resource_path("templates", ".")
    loaders.append(FolderLoader(packaged, packaged))
    # Sandboxed and bounded: record texts are written by many hands, and a template must neither reach
    # Python internals nor hang or exhaust the run.
    env = BoundedSandbox(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        finalize=finalize,
        autoescape=False,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(make_filters(on))
    env.globals["gap"] = Placeholder  # {{ gap('what to write') }}: a visible placeholder that the gaps check lists
    env.filters = {name: bounded_filter(env.budget, name, gap_aware(function))
                   for name, function in env.filters.items()}
    return env, records


def _where(name: str) -> str:
    if name.startswith(RECORD_PREFIX):
        file, _, pointer = name.removeprefix(RECORD_PREFIX).partition(" ")
        return f"{file} {pointer}"
    return f"templates/{name}"


def _raise(name: str | None, line: int | None, message: str, cause: BaseException) -> NoReturn:
    raise TemplateError.at(_where(name) if name else "a template", line, message) from cause


def render(env: jinja2.Environment, name: str, context: Mapping[str, Any], limit: Limit = TEXT_CHARS) -> str:
    """Render a template, at most ``limit`` characters; a failure names the template (or record text) and the line."""
    try:
        parts, size, most = [], 0, limit.value  # read once: the body template yields thousands of chunks
        for chunk in env.get_template(name).generate(context):
            size += len(chunk)
            if size > most:
                raise LimitError(limit.exceeded("more once rendered"))
            parts.append(chunk)
        return "".join(parts)
    except jinja2.TemplateSyntaxError as e:
        unknown = re.match(r"No filter named '([^']*)'", e.message or "")
        if unknown is not None:  # say what there is to choose from
            _raise(e.name or name, e.lineno, f"expected one of the editorial filters ({', '.join(sorted(FILTERS))}), "
                                             f"found the unknown filter {unknown.group(1)!r}", e)
        _raise(e.name or name, e.lineno, f"template syntax error: {e.message}", e)
    except jinja2.TemplateNotFound as e:
        _raise(name, None, f"expected a template named {e.name!r}, found none", e)
    except (jinja2.UndefinedError, jinja2.TemplateRuntimeError, ValueError, TypeError, ArithmeticError,
            KeyError) as e:
        frame_name, line = _template_frame(sys.exc_info()[2], name)
        if isinstance(e, jinja2.UndefinedError):
            _raise(frame_name, line, _undefined(str(e)), e)
        _raise(frame_name, line, f"{'not allowed' if isinstance(e, SecurityError) else 'bad value'}: {e}", e)
    except (LimitError, UnsafeFileError, TemplateError) as e:
        frame_name, line = _template_frame(sys.exc_info()[2], name)
        _raise(frame_name, line, e.message, e)
    except RecursionError as e:
        frame_name, line = _template_frame(sys.exc_info()[2], name)
        _raise(frame_name, line, "nested too deeply: expected a macro or include that ends, or expressions "
                                 "nested less deeply", e)


def _undefined(message: str) -> str:
    """Say a missing name or field in the words of the person who wrote the text."""
    name = re.fullmatch(r"'(.*)' is undefined", message)
    if name is not None:
        return (f"expected a name the records give a text (report, fig, act, prev when previous_report is set, "
                f"gap), found {name.group(1)!r}")
    key = re.fullmatch(r"'.*' has no (?:attribute|element) '?(.*?)'?", message)
    if key is not None:
        return (f"expected a field of the records or a figure id of figures.json named {key.group(1)!r}, found "
                "none by that name")
    return f"missing data: {message}"


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
