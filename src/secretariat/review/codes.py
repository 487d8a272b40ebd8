"""The finding codes of review, with what each means (SARIF rule descriptions)."""

from __future__ import annotations

CODES = {
    "review-value-changed": "a printed figure, date, count or name no longer equals the record it comes from",
    "review-paragraph-edited": "the editor changed the wording of a paragraph or sub-paragraph",
    "review-paragraph-inserted": "the editor inserted a paragraph, sub-paragraph or heading",
    "review-paragraph-deleted": "the editor deleted a paragraph, sub-paragraph or heading",
    "review-paragraph-moved": "the editor moved a paragraph, sub-paragraph or heading",
    "review-heading-changed": "the editor changed a heading",
    "review-conflict": "both the records and the editor changed a paragraph since the draft was made",
    "review-footnote-edited": "the editor changed the text of a footnote",
    "review-footnote-lost": "a footnote of the records is no longer in the document",
    "review-footnote-added": "the editor added a footnote",
    "review-footnote-moved": "a footnote is now referenced from another paragraph",
    "review-numbering-not-live": "a paragraph is no longer numbered by Word (typed numbers, numbering removed or "
                                 "restarted)",
    "review-comment": "an editor's comment",
    "review-tracked-change": "tracked changes still pending (accept or reject them first)",
    "review-records-changed": "the records changed since the draft was made",
    "review-identities-lost": "the document lost the identities of its paragraphs: matched by text",
}
