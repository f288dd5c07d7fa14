"""Enkät – the one page a respondent reaches through an invitation link (``?t=``)."""

from stadforstad.ui.respond_page import show_respond_page

show_respond_page()
