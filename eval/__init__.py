"""Evaluation scripts (need ../shared; they skip cleanly without it)."""
