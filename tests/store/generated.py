"""Many small, distinct readouts (fictional people, real provinces) for the crash test.

Every document reports a meeting on its own day, so no two are copies or reports of one
meeting, and the store must end with exactly one document per file.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Iterator

SURNAMES = ("Xia", "Wu", "Qin", "Lin", "Mo", "Deng", "Han", "Bai", "Fang", "Jiang", "Tan", "Lu")
GIVEN = ("pei", "ran", "jing", "lan", "shu", "yi", "qiao", "hong", "wen", "li", "ming", "tao")
PROVINCES = ("Hunan", "Hubei", "Sichuan", "Jiangxi", "Anhui", "Henan", "Shaanxi", "Yunnan")
TOPICS = (
    "flood control",
    "the spring sowing",
    "rural roads",
    "school buildings",
    "forest fire prevention",
    "the grain harvest",
    "clinics in the villages",
    "work safety in the mines",
)
FIRST_DAY = datetime.date(1990, 1, 1)


def _name(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(GIVEN).title()}{rng.choice(GIVEN)}"


def small_readout(index: int, seed: int = 0) -> str:
    """Document ``index``: a standing committee meeting on day ``index`` after 1990-01-01."""
    rng = random.Random(f"{seed}/{index}")
    day = FIRST_DAY + datetime.timedelta(days=index)
    province, topic = rng.choice(PROVINCES), rng.choice(TOPICS)
    secretary, governor, member = _name(rng), _name(rng), _name(rng)
    return (
        f" date {day.isoformat()} The Standing Committee of the Provincial Party Committee "
        f"studies {topic}\n\n"
        f"{province} Daily, {day:%B} {day.day} On {day:%B} {day.day}, {day.year}, {secretary}, "
        "Secretary of the Provincial Party Committee, presided over a meeting of the Standing "
        f"Committee of the {province} Provincial Party Committee on {topic}. {governor}, "
        f"Governor, reported on the work. {member} attended the meeting.\n"
    )


def small_readouts(n: int, seed: int = 0) -> Iterator[tuple[str, str]]:
    """(file name, text) of documents ``0 .. n-1``."""
    for index in range(n):
        yield f"r{index:05d}.txt", small_readout(index, seed)
