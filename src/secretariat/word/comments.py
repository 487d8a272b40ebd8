"""Write the draft's comments: a range and a reference mark on the paragraph each concerns, and their part."""

# Each comment wraps the runs of one paragraph: w:commentRangeStart right after the paragraph properties,
# w:commentRangeEnd after the last run, then a run holding w:commentReference. The comments part holds one
# w:comment per comment in document order, dated with the masthead date so that the same draft always gives
# the same bytes. Without comments nothing changes: no part, no styles, no marks.
# Comment ids start above every footnote id: LibreOffice 7.4 confuses a comment with the footnote of the same
# w:id and then shows a wrong text for every footnote after it (Word keeps the two id spaces apart).

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from lxml import etree

from secretariat.errors import OutputError
from secretariat.model import Comment
from secretariat.word.ooxml import BAD_CHARS, ID, PPR, W_NS, paragraph, parse, root, serialize, styled_run, sub, w
from secretariat.word.runs import add_text

MASTHEAD = ""  # the anchor of comments on the report as a whole: the masthead title
COMMENT_TEXT, COMMENT_REFERENCE = "CommentText", "CommentReference"
_START, _END, _REFERENCE = w("commentRangeStart"), w("commentRangeEnd"), w("commentReference")
_STYLES = (
    '<w:style w:type="paragraph" w:styleId="CommentText"><w:name w:val="annotation text"/>'
    '<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
    '<w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/>'
    '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>'
    '<w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>'
)


class Anchors(Protocol):
    """Remember which paragraph of the document a content pointer names."""

    def anchor(self, source: str, p: etree._Element) -> None:
        """Record p as the paragraph of source."""
        ...


def clean(text: str) -> str:
    """Return text with the characters XML cannot hold replaced by U+FFFD."""
    # a finding may quote them from a record, so they are replaced here, not refused as in the body
    return BAD_CHARS.sub("\ufffd", text)


def initials(author: str) -> str:
    """Return the initials Word shows for an author ("secretariat check" → "SC")."""
    return "".join(word[0] for word in author.split()).upper()


class Comments:
    """Collect the paragraphs comments can anchor on, mark the ranges and write the comments part."""

    def __init__(self, comments: Sequence[Comment], when: str, first_id: int = 0) -> None:
        self._comments = tuple(comments)
        self._when = when
        self._first_id = first_id
        self._paragraphs: dict[str, etree._Element] = {}

    def anchor(self, source: str, p: etree._Element) -> None:
        """Record p as the paragraph of source; the first paragraph of a source keeps it."""
        if self._comments:
            self._paragraphs.setdefault(source, p)

    def styles(self, part: bytes) -> bytes:
        """Return the styles part with the comment styles added when there are comments."""
        if not self._comments:
            return part
        element = etree.fromstring(part)
        element.extend(list(parse(f'<w:styles xmlns:w="{W_NS}">{_STYLES}</w:styles>')))
        return serialize(element)

    def place(self) -> list[tuple[str, str, str, bytes]]:
        """Mark every comment on its paragraph and return the comments part to relate (none without comments)."""
        if not self._comments:
            return []
        order = {source: index for index, source in enumerate(self._paragraphs)}  # document order
        targets = [c.anchor if c.anchor in order else MASTHEAD for c in self._comments]
        if MASTHEAD in targets and MASTHEAD not in order:
            raise OutputError("the draft has comments on the report as a whole but no masthead to put them on")
        placed = sorted(zip(targets, self._comments, strict=True), key=lambda pair: order[pair[0]])
        ids: dict[str, list[int]] = {}
        for comment_id, (target, _comment) in enumerate(placed, self._first_id):
            ids.setdefault(target, []).append(comment_id)
        for target, numbers in ids.items():
            _mark(self._paragraphs[target], numbers)
        return [("comments", "comments.xml", "comments+xml", self._part([c for _, c in placed]))]

    def _part(self, comments: Sequence[Comment]) -> bytes:
        """Return the comments part: per comment, CommentText paragraphs, ids in document order."""
        part = root("comments")
        for comment_id, comment in enumerate(comments, self._first_id):
            author = clean(comment.author).strip() or "secretariat"
            element = sub(part, "comment", id=str(comment_id), author=author, date=self._when,
                          initials=initials(author))
            for index, line in enumerate(clean(comment.text).splitlines() or [""]):
                p = paragraph(element, COMMENT_TEXT)
                if index == 0:
                    sub(styled_run(p, COMMENT_REFERENCE), "annotationRef")
                if line:
                    add_text(styled_run(p, None), line)
        return serialize(part)


def _mark(p: etree._Element, ids: list[int]) -> None:
    """Wrap the runs of p in one comment range per id, each followed by its reference mark."""
    first = 1 if len(p) and p[0].tag == PPR else 0
    for offset, comment_id in enumerate(ids):
        p.insert(first + offset, etree.Element(_START, {ID: str(comment_id)}))
    for comment_id in ids:
        etree.SubElement(p, _END, {ID: str(comment_id)})
        etree.SubElement(styled_run(p, COMMENT_REFERENCE), _REFERENCE, {ID: str(comment_id)})
