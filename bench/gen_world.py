"""The generated corpus's world: jurisdictions, offices and who held each office when.

Analysts query a corpus for careers (who held which post when) and for recurring bodies, so the
generator must not invent a new cast for every document: a seeded world assigns each office of
each jurisdiction a chain of holders from 2014 to 2025, fills some vacancies by promotion from
the office below (or from another province), and documents then only look people up.  Every
name is composed from the syllable lists in ``generate_parts.toml``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import random
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

PARTS_FILE = Path(__file__).with_name("generate_parts.toml")
FIRST_DAY = dt.date(2011, 1, 1)
LAST_DAY = dt.date(2024, 12, 31)
MONTHS = (
    "January February March April May June July August September October November December"
).split()


@dataclass
class Tenure:
    name: str
    start: dt.date
    end: dt.date


@dataclass
class Post:
    key: str
    title: str
    short: str
    tenures: list[Tenure] = field(default_factory=list)

    def at(self, day: dt.date) -> Tenure:
        """The tenure covering ``day`` (chains start before FIRST_DAY and end after LAST_DAY)."""
        starts = [t.start for t in self.tenures]
        return self.tenures[max(0, bisect.bisect_right(starts, day) - 1)]

    def split(self, day: dt.date, newcomer: str) -> Tenure | None:
        """End the tenure covering ``day`` there and give the rest of it to ``newcomer``."""
        index = max(0, bisect.bisect_right([t.start for t in self.tenures], day) - 1)
        tenure = self.tenures[index]
        if tenure.start >= day:
            return None
        rest = Tenure(newcomer, day, tenure.end)
        tenure.end = day
        self.tenures.insert(index + 1, rest)
        return tenure


@dataclass(frozen=True)
class Seat:
    """A person in an office on the day of a meeting."""

    name: str
    title: str
    short: str
    female: bool = False


@dataclass
class Jurisdiction:
    name: str
    country: str
    capital: str
    city2: str
    outlet: str
    districts: tuple[str, str]
    posts: dict[str, Post]
    term_base: int

    def seat(self, key: str, day: dt.date, world: World) -> Seat:
        post = self.posts[key]
        name = post.at(day).name
        female = name in world.women
        title = post.title.replace("Chairman", "Chairwoman") if female else post.title
        return Seat(name, title, post.short, female)


class World:
    """Every office of every jurisdiction with its chain of holders, built from one seed."""

    def __init__(self, seed: int) -> None:
        self.parts = load_parts()
        self.rng = random.Random(f"{seed}/world")
        self.used: set[str] = set()
        self.women: set[str] = set()
        self.moved: set[str] = set()
        self.places: list[Jurisdiction] = [self._cn(row) for row in self.parts["places"]["cn"]]
        self.places += [self._vn(row) for row in self.parts["places"]["vn"]]
        for place in self.places:
            self._promote(place)

    def person(self, country: str, rng: random.Random | None = None) -> str:
        """A fresh name that no official of the world carries (unless ``rng`` is a document's)."""
        rng = rng or self.rng
        for _ in range(50):
            name, female = compose_name(self.parts["names"], country, rng)
            if name not in self.used:
                break
        if rng is self.rng:
            self.used.add(name)
            if female:
                self.women.add(name)
        return name

    def _posts(self, country: str, capital: str, districts: Sequence[str]) -> dict[str, Post]:
        posts = {}
        for key, title, short in self.parts["posts"][country.lower()]:
            title = title.format(city=capital, district=districts[0], district2=districts[-1])
            post = Post(key, title, short)
            start = FIRST_DAY - dt.timedelta(days=self.rng.randint(0, 1500))
            while start <= LAST_DAY:
                end = start + dt.timedelta(days=self.rng.randint(700, 1900))
                post.tenures.append(Tenure(self.person(country), start, end))
                start = end
            posts[key] = post
        return posts

    def _cn(self, row: list[str]) -> Jurisdiction:
        province, capital, city2 = row
        posts = self._posts("CN", capital, ("", ""))
        term = self.rng.randint(10, 12)
        return Jurisdiction(
            province, "CN", capital, city2, f"{province} Daily", ("", ""), posts, term
        )

    def _vn(self, row: list[str]) -> Jurisdiction:
        province, outlet, district, district2 = row
        posts = self._posts("VN", province, (district, district2))
        return Jurisdiction(
            province, "VN", province, province, outlet, (district, district2), posts, 18
        )

    def _promote(self, place: Jurisdiction) -> None:
        """Fill some vacancies from the office below, so careers run through several posts."""
        for upper, lower, chance in self.parts["promotions"][place.country.lower()]:
            for tenure in place.posts[upper].tenures[1:]:
                if self.rng.random() >= chance:
                    continue
                source = place
                if lower.startswith("cross:"):
                    others = [
                        p for p in self.places if p.country == place.country and p is not place
                    ]
                    source = self.rng.choice(others)
                post = source.posts[lower.removeprefix("cross:")]
                holder = post.at(tenure.start).name
                if holder in self.moved or tenure.start > LAST_DAY:
                    continue
                if post.split(tenure.start, self.person(place.country)) is not None:
                    self.moved.add(holder)
                    tenure.name = holder


def compose_name(names: dict[str, Any], country: str, rng: random.Random) -> tuple[str, bool]:
    """A pinyin name ("Qiao Mingyuan") or a Vietnamese one ("Luong Thi Hong Nhung")."""
    if country == "CN":
        given = rng.choice(names["cn_given"]) + rng.choice(names["cn_given"])
        return f"{rng.choice(names['cn_surnames'])} {given.capitalize()}", False
    female = rng.random() < 0.3
    middle = rng.choice(names["vn_middle_female" if female else "vn_middle_male"])
    given = rng.choice(names["vn_given_female" if female else "vn_given_male"])
    return f"{rng.choice(names['vn_surnames'])} {middle} {given}", female


@cache
def load_parts() -> dict[str, Any]:
    with PARTS_FILE.open("rb") as handle:
        return tomllib.load(handle)


@cache
def world_for(seed: int) -> World:
    return World(seed)
