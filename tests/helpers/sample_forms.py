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


#: A small shareable form shaped like the indicator grid: two categories of two
#: ratings, a begging note and free notes.
SHAREABLE_YAML = """
id: enkat
version: 1
step: 2
title: {sv: Liten enkät}
source: {heading: TEST}
shareable: true
sections:
  - id: generell
    title: {sv: Generella indikatorer}
    items:
      - {kind: scale, id: generell_1, label: {sv: Begränsade av andra}, required: true}
      - {kind: scale, id: generell_2, label: {sv: Rädda eller sårbara}}
  - id: tiggeri
    title: {sv: Tiggeri}
    items:
      - {kind: scale, id: tiggeri_1, label: {sv: Personer i tiggeri}}
      - {kind: scale, id: tiggeri_2, label: {sv: Organisering kring tiggeri}}
      - {kind: text, id: tiggeri_riskfaktorer, long: true, max_length: 300, label: {sv: Riskfaktorer}}
  - id: anteckningar_sektion
    items:
      - {kind: text, id: anteckningar, long: true, max_length: 500, label: {sv: Övriga anteckningar}}
"""
