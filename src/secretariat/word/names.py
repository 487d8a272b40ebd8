"""Define the style ids and page measures the part writers share (ids are fixed here, never looked up)."""

from __future__ import annotations

# A4 with 2.5 cm side margins, in twentieths of a point.
PAGE_WIDTH, PAGE_HEIGHT = 11906, 16838
MARGIN_TOP, MARGIN_SIDE, MARGIN_BOTTOM, HEADER_FOOTER_DISTANCE = 1440, 1417, 1417, 720
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN_SIDE  # 9072, 16 cm

# Numbering instances (w:numId) of the body paragraph list and the heading list.
PARAGRAPHS_NUM_ID, HEADINGS_NUM_ID = 1, 2

# Style ids, resolved once here; the writers use these constants and never look styles up by name.
NORMAL = "Normal"
HEADINGS = {1: "Heading1", 2: "Heading2", 3: "Heading3"}
NUMBERED_PARAGRAPH = "UNNumberedParagraph"
SUBPARAGRAPH = "UNSubparagraph"
FOOTNOTE_TEXT = "FootnoteText"
FOOTNOTE_REFERENCE = "FootnoteReference"
FOOTNOTE_SEPARATOR = "UNFootnoteSeparator"
EMPHASIS, STRONG, STRONG_EMPHASIS = "UNEmphasis", "UNStrong", "UNStrongEmphasis"
HEADER, FOOTER = "Header", "Footer"
RUNNING_HEAD_EVEN, RUNNING_HEAD_ODD = "UNRunningHeadEven", "UNRunningHeadOdd"
RUNNING_FOOT, PAGE_NUMBER = "UNRunningFoot", "UNPageNumber"
JOB_NUMBER, BARCODE = "UNJobNumber", "UNBarcode"
MASTHEAD_TABLE = "UNMastheadTable"
MASTHEAD_ORG, MASTHEAD_SYMBOL = "UNMastheadOrg", "UNMastheadSymbol"
MASTHEAD_BODY, MASTHEAD_DISTR, MASTHEAD_ORIGINAL = "UNMastheadBody", "UNMastheadDistr", "UNMastheadOriginal"
MASTHEAD_SESSION, MASTHEAD_VENUE, MASTHEAD_ITEM = "UNMastheadSession", "UNMastheadVenue", "UNMastheadItem"
MASTHEAD_AGENDA_TITLE, TITLE, SUBTITLE = "UNMastheadAgendaTitle", "UNTitle", "UNSubtitle"
