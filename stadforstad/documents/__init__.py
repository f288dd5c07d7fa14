"""Documents from the same blocks the screen shows: PDF (A4, to print) and DOCX (to
edit in Word). ``build`` assembles a form's documents (blank, one response, the
group's picture); ``pdf.write_pdf`` and ``word.write_docx`` write any list of blocks.
"""
