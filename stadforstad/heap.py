"""Keeping the long-lived objects of imports out of the garbage collector's way.

Streamlit runs a full collection after every script run (``runner.postScriptGC``,
on by default). It walks every object the collector tracks: in a served app some
200,000 made by imports (modules, classes, functions, SQLAlchemy's mappers, pandas'
and altair's tables), which live as long as the process, about 0.2 s of CPU a run.
``gc.freeze()`` moves the objects that exist at that moment to a generation the
collector never walks; they are still freed by reference counting.

:func:`freeze_new_imports` freezes at the start of a run (``ui.context.frame``, the
first thing every page does) when modules were imported since the last freeze: the
previous runs' imports are then out of the way of this and every later collection.
Little else is alive then (the previous run's garbage was collected at its end), so
the few objects of the run under way that are frozen with them are not missed; and
it happens only when ``sys.modules`` has grown, a few times per process.

Only in a served app (:func:`serve`, called by ``stadforstad.web.lifespan``): tests
and ``AppTest`` runs keep the collector as it is.
"""

from __future__ import annotations

import gc
import sys

_serving = False
_frozen_modules = 0


def serve() -> None:
    """This process serves the app: freezing is on."""
    global _serving  # noqa: PLW0603 - one switch per process
    _serving = True


def freeze_new_imports() -> bool:
    """Freeze what exists now if modules were imported since the last freeze (in a
    served app only); whether it froze."""
    global _frozen_modules  # noqa: PLW0603 - one count per process
    modules = len(sys.modules)
    if not _serving or modules <= _frozen_modules:
        return False
    gc.freeze()
    _frozen_modules = modules
    return True
