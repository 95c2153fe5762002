"""A one-line progress display on a terminal; silent when output is not a terminal."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """Redraws ``label: stage i/n`` in place on stderr when it is a TTY."""

    def __init__(self, label: str, stream: TextIO | None = None) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self.started = time.monotonic()

    def __call__(self, stage: str, i: int, n: int) -> None:
        """Show the current stage."""
        if not self.enabled:
            return
        elapsed = time.monotonic() - self.started
        self.stream.write(f"\r\x1b[K{self.label}: {stage} {i}/{n} ({elapsed:.1f}s)")
        self.stream.flush()

    def done(self, message: str) -> None:
        """Replace the progress line by a final message (always printed)."""
        if self.enabled:
            self.stream.write("\r\x1b[K")
        self.stream.write(message + "\n")
        self.stream.flush()

    def warn(self, message: str) -> None:
        """Print a warning on a line of its own (always)."""
        if self.enabled:
            self.stream.write("\r\x1b[K")
        self.stream.write(f"podgraph: warning: {message}\n")
        self.stream.flush()
