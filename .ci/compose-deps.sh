#!/usr/bin/env bash
# Install docker-compose (Debian's package) so the compose test validates
# docker-compose.yml with the real tool; no Docker engine is needed for `config`.
set -euo pipefail
if ! command -v docker-compose > /dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends docker-compose \
        || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends docker-compose; }
fi
