"""Define the style ids the part writers share (ids are fixed here, never looked up); measures are in layout."""

from __future__ import annotations

# Numbering instances (w:numId) of the body paragraph list and the heading list.
PARAGRAPHS_NUM_ID, HEADINGS_NUM_ID = 1, 2

# Style ids, resolved once here; the writers use these constants and never look styles up by name.
NORMAL = "Normal"
HEADINGS = {1: "Heading1", 2: "Heading2", 3: "Heading3"}
NUMBERED_PARAGRAPH = "UNNumberedParagraph"
SUBPARAGRAPH = "UNSubparagraph"
NUMBERED_PARAGRAPH_KEPT = "UNNumberedParagraphKept"  # kept on the page of the next paragraph
# Body paragraph styles by level: 1. (a) (i) a. i. (Editorial Manual, paragraphs and subparagraphs).
PARAGRAPH_LEVELS = (NUMBERED_PARAGRAPH, SUBPARAGRAPH, "UNSubparagraph2", "UNSubparagraph3", "UNSubparagraph4")
PARAGRAPH_LEVEL_NAMES = ("UN Numbered Paragraph", "UN Subparagraph", "UN Subparagraph 2", "UN Subparagraph 3",
                         "UN Subparagraph 4")
FOOTNOTE_TEXT = "FootnoteText"
FOOTNOTE_REFERENCE = "FootnoteReference"
FOOTNOTE_SEPARATOR = "UNFootnoteSeparator"
EMPHASIS, STRONG, STRONG_EMPHASIS = "UNEmphasis", "UNStrong", "UNStrongEmphasis"
HEADER, FOOTER = "Header", "Footer"
RUNNING_HEAD_EVEN, RUNNING_HEAD_ODD = "UNRunningHeadEven", "UNRunningHeadOdd"
RUNNING_FOOT, PAGE_NUMBER = "UNRunningFoot", "UNPageNumber"
JOB_NUMBER, BARCODE, BARCODE_TEXT = "UNJobNumber", "UNBarcode", "UNBarcodeText"
MASTHEAD_TABLE = "UNMastheadTable"
MASTHEAD_ORG, MASTHEAD_SYMBOL = "UNMastheadOrg", "UNMastheadSymbol"
MASTHEAD_BODY, MASTHEAD_DISTR, MASTHEAD_ORIGINAL = "UNMastheadBody", "UNMastheadDistr", "UNMastheadOriginal"
MASTHEAD_SESSION, MASTHEAD_VENUE, MASTHEAD_ITEM = "UNMastheadSession", "UNMastheadVenue", "UNMastheadItem"
MASTHEAD_AGENDA_TITLE, TITLE, SUBTITLE = "UNMastheadAgendaTitle", "UNTitle", "UNSubtitle"
