#!/bin/sh
# Install what the test suite needs beyond Python packages: LibreOffice Writer and Calc (the tests open
# every draft and the submission form with a real office suite; python3-uno lets the tests edit a draft in it as an
# editor would), poppler's pdftoppm, pandoc (a second reader of tracked changes) and Liberation Serif (metric-
# compatible with Times New Roman, so pages break as in the issued document); then the project with its test
# extra (nox, pytest).
set -eu
if ! command -v soffice >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1 || ! command -v pandoc >/dev/null 2>&1 \
    || ! dpkg -s libreoffice-calc-nogui >/dev/null 2>&1 || ! dpkg -s python3-uno >/dev/null 2>&1 \
    || ! dpkg -s fonts-liberation >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            libreoffice-writer-nogui libreoffice-calc-nogui python3-uno poppler-utils pandoc fonts-liberation >/dev/null
    else
        echo "install LibreOffice (soffice), poppler-utils (pdftoppm), pandoc and the Liberation fonts with your package manager" >&2
        exit 1
    fi
fi
python3 -m pip install -q -e '.[test]'
