"""Write the Instructions sheet of the form: how to fill it in, the date convention, and every column."""

from __future__ import annotations

from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from secretariat.intake.columns import CONVENTION_LABEL, FORM_REPEATS, INSTRUCTIONS, Field, Layout

HOW = {
    "text": "text",
    "integer": "a whole number (1,311 or 1311)",
    "date": "a date DD/MM/YYYY; a month or a year alone as text: '2015-11 or '2015 (with the apostrophe)",
    "enum": "choose from the drop-down list",
    "country": "one country per cell, as the United Nations writes it: choose from the drop-down list",
    "text-list": "one or more, separated by semicolons (;)",
}


def _general(layout: Layout, on: date, title: str, date_format: str) -> list[tuple[str, str]]:
    return [
        ("Rows", f"Fill in one row per record on the sheet '{layout.sheet}', starting at row 2. Keep the header row as "
             "it is: do not rename, add or remove columns, and do not merge cells."),
        ("Formulas", "Type values, not formulas; a formula is read as the value it last calculated."),
        (CONVENTION_LABEL, date_format),
        ("Dates", f"Dates are written {date_format} (the date columns are formatted so). A month or a year alone: type "
             "it as text with a leading apostrophe, '2015-11 or '2015; a year typed as a number is understood too."),
        ("Countries", f"Country names are the United Nations short names in force on {on.isoformat()}; other usual "
             "spellings are understood. Each is stored as its ISO 3166-1 alpha-3 code."),
        ("Numbered columns", "Numbered columns (countries.1, countries.2, …; places.1.city, places.1.country, …) "
             "hold one value each; fill them from 1 and add more columns with the next numbers if you need them."),
        ("Ids", "Leave 'id' empty to have one made from the title; give it to correct a record sent before. A row "
             "that repeats a record already received is recognized and not taken in twice."),
        ("Report", f"Report folder: {title}."),
    ]


def _column_rows(layout: Layout) -> list[tuple[str, str, str, str]]:
    rows = []
    seen: set[str] = set()
    for header, field in layout.form_headers():
        label = field.header.replace("{n}", "N") if field.numbered else header
        if label in seen:
            continue
        seen.add(label)
        if field.numbered:
            label += f"  (N = 1 to {FORM_REPEATS.get(field.path[0], 1)} on the form)"
        rows.append((label, field.description, _how(field), "required" if field.required else ""))
    return rows


def _how(field: Field) -> str:
    how = HOW[field.kind]
    if field.kind == "integer" and field.minimum is not None:
        how += f", at least {field.minimum}"
    if field.kind == "enum":
        how += ": " + ", ".join(field.values)
    return how


def write_instructions(workbook: Workbook, layout: Layout, on: date, title: str, date_format: str) -> None:
    """Add the Instructions sheet (the form's date convention is read back from its "Date convention" row)."""
    sheet = workbook.create_sheet(INSTRUCTIONS, 1)
    sheet.cell(1, 1, f"How to fill in this form ({layout.sheet})").font = Font(bold=True, size=13)
    row = 3
    for label, text in _general(layout, on, title, date_format):
        sheet.cell(row, 1, label).font = Font(bold=True)
        sheet.cell(row, 2, text).alignment = Alignment(wrap_text=True, vertical="top")
        row += 1
    row += 1
    for position, header in enumerate(("column", "what it holds", "how to write it", "required"), start=1):
        sheet.cell(row, position, header).font = Font(bold=True)
    for values in _column_rows(layout):
        row += 1
        for position, value in enumerate(values, start=1):
            sheet.cell(row, position, value).alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in zip("ABCD", (34, 100, 50, 10), strict=True):
        sheet.column_dimensions[letter].width = width
