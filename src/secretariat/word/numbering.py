"""Write the numbering part: a list for body paragraphs (1., (a), (i), a., i.) and a multi-level heading list."""

# Both lists are attached to paragraph styles (each level names its style in w:pStyle and each style
# carries w:numPr), so Word renumbers when an editor inserts or deletes a paragraph. A lower level
# restarts after every item of the level above (Word's default when w:lvlRestart is absent).

from __future__ import annotations

from functools import lru_cache

from secretariat.word import names as n
from secretariat.word.layout import Layout
from secretariat.word.ooxml import NSMAP, parse, serialize

# (numFmt, lvlText) of the body levels, as the Editorial Manual lists the degrees of sub-paragraphs.
_PARAGRAPH_FORMATS = (("decimal", "%1."), ("lowerLetter", "(%2)"), ("lowerRoman", "(%3)"),
                      ("lowerLetter", "%4."), ("lowerRoman", "%5."))
_HEADING_FORMATS = (("upperRoman", "%1."), ("upperLetter", "%2."), ("decimal", "%3."))


def _abstract(abstract_id: int, nsid: str, levels: list[tuple[str, str, str, int, str]]) -> str:
    """Return one abstract numbering definition as XML text."""
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:pStyle w:val="{style}"/>'
        f'<w:suff w:val="tab"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:tabs><w:tab w:val="num" w:pos="{tab}"/></w:tabs><w:ind {ind}/></w:pPr></w:lvl>'
        for i, (fmt, text, style, tab, ind) in enumerate(levels)
    )
    return (f'<w:abstractNum w:abstractNumId="{abstract_id}"><w:nsid w:val="{nsid}"/>'
            f'<w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>')


@lru_cache(maxsize=4)
def numbering_part(layout: Layout) -> bytes:
    """Return the numbering part, its indents those of the layout's paragraph styles."""
    body = []
    for level, ((fmt, text), style) in enumerate(zip(_PARAGRAPH_FORMATS, n.PARAGRAPH_LEVELS, strict=True)):
        first, tab = layout.level(level)
        body.append((fmt, text, style, tab, f'w:left="{layout.indent}" w:firstLine="{first}"'))
    hanging = f'w:left="{layout.indent}" w:hanging="{layout.indent}"'
    headings = [(fmt, text, n.HEADINGS[i], layout.indent, hanging)
                for i, (fmt, text) in enumerate(_HEADING_FORMATS, 1)]
    declarations = " ".join(f'xmlns:{k}="{v}"' for k, v in NSMAP.items())
    xml = (
        f"<w:numbering {declarations}>"
        + _abstract(0, "554E5031", body)
        + _abstract(1, "554E4831", headings)
        + f'<w:num w:numId="{n.PARAGRAPHS_NUM_ID}"><w:abstractNumId w:val="0"/></w:num>'
        + f'<w:num w:numId="{n.HEADINGS_NUM_ID}"><w:abstractNumId w:val="1"/></w:num>'
        + "</w:numbering>"
    )
    return serialize(parse(xml))
