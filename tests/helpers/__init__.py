"""What several test modules share: paths, sample forms, page and CLI drivers, and
fixtures. Not a test module: nothing here is collected, and tests import from here,
never from one another (or from ``bench/``)."""

from pathlib import Path

#: The checkout's root folder.
ROOT = Path(__file__).resolve().parents[2]
