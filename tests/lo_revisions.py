#!/usr/bin/python3
"""Accept and reject every tracked change of several Word files in one LibreOffice start (the referee).

Usage: /usr/bin/python3 tests/lo_revisions.py OUTDIR IN.docx...

For each IN.docx writes to OUTDIR: <stem>.count (tracked changes LibreOffice sees), <stem>.txt and <stem>.docx
(the document as LibreOffice reads it; the text with automatic numbers), and for a file with tracked changes
<stem>.accept.txt/.accept.docx (after accepting all) and <stem>.reject.txt/.reject.docx (after rejecting all).
Needs Debian's python3-uno, so the system python3, not a venv. The same recipe as
../shared/tools/office_revisions.py, batched: one office start instead of one per file and action.
"""
import os
import sys

import uno

from lo_session import office, prop

FILTERS = {".txt": "Text (encoded)", ".docx": "MS Word 2007 XML"}


def count(doc):
    enum = doc.Redlines.createEnumeration()
    n = 0
    while enum.hasMoreElements():
        enum.nextElement()
        n += 1
    return n


def store(doc, path):
    options = "UTF8" if path.endswith(".txt") else ""
    props = [prop("FilterName", FILTERS[os.path.splitext(path)[1]])]
    if options:
        props.append(prop("FilterOptions", options))
    doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(path)), tuple(props))


def main(outdir, inputs):
    with office("lorevisions") as (ctx, desktop):
        dispatcher = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        for src in inputs:
            refereed(desktop, dispatcher, src, os.path.join(outdir, os.path.splitext(os.path.basename(src))[0]))


def refereed(desktop, dispatcher, src, stem):
    """Write what LibreOffice makes of src as is, after accepting all and after rejecting all."""
    for action in ("as-is", "accept", "reject"):
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), "_blank", 0,
                                           (prop("Hidden", True),))
        if doc is None:
            sys.exit(f"LibreOffice could not open {src}")
        if action == "as-is":
            found = count(doc)
            with open(stem + ".count", "w") as f:
                f.write(str(found))
            store(doc, stem + ".txt")
            store(doc, stem + ".docx")
            if not found:
                doc.close(True)
                return
        else:
            frame = doc.getCurrentController().getFrame()
            command = ".uno:AcceptAllTrackedChanges" if action == "accept" else ".uno:RejectAllTrackedChanges"
            dispatcher.executeDispatch(frame, command, "", 0, ())
            left = count(doc)
            if left:
                sys.exit(f"{src}: {left} tracked change(s) could not be {action}ed")
            store(doc, f"{stem}.{action}.txt")
            store(doc, f"{stem}.{action}.docx")
        doc.close(True)


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])
