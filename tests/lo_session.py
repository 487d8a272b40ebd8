"""Start a headless LibreOffice with its own profile and connect to it over UNO (for the tests' office scripts).

Imported by tests/lo_edit.py and tests/lo_revisions.py, which run under the system python3 (python3-uno).
"""
import os
import shutil
import subprocess
import tempfile
import time
from contextlib import contextmanager

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    """Return a UNO PropertyValue."""
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


@contextmanager
def office(name):
    """Yield (component context, desktop) of a LibreOffice started for this block and stopped after it."""
    profile = tempfile.mkdtemp(prefix=f"{name}-profile-")
    pipe = f"{name}{os.getpid()}"
    process = subprocess.Popen(
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
            raise SystemExit("LibreOffice did not start")
        yield ctx, ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(profile, ignore_errors=True)
