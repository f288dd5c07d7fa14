"""What the Administration page tells the administrator after an action: a message
kept over the rerun (``FLASH``) and a storage call whose coded error is shown, never a
traceback. Session keys start with ``admin.``.
"""

from __future__ import annotations

import streamlit as st

from stadforstad.errors import StadError
from stadforstad.storage.repository import COORDINATOR, MEMBER
from stadforstad.ui.context import error_text, tr

FLASH = "admin.flash"


def show_flash() -> None:
    """The message the last action left, once."""
    if FLASH in st.session_state:
        st.success(st.session_state.pop(FLASH))


def done(message: str) -> None:
    st.session_state[FLASH] = message
    st.rerun()


def attempt(call, *args, **kwargs):
    """Run a storage call; a coded error is shown, never a traceback. None on failure."""
    try:
        return call(*args, **kwargs)
    except StadError as exc:
        st.error(error_text(exc))
        return None


def role_names() -> dict[str, str]:
    """The roles as the page names them, in the language in use."""
    return {MEMBER: tr("medlem", "member"), COORDINATOR: tr("länssamordnare", "coordinator")}
