"""The graph layer: data model, ids, errors, settings and the stores.

It imports nothing from ``extract``, ``queries`` or ``api``.
"""
