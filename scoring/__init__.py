"""Pure scorers, one module per scored form, and the primitives they share.

Scoring imports neither Streamlit nor SQLAlchemy (a test checks). A scorer is
``score(form, answers) -> Result``; a group summary is
``summarize(form, [Rated(respondent, answers), ...]) -> Result``. Which form uses which
scorer is said once, by the form's instrument (``stadforstad.instruments.registry``).
"""
