"""``python -m stadforstad``: the command line, as ``stadforstad``."""

from stadforstad.cli import main

raise SystemExit(main())
