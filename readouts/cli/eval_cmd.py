"""``readouts eval``: score the extractor against gold files."""

from __future__ import annotations
