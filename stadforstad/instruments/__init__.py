"""Instruments: per form, what its answers become (scores, verdicts, charts) as blocks.

Pure: no Streamlit, no database. ``registry.INSTRUMENTS`` holds one per form.
"""
