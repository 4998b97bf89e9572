"""Citations: Bluebook-style legal citations (as restated by the Indigo Book), the court's own
ECF form, APA 7 and Chicago 17, for every citable record.

Each style builds a `Citation`: a sequence of parts, each roman, italic or small caps. Plain
text, Markdown and HTML are three renderings of the same parts.

- `options`: the style, form and markup asked for, and the Bluebook's named choices;
- `parts`: the parts of a citation and their renderings;
- `words`: the word tables (title case, abbreviations) and the functions that apply them;
- `names`, `dates`: people's names and dates as the styles write them;
- `context`: what a citation resolves (the record set, a case's decision, a message's people);
- `bluebook`, `ecf`, `apa`, `chicago`: one module per style;
- `citing`: `cite` and `citation`, which choose the rule by style and form;
- `sequence`: the citations of one document in order, and bibliographies.
"""

from evidence._cite.citing import citable, citation, cite
from evidence._cite.dates import format_date
from evidence._cite.names import Name, parse_name
from evidence._cite.options import BluebookOptions, Form, Markup, Style
from evidence._cite.parts import Citation
from evidence._cite.sequence import CitationSequence, bibliography
from evidence._cite.words import (
    KIND_TITLES,
    abbreviate_case_name,
    abbreviate_document_title,
    case_name_from_caption,
    full_case_name,
    title_case,
)

__all__ = [
    "KIND_TITLES",
    "BluebookOptions",
    "Citation",
    "CitationSequence",
    "Form",
    "Markup",
    "Name",
    "Style",
    "abbreviate_case_name",
    "abbreviate_document_title",
    "bibliography",
    "case_name_from_caption",
    "citable",
    "citation",
    "cite",
    "format_date",
    "full_case_name",
    "parse_name",
    "title_case",
]
