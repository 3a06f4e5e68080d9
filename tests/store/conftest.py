"""Let the store tests import their helpers (``texts``, ``helpers``) by module name."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
