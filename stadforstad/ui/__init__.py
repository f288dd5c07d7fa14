"""Streamlit glue shared by the pages: the store, the acting user, language, workspace."""
