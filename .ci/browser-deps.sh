#!/usr/bin/env bash
# Install what the browser tests need and nothing else: Debian's Chromium.
# Playwright for Python comes from PyPI with the dev extras; it is driven with
# executable_path=/usr/bin/chromium, so no browser is ever downloaded.
set -euo pipefail
if [ ! -x /usr/bin/chromium ]; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
fi
