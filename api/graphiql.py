"""GraphiQL that works offline: strawberry's own page, pointed at vendored assets."""

from __future__ import annotations

from functools import lru_cache

from strawberry.http.ides import get_graphql_ide_html

STATIC_PREFIX = "/static/graphiql/"

# strawberry's page address → the vendored file (see api/static/graphiql/VENDOR.md).
_ASSETS = {
    "https://unpkg.com/react@18.2.0/umd/react.production.min.js": "react.production.min.js",
    "https://unpkg.com/react-dom@18.2.0/umd/react-dom.production.min.js": "react-dom.production.min.js",
    "https://unpkg.com/js-cookie@3.0.5/dist/js.cookie.min.js": "js.cookie.min.js",
    "https://unpkg.com/graphiql@3.8.3/graphiql.min.css": "graphiql.min.css",
    "https://unpkg.com/@graphiql/plugin-explorer@1.0.2/dist/style.css": "plugin-explorer.css",
    "https://unpkg.com/graphiql@3.8.3/graphiql.min.js": "graphiql.min.js",
    "https://unpkg.com/@graphiql/plugin-explorer@1.0.2/dist/index.umd.js": "plugin-explorer.umd.js",
}


@lru_cache(maxsize=1)
def offline_graphiql_html() -> str:
    """strawberry's GraphiQL page with every CDN address replaced by a local one.

    >>> "unpkg.com" in offline_graphiql_html()
    False
    """
    html = get_graphql_ide_html(graphql_ide="graphiql")
    for remote, local in _ASSETS.items():
        html = html.replace(remote, STATIC_PREFIX + local)
    if "unpkg.com" in html:
        raise RuntimeError("strawberry's GraphiQL page names assets podgraph does not vendor")
    return html
