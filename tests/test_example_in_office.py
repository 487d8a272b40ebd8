"""The bundled 2016 report, drafted and opened by a real office suite, reads as the published report."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from office import convert, pdf_page_count, pdf_pages_text, to_text

pytestmark = pytest.mark.office

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden" / "ctoc-cop-2016-tip.paragraphs.txt"
MASTHEAD = [
    "United Nations",
    "CTOC/COP/2016/2",
    "Conference of the Parties to the United Nations Convention against Transnational Organized Crime",
    "Distr.: General",
    "14 June 2016",
    "Original: English",
    "Eighth session",
    "Vienna, 17–21 October 2016",
    "Item 2 (b) of the provisional agenda*",
]


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("draft") / "ctoc-cop-2016-tip.docx"
    command = [sys.executable, "-m", "secretariat", "draft", str(ROOT / "drafts" / "ctoc-cop-2016-tip"), "-o", str(out)]
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    return out


@pytest.fixture(scope="module")
def office_text(drafted: Path, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    text = to_text(drafted, tmp_path_factory.mktemp("txt"))
    return [line.strip() for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def pdf(drafted: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return convert(drafted, "pdf", tmp_path_factory.mktemp("pdf"))


def test_masthead_comes_first(office_text: list[str]) -> None:
    assert office_text[: len(MASTHEAD)] == MASTHEAD
    assert office_text.index("Report of the Secretariat") < office_text.index("I. Introduction")


def test_body_equals_the_published_report(office_text: list[str]) -> None:
    body = office_text[office_text.index("Report of the Secretariat") + 1 :]
    # The office suite prints a footnote's number after the punctuation; the golden text has no marks.
    body = [re.sub(r"([.;:,])\d+$", r"\1", line) for line in body]
    expected = GOLDEN.read_text(encoding="utf-8").splitlines()
    assert body == expected


def test_paragraphs_are_numbered_1_to_74_and_headings_are_18(office_text: list[str]) -> None:
    content = json.loads((ROOT / "drafts" / "ctoc-cop-2016-tip" / "content.json").read_text(encoding="utf-8"))
    heading_texts = {b["text"] for b in content["blocks"] if "heading" in b}
    body = office_text[office_text.index("Report of the Secretariat") + 1 :]
    labelled = [re.match(r"([IVX]+|[A-Z]|\d+)\. (.*)", line) for line in body]
    headings = [m.group(1) for m in labelled if m is not None and m.group(2) in heading_texts]
    numbers = [int(m.group(1)) for m in labelled if m is not None and m.group(2) not in heading_texts]
    assert numbers == list(range(1, 75))
    assert headings == ["I", "II", "A", *map(str, range(1, 8)), "B", *map(str, range(1, 7)), "III"]


def test_subparagraphs_a_to_f_follow_paragraph_3(office_text: list[str]) -> None:
    start = next(i for i, line in enumerate(office_text) if line.startswith("3. "))
    assert [line[:3] for line in office_text[start + 1 : start + 7]] == [f"({c})" for c in "abcdef"]
    assert office_text[start + 7].startswith("II. ")


def test_both_footnotes_print_in_the_pdf(pdf: Path) -> None:
    first_page = " ".join(pdf_pages_text(pdf, 1, 1).split())
    assert "* CTOC/COP/2016/1." in first_page
    everything = " ".join(pdf_pages_text(pdf, 1, pdf_page_count(pdf)).split())
    assert re.search(r"1 A press release on the French-Bosnian human traffickers arrested following cooperation "
                     r"between Bosnia and Herzegovina, France, UNODC and Eurojust is available at "
                     r"www\.eurojust\.europa\.eu\.", everything)
    assert "acknowledged by partner organizations.1 53. International cooperation" in everything


def test_first_page_foot_carries_job_number_and_barcode(pdf: Path) -> None:
    first_page = pdf_pages_text(pdf, 1, 1)
    assert "V.16-03496 (E)" in first_page and "280616" in first_page and "290616" in first_page
    assert "*1603496*" in first_page


def test_later_pages_carry_symbol_page_number_and_job_number(pdf: Path) -> None:
    pages = pdf_page_count(pdf)
    assert pages >= 8
    for page in (2, 3):
        text = pdf_pages_text(pdf, page, page)
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert "CTOC/COP/2016/2" in lines[0]
        assert "V.16-03496" in lines[-1] and re.search(rf"\b{page}\b", lines[-1])


def _page(pdf: Path, page: int) -> str:
    return " ".join(pdf_pages_text(pdf, page, page, layout=False).split())


def test_pages_break_where_the_published_report_breaks(pdf: Path) -> None:
    # The seed's page markers: page 1 ends after paragraph 2, page 4 opens inside paragraph 12, page 5 ends
    # after paragraph 21, and the last page, 15, holds chapter III with paragraphs 73 and 74.
    assert pdf_page_count(pdf) == 15
    first, fifth, last = _page(pdf, 1), _page(pdf, 5), _page(pdf, 15)
    assert "have become parties to the Protocol." in first and "3. The following" not in first
    assert _page(pdf, 4).startswith("CTOC/COP/2016/2 forms of trafficking in persons and bring offenders to justice.")
    assert "to be fully operational by mid-2016." in fifth and "22. " not in fifth
    assert re.search(r"III\. Conclusions 73\. In promoting .* 74\. Despite the progress made", last)
    assert "72. " not in last


def test_page_one_barcode_and_qr_code_decode(pdf: Path, tmp_path: Path) -> None:
    subprocess.run(["pdftoppm", "-png", "-r", "300", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")],
                   check=True, capture_output=True, timeout=120)
    found = {r.format.name: r.text for r in zxingcpp.read_barcodes(Image.open(next(tmp_path.glob("p*.png"))))}
    assert found == {"Code39": "1603496", "QRCode": "https://undocs.org/CTOC/COP/2016/2"}
