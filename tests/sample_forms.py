"""Tiny forms for storage tests, written inline so the tests do not depend on forms/."""

from stadforstad.catalog import parse_form

TINY = parse_form("""
id: tiny
version: 1
step: 0
title: {sv: Liten}
source: {heading: LITEN}
sections:
  - id: s
    items:
      - {kind: scale, id: a, required: true, label: {sv: A}, min: 1, max: 5}
      - {kind: text, id: note, label: {sv: Anteckning}}
""")
