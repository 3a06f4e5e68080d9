"""A small ingested corpus for the query and export tests, on SQLite and on PostgreSQL.

Seven short fictional documents (every person invented) that exercise what the queries must
get right: one meeting reported by two outlets (merged: one meeting, two reports) plus a
syndicated near-copy of one report (a third source, no new meeting); a person whose office
changes (Fang Lixin: Governor in 2023, Secretary in 2024); a Vietnamese province; and a
document that is not a readout.  The corpus is ingested once per module and backend through
the real ingest, and tests only read it.

Import the fixtures into a directory's ``conftest.py``:
``from corpus_fixtures import corpus_store, corpus_target  # noqa: F401``.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, make_url

from readouts.load import Document
from readouts.store import Store, open_store
from readouts.store.ingest import ingest_documents

HUNAN_DAILY = (
    " date 2023-03-14 Standing Committee of the Provincial Party Committee holds meeting on "
    "flood preparedness\n\n"
    "Hunan Daily, March 14th (reporter Tang Yuexin) On the morning of the 14th, Qiao Mingyuan, "
    "Secretary of the Provincial Party Committee, presided over a meeting of the Standing "
    "Committee of the Provincial Party Committee to study flood preparedness and the "
    "inspection of reservoirs.\n\n"
    'The meeting stressed that it is necessary to implement the "two establishments" in every '
    "county and to complete the inspection of reservoirs before the end of April.\n\n"
    "Fang Lixin, Deputy Secretary of the Provincial Party Committee and Governor, reported on "
    "spring sowing. Dou Hanqing, Vice Governor, attended the meeting.\n"
)
WIRE = (
    " date 2023-03-14 Hunan studies flood preparedness\n\n"
    "CHANGSHA, March 14 (Xinhua) -- On the morning of the 14th, Qiao Mingyuan, Secretary of "
    "the Provincial Party Committee, presided over a meeting of the Standing Committee of the "
    "Hunan Provincial Party Committee on flood preparedness. Fang Lixin, Deputy Secretary of "
    "the Provincial Party Committee and Governor, reported on the reservoirs of the province.\n"
)
REPRINT = HUNAN_DAILY + "\n[Reprinted from Hunan Daily. Responsible editor: Wang Xiaoyan]\n"
EXECUTIVE = (
    " date 2023-06-09 Provincial government holds 31st executive meeting\n\n"
    "Hunan Daily, June 9th (reporter Gao Peiling) On the afternoon of the 8th, Governor Fang "
    "Lixin presided over the 31st executive meeting of the provincial government to study the "
    "summer grain purchase plan. Vice Governor Dou Hanqing reported on the safety of urban gas "
    'pipelines. The meeting emphasized that we must promote "high-quality development" in the '
    "whole province.\n\n"
    "Vice Governors Dou Hanqing and Pei Zhongling attended the meeting.\n"
)
STANDING_2024 = (
    " date 2024-01-10 Standing Committee of the Provincial Party Committee studies the "
    "economy\n\n"
    "Hunan Daily, January 10th (reporter Yi Mengqi) On the morning of the 10th, Fang Lixin, "
    "Secretary of the Provincial Party Committee, presided over a meeting of the Standing "
    "Committee of the Provincial Party Committee to study the economic situation. The meeting "
    'stressed that we must uphold the "two establishments" firmly.\n\n'
    "Dou Hanqing, Deputy Secretary of the Provincial Party Committee and Governor, reported on "
    "the economic situation.\n"
)
QUANG_NINH = (
    "Provincial People's Committee holds regular meeting for October\n"
    "(Baoquangninh.vn) - On the morning of November 2, 2023, the Quang Ninh Provincial People's "
    "Committee held its regular meeting for October to assess the socio-economic situation.\n"
    "Comrade Trinh Van Khiem, Chairman of the Provincial People's Committee, chaired the "
    "meeting. Attending were comrades: Lưu Thị Hồng Yến - Vice Chairwoman of the Provincial "
    "People's Committee; Ngo Duc Tung - Vice Chairman of the Provincial People's Committee.\n"
    "Comrade Ngo Duc Tung reported on the progress of the coastal road.\n"
)
WEATHER = (
    " date 2023-08-02 Heavy rain expected in the northern provinces this weekend\n\n"
    "Northern Weather Service, August 2nd. A band of heavy rain is expected to move across the "
    "northern provinces from Friday evening, with a risk of flash floods and landslides.\n"
)
CORPUS = {
    "hunan-daily-0314.txt": HUNAN_DAILY,
    "xinhua-0314.txt": WIRE,
    "reprint-0314.txt": REPRINT,
    "hunan-daily-0609.txt": EXECUTIVE,
    "hunan-daily-20240110.txt": STANDING_2024,
    "quang-ninh-1102.txt": QUANG_NINH,
    "weather-0802.txt": WEATHER,
}
PG_ENV = "READOUTS_TEST_PG"
REQUIRE_ENV = "READOUTS_REQUIRE_SERVICES"


def ingest_corpus(store: Store) -> None:
    documents = [Document(source=name, text=text) for name, text in CORPUS.items()]
    summary = ingest_documents(store, documents)
    assert summary.failed == 0


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def corpus_target(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A ``--db`` value (SQLite file or PostgreSQL URL of a fresh schema) holding CORPUS."""
    if request.param == "sqlite":
        target = str(tmp_path_factory.mktemp("corpus") / "readouts.db")
        with open_store(target) as store:
            ingest_corpus(store)
        yield target
        return
    yield from _pg_corpus()


def _pg_corpus() -> Iterator[str]:
    base = os.environ.get(PG_ENV)
    if not base:
        reason = f"PostgreSQL tests need ${PG_ENV}"
        if os.environ.get(REQUIRE_ENV) == "1":
            pytest.fail(f"{reason} (and {REQUIRE_ENV}=1)")
        pytest.skip(reason)
    schema = "q_" + uuid.uuid4().hex[:16]
    engine = create_engine(make_url(base).set(drivername="postgresql+psycopg"))
    with engine.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in base else "?"
    target = f"{base}{separator}options=-csearch_path%3D{schema}"
    try:
        with open_store(target) as store:
            ingest_corpus(store)
        yield target
    finally:
        with engine.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        engine.dispose()


@pytest.fixture(scope="module")
def corpus_store(corpus_target: str) -> Iterator[Store]:
    """The ingested CORPUS, opened (tests must only read it)."""
    with open_store(corpus_target) as store:
        yield store
