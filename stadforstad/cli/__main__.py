"""``python -m stadforstad.cli``: the same command line as ``stadforstad``."""

import sys

from stadforstad.cli import main

sys.exit(main())
