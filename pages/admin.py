"""Administration – users, grants, the audit log, export and import of a workspace, and
erasing one person's data on request. Administrators only."""

from stadforstad.ui.admin_page import show_admin_page
from stadforstad.ui.context import frame

frame()
show_admin_page()
