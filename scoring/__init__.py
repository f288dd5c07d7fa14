"""Pure scorers, one module per scored form, and the literal registry.

Scoring imports neither Streamlit nor SQLAlchemy (a test checks).
"""

SCORERS: dict = {}
