#!/usr/bin/python3
"""Edit a .docx as an editor would, in LibreOffice over UNO, and save it as .docx.

Usage: /usr/bin/python3 tests/lo_edit.py JOBS.json
JOBS.json: [{"in": IN.docx, "out": OUT.docx, "edits": [EDIT, ...]}, ...], all done in one LibreOffice session.
EDIT is one of
  {"replace": OLD, "by": NEW}                  every occurrence, as Find & Replace does
  {"delete": START}                            the first body paragraph whose text starts with START
  {"insert_after": START, "text": TEXT}        a new paragraph (same style) after that paragraph
  {"track": true}                              record the following edits as tracked changes
Needs Debian's python3-uno, so the system python3. Comments must not be in IN (LibreOffice 7.4 crashes on
them over UNO): draft with --no-comments.
"""
import json
import os
import sys

import uno

from lo_session import office, prop

PARAGRAPH_BREAK = 0


def paragraph(doc, start):
    enum = doc.Text.createEnumeration()
    while enum.hasMoreElements():
        element = enum.nextElement()
        if element.supportsService("com.sun.star.text.Paragraph") and element.getString().startswith(start):
            return element
    raise SystemExit(f"no paragraph starts with {start!r}")


def whole(doc, para):
    """Select a paragraph with the mark before it, so the paragraph before keeps its style, as in Word."""
    cursor = doc.Text.createTextCursorByRange(para.getStart())
    cursor.goLeft(1, False)
    cursor.gotoRange(para.getEnd(), True)
    return cursor


def edit(doc, step):
    if "track" in step:
        doc.RecordChanges = bool(step["track"])
    elif "replace" in step:
        descriptor = doc.createReplaceDescriptor()
        descriptor.SearchString, descriptor.ReplaceString = step["replace"], step["by"]
        if doc.replaceAll(descriptor) == 0:
            raise SystemExit(f"{step['replace']!r} not found")
    elif "delete" in step:
        whole(doc, paragraph(doc, step["delete"])).setString("")
    elif "insert_after" in step:
        cursor = doc.Text.createTextCursorByRange(paragraph(doc, step["insert_after"]).getEnd())
        doc.Text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
        doc.Text.insertString(cursor, step["text"], False)
    else:
        raise SystemExit(f"unknown edit {step!r}")


def main(jobs_file):
    with open(jobs_file, encoding="utf-8") as handle:
        jobs = json.load(handle)
    with office("loedit") as (_ctx, desktop):
        for job in jobs:
            url = uno.systemPathToFileUrl(os.path.abspath(job["in"]))
            doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
            if doc is None:
                raise SystemExit(f"LibreOffice could not open {job['in']}")
            for step in job["edits"]:
                edit(doc, step)
            doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(job["out"])),
                           (prop("FilterName", "MS Word 2007 XML"),))
            doc.close(True)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    main(sys.argv[1])
