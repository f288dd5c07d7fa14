"""Pure scorers, one module per scored form, and the literal registries.

Scoring imports neither Streamlit nor SQLAlchemy (a test checks). A scorer is
``score(form, answers) -> Result``; a group summary is
``summarize(form, [Rated(respondent, answers), ...]) -> Result``. A test fails when a
form names a scorer that is missing here, or a scorer here has no form.
"""

from scoring import (
    aktorsanalys,
    engagemang,
    kartlaggning,
    redo,
    rekrytering,
    riktning,
    samverkansnivaer,
    utvecklingsnivaer,
)

SCORERS = {
    "engagemang": engagemang.score,
    "riktning": riktning.score,
    "rekrytering": rekrytering.score,
    "redo": redo.score,
    "kartlaggning": kartlaggning.score,
    "utvecklingsnivaer": utvecklingsnivaer.score,
    "samverkansnivaer": samverkansnivaer.score,
    "aktorsanalys": aktorsanalys.score,
}

SUMMARIES = {
    "engagemang": engagemang.summarize,
    "riktning": riktning.summarize,
    "rekrytering": rekrytering.summarize,
    "redo": redo.summarize,
    "kartlaggning": kartlaggning.summarize,
    "utvecklingsnivaer": utvecklingsnivaer.summarize,
    "samverkansnivaer": samverkansnivaer.summarize,
    "aktorsanalys": aktorsanalys.summarize,
}
