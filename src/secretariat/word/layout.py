"""Define the two page layouts a draft can take: the UN's issued A4 page and a manuscript for submission."""

# Measures are in twentieths of a point (567 = 1 cm) and font sizes in half-points. Where each number comes
# from (the Editorial Manual, the DGACM templates, or the page breaks of the issued 2016 report) is listed in
# the README under "Page layout".

from __future__ import annotations

from dataclasses import dataclass

LAYOUT_NAMES = ("issued", "manuscript")


@dataclass(frozen=True)
class Layout:
    """Page geometry and type sizes of one layout."""

    name: str
    page_width: int = 11906  # A4
    page_height: int = 16838
    margin_top: int = 1701
    margin_bottom: int = 3246
    margin_side: int = 1851
    header: int = 851  # distance of the running head from the top edge
    footer: int = 1134  # distance of the running foot from the bottom edge
    body_size: int = 20  # 10 pt
    leading: int = 240  # exactly 12 pt
    exact: bool = True  # exact leading; False: a multiple of single spacing (240 = single, 480 = double)
    after: int = 120  # 6 pt after each paragraph
    indent: int = 720  # body text indented from both sides of the text block
    step: int = 476  # from a number to its text, and from one sub-paragraph level to the next
    note_size: int = 18  # 9 pt
    note_leading: int = 200
    heading_sizes: tuple[int, int, int] = (28, 24, 20)  # 14, 12 and 10 pt bold (Editorial Manual)
    masthead_top: int = 0  # room above "United Nations", where the issued page has the emblem
    title_top: int = 1474  # room above the title, below the agenda item
    agenda_width: int = 4600  # the agenda item's title in an 8.1 cm column
    # (space before, space after, leading) of heading levels 1, 2 and 3.
    heading_space: tuple[tuple[int, int, int], ...] = ((360, 240, 320), (240, 120, 280), (240, 120, 240))

    @property
    def text_width(self) -> int:
        """Return the width of the text block."""
        return self.page_width - 2 * self.margin_side

    def level(self, level: int) -> tuple[int, int]:
        """Return (first-line indent, tab to the text) of a body paragraph at level 0 (1.), 1 ((a)), 2 ((i)) …"""
        return level * self.step, self.indent + (level + 1) * self.step

    def line(self, multiple: float = 1.0) -> str:
        """Return the w:line and w:lineRule attributes for the body leading (times multiple)."""
        return f'w:line="{round(self.leading * multiple)}" w:lineRule="{"exact" if self.exact else "auto"}"'


ISSUED = Layout("issued")
# A manuscript: 12 pt, double-spaced text and footnotes (Editorial Manual, instructions for the preparation
# of documents), on the same A4 page with 2.5 cm margins.
MANUSCRIPT = Layout("manuscript", margin_top=1417, margin_bottom=1417, margin_side=1417, header=709, footer=709,
                    body_size=24, leading=480, exact=False, after=0, indent=720, step=567, note_size=24,
                    note_leading=480, heading_sizes=(28, 24, 24))
LAYOUTS = {layout.name: layout for layout in (ISSUED, MANUSCRIPT)}
