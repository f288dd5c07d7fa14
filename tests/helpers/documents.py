"""Reading back the PDF and DOCX documents the app writes."""

from __future__ import annotations

import io

import docx
from pypdf import PdfReader


def pdf_pages(data: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    section = document.sections[0]
    parts += [p.text for p in section.header.paragraphs] + [
        p.text for p in section.footer.paragraphs
    ]
    return " ".join(" ".join(parts).split())
