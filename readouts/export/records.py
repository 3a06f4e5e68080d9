"""The JSON Lines export: one merged meeting per line, with every report and every source.

This is the lossless export: each report carries the extracted ``Meeting`` record of its
document (evidence spans included), each source says whether it is the original or a
syndicated copy, and the merged participants list says who was there over all reports.
"""

from __future__ import annotations

import json
from typing import TextIO

from readouts.export.merged import iter_merged_meetings
from readouts.store import Store


def write_jsonl(store: Store, out: TextIO) -> int:
    n = 0
    for meeting in iter_merged_meetings(store):
        out.write(json.dumps(meeting, ensure_ascii=False) + "\n")
        n += 1
    return n
