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
import shutil
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue

FILTERS = {".txt": "Text (encoded)", ".docx": "MS Word 2007 XML"}


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


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
    profile = tempfile.mkdtemp(prefix="lo-profile-")
    pipe = f"lo{os.getpid()}"
    office = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--nologo", "--norestore",
         f"-env:UserInstallation=file://{profile}", f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(150):
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.2)
        else:
            sys.exit("LibreOffice did not start")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        dispatcher = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        for src in inputs:
            stem = os.path.join(outdir, os.path.splitext(os.path.basename(src))[0])
            for action in ("as-is", "accept", "reject"):
                url = uno.systemPathToFileUrl(os.path.abspath(src))
                doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
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
                        break
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
    finally:
        office.terminate()
        try:
            office.wait(10)
        except subprocess.TimeoutExpired:
            office.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])
