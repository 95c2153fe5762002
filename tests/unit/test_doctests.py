"""Every docstring example in podgraph's packages runs and gives what it shows."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

PACKAGES = ("extract", "graph", "queries", "api", "eval")


def _modules() -> list[str]:
    names: list[str] = []
    for pkg in PACKAGES:
        module = importlib.import_module(pkg)
        names.append(pkg)
        names += [m.name for m in pkgutil.walk_packages(module.__path__, prefix=f"{pkg}.")]
    return sorted(names)


@pytest.mark.parametrize("module", _modules())
def test_docstring_examples(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module), verbose=False, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{result.failed} docstring example(s) failed in {module}"
