"""Build the XLSX submission form from the schemas: a sheet per kind of record, drop-downs, instructions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils.cell import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation

from secretariat.errors import CountryNameUncertainError
from secretariat.files import write_file
from secretariat.intake.columns import DATE_FORMAT, LISTS, Field, Layout, activities_layout
from secretariat.intake.instructions import write_instructions
from secretariat.intake.run import open_report
from secretariat.records import report_date
from secretariat.registers.countries import country_register

FORMATS = {"date": DATE_FORMAT, "integer": "#,##0", "text": "@", "text-list": "@"}
WIDTHS = {"title": 40, "narrative": 60, "partners": 40, "participants.description": 30,
          "outside_period_reason": 30}
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


@dataclass(frozen=True)
class WorkbookOptions:
    """What ``secretariat workbook`` was asked to do."""

    report_dir: Path
    output: Path


def country_names(on: date) -> list[str]:
    """Return the UN short names in force on ``on``, in UN alphabetical order (both names during a renaming)."""
    register = country_register()
    names: dict[str, str] = {}
    for code in register.codes:
        try:
            names[register.name(code, on)] = register.sort_key(code, on)
        except CountryNameUncertainError:
            for renaming in register.country(code).renamings:
                names.update({renaming.old.short: renaming.old.sort_key, renaming.new.short: renaming.new.sort_key})
    return sorted(names, key=lambda name: names[name])


def _lists(workbook: Workbook, lists: dict[str, list[str]]) -> dict[str, str]:
    """Write each list in a column of the hidden lists sheet; return the defined name of each."""
    sheet = workbook.create_sheet(LISTS)
    sheet.sheet_state = "hidden"
    names = {}
    for position, (title, values) in enumerate(lists.items(), start=1):
        letter = get_column_letter(position)
        sheet.cell(1, position, title)
        for row, value in enumerate(values, start=2):
            sheet.cell(row, position, value).number_format = "@"
        name = "list_" + title.replace(".", "_").replace("-", "_")
        reference = f"{quote_sheetname(LISTS)}!${letter}$2:${letter}${len(values) + 1}"
        workbook.defined_names[name] = DefinedName(name, attr_text=reference)
        names[title] = name
    return names


def _list_name(field: Field) -> str:
    return "country" if field.kind == "country" else field.header.replace(".{n}", "")


def _data_sheet(workbook: Workbook, layout: Layout, names: dict[str, str]) -> None:
    sheet = workbook.create_sheet(layout.sheet, 0)
    workbook.active = 0
    for position, (header, field) in enumerate(layout.form_headers(), start=1):
        letter = get_column_letter(position)
        cell = sheet.cell(1, position, header)
        cell.font, cell.fill = Font(bold=True), HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        dimension = sheet.column_dimensions[letter]
        dimension.width = WIDTHS.get(field.header, 14 if field.kind in ("date", "integer") else 22)
        if field.kind in FORMATS:
            dimension.number_format = FORMATS[field.kind]
        list_name = names.get(_list_name(field))
        if list_name is None:
            continue
        strict = field.header != "paragraph"
        validation = DataValidation(type="list", formula1=f"={list_name}", allow_blank=True,
                                    showErrorMessage=True, errorStyle="stop" if strict else "warning",
                                    errorTitle=header, error="Choose a value from the list.")
        validation.add(f"{letter}2:{letter}1048576")
        sheet.add_data_validation(validation)
    sheet.freeze_panes = "B2"


def build_form(layout: Layout, on: date, paragraphs: list[str], title: str) -> Workbook:
    """Return the form of one kind of record, with the lists and the instructions."""
    workbook = Workbook()
    workbook.remove(workbook.worksheets[0])
    lists: dict[str, list[str]] = {}
    for field in layout.fields:
        if field.kind == "enum":
            lists[_list_name(field)] = list(field.values)
    lists["country"] = country_names(on)
    if paragraphs:
        lists["paragraph"] = paragraphs
    names = _lists(workbook, lists)
    _data_sheet(workbook, layout, names)
    write_instructions(workbook, layout, on, title, DATE_FORMAT)
    workbook.properties.title = f"Submission form: {layout.sheet}"
    workbook.properties.creator = "secretariat"
    return workbook


def write_form(options: WorkbookOptions) -> Path:
    """Write the submission form of a report to ``options.output`` atomically; return the path."""
    report = open_report(options.report_dir, ("report.json", "content.json"))
    paragraphs = [block["id"] for block in report.content if "id" in block]
    workbook = build_form(activities_layout(), report_date(report), paragraphs, options.report_dir.name)
    target = options.output
    write_file(target, workbook.save)
    return target
