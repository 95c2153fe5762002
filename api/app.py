"""The ASGI app: GraphQL at /graphql (GraphiQL in a browser), /healthz, the explorer at /."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from strawberry.asgi import GraphQL

from api.context import Context
from api.graphiql import offline_graphiql_html
from api.schema import schema
from graph.backend import make_store
from graph.settings import Settings
from graph.store import GraphStore

STATIC = Path(__file__).parent / "static"


class PodgraphGraphQL(GraphQL[dict[str, Any], None]):
    """strawberry's ASGI view with podgraph's context and an offline GraphiQL page."""

    def __init__(self, store_ref: dict[str, GraphStore], settings: Settings) -> None:
        super().__init__(schema, graphql_ide="graphiql", allow_queries_via_get=True)
        self.store_ref = store_ref
        self.settings = settings

    async def get_context(self, request: Any, response: Any) -> dict[str, Any]:
        return {"ctx": Context(self.store_ref["store"], self.settings), "request": request}

    async def render_graphql_ide(self, request: Any) -> Response:
        return HTMLResponse(offline_graphiql_html())


def create_app(settings: Settings, store: GraphStore | None = None) -> Starlette:
    """Build the app; its lifespan opens the store and closes it on shutdown.

    >>> from pathlib import Path
    >>> app = create_app(Settings(store_path=Path("/tmp/doc.podgraph")))
    >>> sorted(r.path for r in app.routes)
    ['/', '/graphql', '/healthz', '/static']
    """
    ref: dict[str, GraphStore] = {}

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        s = store or make_store(settings)
        await s.open()
        ref["store"] = s
        try:
            yield
        finally:
            await s.close()

    async def healthz(request: Request) -> Response:
        try:
            st = await ref["store"].stats()
        except Exception as exc:  # health must answer, whatever broke
            return JSONResponse({"status": "error", "error": type(exc).__name__}, status_code=503)
        episodes = st.nodes.get("Episode", 0)
        return JSONResponse({"status": "ok", "backend": settings.backend, "episodes": episodes})

    async def index(request: Request) -> Response:
        page = STATIC / "explorer" / "index.html"
        if page.exists():
            return FileResponse(page)
        return HTMLResponse('<p>podgraph: GraphQL at <a href="/graphql">/graphql</a></p>')

    gql = PodgraphGraphQL(ref, settings)
    return Starlette(
        routes=[
            Route("/", index),
            Route("/healthz", healthz),
            Route("/graphql", gql, methods=["GET", "POST"]),
            Mount("/static", StaticFiles(directory=STATIC), name="static"),
        ],
        lifespan=lifespan,
    )
