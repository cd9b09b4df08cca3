"""Detection code: one module per area of the norms.

Importing this package imports every module in it, which registers their
detectors (see registry.py); a new module needs no further wiring.
"""

import importlib
import pkgutil

from .registry import Hit, detector, kind_detector, spec_for

for _module in pkgutil.iter_modules(__path__):
    if _module.name != "registry":
        importlib.import_module(f"{__name__}.{_module.name}")

__all__ = ["Hit", "detector", "kind_detector", "spec_for"]
