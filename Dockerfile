# podgraph API image: the GraphQL server and explorer, configured by PODGRAPH_* and NEO4J_*.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app

# Dependencies first (cached while the sources change).
COPY pyproject.toml README.md ./
COPY extract ./extract
COPY graph ./graph
COPY api ./api
COPY queries ./queries
RUN pip install . && useradd --create-home podgraph

USER podgraph
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=5 \
  CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/healthz').status == 200 else 1)"
CMD ["podgraph", "serve", "--host", "0.0.0.0", "--port", "8000"]
