"""Write the numbering part: a list for body paragraphs (1., (a)) and a multi-level heading list."""

# Both lists are attached to paragraph styles (each level names its style in w:pStyle and each style
# carries w:numPr), so Word renumbers when an editor inserts or deletes a paragraph. A lower level
# restarts after every item of the level above (Word's default when w:lvlRestart is absent).

from __future__ import annotations

from functools import lru_cache

from secretariat.word import names as n
from secretariat.word.ooxml import NSMAP, parse, serialize

# (numFmt, lvlText, style id, tab position, indentation) for each level of each list.
_PARAGRAPH_LEVELS = (
    ("decimal", "%1.", n.NUMBERED_PARAGRAPH, 1152, 'w:left="720" w:firstLine="0"'),
    ("lowerLetter", "(%2)", n.SUBPARAGRAPH, 1872, 'w:left="720" w:firstLine="720"'),
)
_HEADING_LEVELS = (
    ("upperRoman", "%1.", n.HEADINGS[1], 720, 'w:left="720" w:hanging="720"'),
    ("upperLetter", "%2.", n.HEADINGS[2], 720, 'w:left="720" w:hanging="720"'),
    ("decimal", "%3.", n.HEADINGS[3], 720, 'w:left="720" w:hanging="720"'),
)


def _abstract(abstract_id: int, nsid: str, levels: tuple[tuple[str, str, str, int, str], ...]) -> str:
    """Return one abstract numbering definition as XML text."""
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:pStyle w:val="{style}"/>'
        f'<w:suff w:val="tab"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:tabs><w:tab w:val="num" w:pos="{tab}"/></w:tabs><w:ind {ind}/></w:pPr></w:lvl>'
        for i, (fmt, text, style, tab, ind) in enumerate(levels)
    )
    return (f'<w:abstractNum w:abstractNumId="{abstract_id}"><w:nsid w:val="{nsid}"/>'
            f'<w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>')


@lru_cache(maxsize=1)
def numbering_part() -> bytes:
    """Return the numbering part."""
    declarations = " ".join(f'xmlns:{k}="{v}"' for k, v in NSMAP.items())
    xml = (
        f"<w:numbering {declarations}>"
        + _abstract(0, "554E5031", _PARAGRAPH_LEVELS)
        + _abstract(1, "554E4831", _HEADING_LEVELS)
        + f'<w:num w:numId="{n.PARAGRAPHS_NUM_ID}"><w:abstractNumId w:val="0"/></w:num>'
        + f'<w:num w:numId="{n.HEADINGS_NUM_ID}"><w:abstractNumId w:val="1"/></w:num>'
        + "</w:numbering>"
    )
    return serialize(parse(xml))
