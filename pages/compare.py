"""Jämför kommuner – readiness, change, case handling, collaboration, indicators and
progress side by side, for county coordinators and administrators."""

from stadforstad.ui.compare_page import show_compare_page
from stadforstad.ui.context import frame

frame()
show_compare_page()
