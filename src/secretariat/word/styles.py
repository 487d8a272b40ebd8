"""Write the style sheet: every paragraph, run and table of the draft refers to a named style here."""

# Measures are in twentieths of a point and font sizes in half-points; every geometric number comes from the
# Layout (issued or manuscript), so the styles are the only place a layout shows.

from __future__ import annotations

from functools import lru_cache

from secretariat.word import names as n
from secretariat.word.layout import Layout
from secretariat.word.ooxml import NSMAP, W_NS, parse, serialize


def _style(kind: str, sid: str, name: str, props: str = "", based: str | None = "Normal",
           nxt: str | None = None, builtin: bool = False, default: bool = False) -> str:
    """Return one w:style element as XML text."""
    attrs = f' w:type="{kind}" w:styleId="{sid}"' + (' w:default="1"' if default else "")
    attrs += "" if builtin else ' w:customStyle="1"'
    parts = [f'<w:name w:val="{name}"/>']
    parts += [f'<w:basedOn w:val="{based}"/>'] if based else []
    parts += [f'<w:next w:val="{nxt}"/>'] if nxt else []
    parts += ["<w:qFormat/>"] if kind == "paragraph" else []
    return f"<w:style{attrs}>{''.join(parts)}{props}</w:style>"


def _p(sid: str, name: str, ppr: str = "", rpr: str = "", based: str | None = "Normal",
       nxt: str | None = None, builtin: bool = False, default: bool = False) -> str:
    """Return a paragraph style."""
    props = (f"<w:pPr>{ppr}</w:pPr>" if ppr else "") + (f"<w:rPr>{rpr}</w:rPr>" if rpr else "")
    return _style("paragraph", sid, name, props, based, nxt, builtin, default)


def _c(sid: str, name: str, rpr: str, builtin: bool = False) -> str:
    """Return a character style."""
    props = f"<w:rPr>{rpr}</w:rPr>"
    return _style("character", sid, name, props, based="DefaultParagraphFont", builtin=builtin)


def _num(level: int, num_id: int) -> str:
    """Return the numPr attaching a style to a numbering level."""
    return f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'


def _spacing(before: int, after: int, line: int | str | None = None) -> str:
    """Return a spacing element: exact leading for a number, single (font-dependent) for 0, or given attributes."""
    if isinstance(line, str):
        lead = f" {line}"
    else:
        lead = "" if line is None else f' w:line="{line or 240}" w:lineRule="{"exact" if line else "auto"}"'
    return f'<w:spacing w:before="{before}" w:after="{after}"{lead}/>'


def _tab(pos: int) -> str:
    """Return a tabs element with one left tab stop."""
    return f'<w:tabs><w:tab w:val="left" w:pos="{pos}"/></w:tabs>'


_KEEP = "<w:keepNext/><w:keepLines/>"
_BOLD = "<w:b/><w:bCs/>"
_RULE = '<w:{side} w:val="single" w:sz="{sz}" w:space="{space}" w:color="000000"/>'


def _size(half_points: int) -> str:
    """Return the rPr size elements."""
    return f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'


def _heading(level: int, layout: Layout) -> str:
    """Return a heading style numbered by the heading list at its level."""
    before, after, line = layout.heading_space[level - 1]
    leading = line if layout.exact else layout.line()
    indent = f'<w:ind w:left="{layout.indent}" w:right="{layout.indent}" w:hanging="{layout.indent}"/>'
    ppr = _KEEP + _num(level - 1, n.HEADINGS_NUM_ID) + _spacing(before, after, leading) + indent
    ppr += f'<w:outlineLvl w:val="{level - 1}"/>'
    rpr = _BOLD + _size(layout.heading_sizes[level - 1])
    return _p(n.HEADINGS[level], f"heading {level}", ppr, rpr, nxt=n.NUMBERED_PARAGRAPH, builtin=True)


def _body(layout: Layout) -> list[str]:
    """Return the numbered paragraph style and one sub-paragraph style per level ((a), (i), a., i.)."""
    styles = []
    for level, (style_id, name) in enumerate(zip(n.PARAGRAPH_LEVELS, n.PARAGRAPH_LEVEL_NAMES, strict=True)):
        first, tab = layout.level(level)
        ppr = (_num(level, n.PARAGRAPHS_NUM_ID) + _tab(tab) + _spacing(0, layout.after)
               + f'<w:ind w:left="{layout.indent}" w:right="{layout.indent}" w:firstLine="{first}"/>'
               + '<w:jc w:val="both"/>')
        styles.append(_p(style_id, name, ppr))
    styles.append(_p(n.NUMBERED_PARAGRAPH_KEPT, "UN Numbered Paragraph Kept", "<w:keepNext/>",
                     based=n.NUMBERED_PARAGRAPH))
    return styles


def _masthead(layout: Layout) -> list[str]:
    """Return the first-page styles."""
    title_ind = f'<w:ind w:left="{layout.indent}" w:right="{layout.indent}"/>'
    # The masthead is furniture, not text: single-spaced even in a double-spaced manuscript.
    lead = None if layout.exact else 0
    single = "" if layout.exact else _spacing(0, 0, 0)
    return [
        _p(n.MASTHEAD_ORG, "UN Masthead Org", _spacing(layout.masthead_top, 0, 0), _size(32)),
        _p(n.MASTHEAD_SYMBOL, "UN Masthead Symbol", _spacing(0, 0, 0) + '<w:jc w:val="right"/>', _size(40)),
        _p(n.MASTHEAD_BODY, "UN Masthead Body", _spacing(0, 0, 320) + '<w:ind w:right="567"/>',
           _BOLD + _size(28)),
        _p(n.MASTHEAD_DISTR, "UN Masthead Distr", _spacing(0, 0, lead)),
        _p(n.MASTHEAD_ORIGINAL, "UN Masthead Original", _spacing(240, 0, lead), based=n.MASTHEAD_DISTR),
        _p(n.MASTHEAD_SESSION, "UN Masthead Session", "<w:keepNext/>" + _spacing(120, 0, lead)),
        _p(n.MASTHEAD_VENUE, "UN Masthead Venue", "<w:keepNext/>" + single),
        _p(n.MASTHEAD_ITEM, "UN Masthead Item", "<w:keepNext/>" + single),
        _p(n.MASTHEAD_AGENDA_TITLE, "UN Masthead Agenda Title",
           _KEEP + single + f'<w:ind w:right="{layout.text_width - layout.agenda_width}"/>', _BOLD),
        _p(n.TITLE, "UN Title", _KEEP + _spacing(layout.title_top, 240, 320) + title_ind, _BOLD + _size(28),
           nxt=n.SUBTITLE),
        _p(n.SUBTITLE, "UN Subtitle", _KEEP + _spacing(0, 360, 280) + title_ind, _BOLD + _size(24)),
        _style("table", n.MASTHEAD_TABLE, "UN Masthead Table", based="TableNormal", props=(
            '<w:pPr><w:spacing w:after="0"/></w:pPr><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblBorders>'
            '<w:top w:val="none" w:sz="0" w:space="0" w:color="auto"/>'
            '<w:left w:val="none" w:sz="0" w:space="0" w:color="auto"/>'
            + _RULE.format(side="bottom", sz=6, space=0)
            + '<w:right w:val="none" w:sz="0" w:space="0" w:color="auto"/>'
            + _RULE.format(side="insideH", sz=18, space=0)
            + '<w:insideV w:val="none" w:sz="0" w:space="0" w:color="auto"/></w:tblBorders>'
            '<w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="0" w:type="dxa"/>'
            '<w:bottom w:w="80" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr>')),
    ]


def _furniture(layout: Layout) -> list[str]:
    """Return the header, footer and footnote styles."""
    right_tab = f'<w:tabs><w:tab w:val="right" w:pos="{layout.text_width}"/></w:tabs>'
    return [
        _p(n.HEADER, "header", _spacing(0, 0), builtin=True),
        _p(n.FOOTER, "footer", _spacing(0, 0), builtin=True),
        _p(n.RUNNING_HEAD_EVEN, "UN Running Head Even",
           "<w:pBdr>" + _RULE.format(side="bottom", sz=4, space=1) + "</w:pBdr>", _BOLD + _size(17),
           based=n.HEADER),
        _p(n.RUNNING_HEAD_ODD, "UN Running Head Odd", '<w:jc w:val="right"/>', based=n.RUNNING_HEAD_EVEN),
        _p(n.RUNNING_FOOT, "UN Running Foot", right_tab, _size(17), based=n.FOOTER),
        _p(n.JOB_NUMBER, "UN Job Number", '<w:tabs><w:tab w:val="left" w:pos="1701"/><w:tab w:val="left"'
           ' w:pos="2552"/></w:tabs>', _size(16), based=n.FOOTER),
        _p(n.BARCODE, "UN Barcode", right_tab + _spacing(60, 0, 0), based=n.FOOTER),
        _p(n.BARCODE_TEXT, "UN Barcode Text", _spacing(0, 0, 0), _size(16), based=n.FOOTER),
        _p(n.FOOTNOTE_TEXT, "footnote text", _tab(layout.indent + layout.step)
           + _spacing(0, 40 if layout.exact else 0, layout.note_leading if layout.exact else layout.line())
           + f'<w:ind w:left="{layout.indent + layout.step}" w:right="{layout.indent}" w:hanging="{layout.step}"/>',
           _size(layout.note_size), builtin=True),
        _p(n.FOOTNOTE_SEPARATOR, "UN Footnote Separator", _spacing(0, 0, 0), _size(layout.note_size)),
        _c(n.FOOTNOTE_REFERENCE, "footnote reference", '<w:vertAlign w:val="superscript"/>', builtin=True),
        _c(n.PAGE_NUMBER, "UN Page Number", _BOLD),
    ]


def _all_styles(layout: Layout) -> str:
    """Return every style element as XML text."""
    return "".join([
        _p(n.NORMAL, "Normal", "<w:widowControl/>" + _spacing(0, 0, layout.line()), based=None, builtin=True,
           default=True),
        _style("character", "DefaultParagraphFont", "Default Paragraph Font", based=None, builtin=True,
               default=True),
        _style("table", "TableNormal", "Normal Table", based=None, builtin=True, default=True, props=(
            '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
            '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
            '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>')),
        _style("numbering", "NoList", "No List", based=None, builtin=True, default=True),
        *(_heading(level, layout) for level in (1, 2, 3)),
        *_body(layout),
        _c(n.EMPHASIS, "UN Emphasis", "<w:i/><w:iCs/>"),
        _c(n.STRONG, "UN Strong", _BOLD),
        _c(n.STRONG_EMPHASIS, "UN Strong Emphasis", _BOLD + "<w:i/><w:iCs/>"),
        *_masthead(layout),
        *_furniture(layout),
    ])


@lru_cache(maxsize=8)
def styles_part(language: str, layout: Layout) -> bytes:
    """Return the styles part with Times New Roman at the layout's body size in the given language as default."""
    defaults = (
        '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"'
        ' w:eastAsia="Times New Roman" w:cs="Times New Roman"/>' + _size(layout.body_size)
        + "<w:lang/></w:rPr></w:rPrDefault>"
        '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
        "</w:docDefaults>"
    )
    declarations = " ".join(f'xmlns:{k}="{v}"' for k, v in NSMAP.items())
    element = parse(f"<w:styles {declarations}>{defaults}{_all_styles(layout)}</w:styles>")
    lang = element.find(f"{{{W_NS}}}docDefaults//{{{W_NS}}}lang")
    if lang is not None:
        lang.set(f"{{{W_NS}}}val", language)
    return serialize(element)
