"""The stylesheet of published agendas and minutes, in the look of KL's KKR documents.

The @page rules only matter to WeasyPrint (render_pdf): A4, the running header
"KKR Midtjylland | 05-02-2020", page numbers in the footer, and real page numbers in the
table of contents through target-counter(). Browsers ignore them and show a plain page.
"""

from __future__ import annotations

from moedebog.publish.model import clean


def _css_string(text: str) -> str:
    """A CSS string literal: escape backslashes, quotes and line breaks."""
    out = clean(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return f'"{out}"'


def stylesheet(header: str) -> str:
    return BASE.replace("__HEADER__", _css_string(header))


BASE = """
@page {
  size: A4;
  margin: 2.6cm 2.2cm 2.4cm 2.5cm;
  @top-right { content: __HEADER__; font-size: 8.5pt; color: #444; }
  @bottom-right { content: "Side " counter(page) " af " counter(pages); font-size: 8.5pt; color: #444; }
}
@page :first { @top-right { content: none; } }
html { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; font-size: 10pt; line-height: 1.35;
       color: #111; }
body { margin: 0; }
p { margin: 0 0 0.7em; }
.front .kind { font-size: 22pt; font-weight: bold; margin: 3cm 0 0.4em; }
.front .body { font-size: 15pt; font-weight: bold; margin: 0 0 1.2em; }
.front .meta { margin: 0 0 0.3em; }
.mission { margin-top: 2em; }
.mission .label { font-weight: bold; margin: 1em 0 0.3em; }
.toc { break-before: page; }
.toc p { margin: 0 0 0.45em; }
.toc .level-2 { padding-left: 1.2em; }
.toc a { color: inherit; text-decoration: none; }
@media print {
  .toc .est { display: none; }
  .toc a::after { content: leader('.') target-counter(attr(href), page); }
}
.participants { break-before: page; }
.participants h3 { margin: 1em 0 0.4em; }
.participants p { margin: 0 0 0.2em; }
h1, h2, h3, h4 { font-weight: bold; break-after: avoid; }
h2 { font-size: 14pt; margin: 0 0 0.8em; }
h3 { font-size: 12pt; margin: 0 0 0.6em; }
h4 { font-size: 10.5pt; margin: 1.2em 0 0.4em; }
.part { break-before: page; }
.item + .item { break-before: page; }
.part > h2 + .item { margin-top: 1.2em; }
.case { margin-bottom: 1.2em; }
.closed { font-style: italic; }
ul { margin: 0 0 0.7em; padding-left: 1.4em; }
li { margin: 0 0 0.25em; }
table { border-collapse: collapse; margin: 0 0 0.9em; }
td { border: 0.5pt solid #777; padding: 3pt 6pt; vertical-align: top; text-align: left; }
.attachments p { margin: 0 0 0.3em; }
p.indent { margin-left: 2.2em; }
a { color: #0b4f8a; }
"""
