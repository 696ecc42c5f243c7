"""The layout every generated report form shares (MedWatch, the Article 88 trend report): a
titled A4 page with a subtitle, grey section bands, bold-label fields and page numbers, in the
PDF core fonts. Each report names its title and how it prints a value (`printable`)."""

from __future__ import annotations

from typing import Any

from fpdf import FPDF

_TYPOGRAPHIC = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}
)


def core_font_text(text: str) -> str:
    """Text the PDF core fonts can print (Latin-1): typographic quotes and dashes become plain
    ones (people paste them from word processors), anything else outside Latin-1 '?'."""
    return text.translate(_TYPOGRAPHIC).encode("latin-1", "replace").decode("latin-1")


def latin1(value: Any) -> str:
    """Printable text for a form field, '-' for nothing."""
    if value is None or value == "":
        return "-"
    return core_font_text(str(value))


class FieldsPdf(FPDF):
    title_text = ""
    subtitle_text = ""

    def printable(self, value: Any) -> str:
        return latin1(value)

    def header(self) -> None:
        self.set_font("Helvetica", "B", 13)
        self.cell(0, 8, self.title_text, new_x="LMARGIN", new_y="NEXT")
        self.set_font("Helvetica", "", 8)
        self.cell(0, 5, self.subtitle_text, new_x="LMARGIN", new_y="NEXT")
        self.ln(2)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Helvetica", "", 8)
        self.cell(0, 8, f"Page {self.page_no()}/{{nb}}", align="C")

    def section(self, title: str) -> None:
        self.ln(2)
        self.set_font("Helvetica", "B", 11)
        self.set_fill_color(225, 225, 225)
        self.cell(0, 7, title, fill=True, new_x="LMARGIN", new_y="NEXT")

    def field(self, label: str, value: Any) -> None:
        self.set_font("Helvetica", "B", 9)
        self.cell(62, 6, self.printable(label))
        self.set_font("Helvetica", "", 9)
        self.multi_cell(0, 6, self.printable(value), new_x="LMARGIN", new_y="NEXT")
