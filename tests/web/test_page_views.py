"""The pages' view rows carry exactly the fields of the API models they stand for.

The meeting and person pages build plain named tuples instead of validating the API's
pydantic result models (see ``web/page_data.py``); this keeps the two vocabularies from
drifting apart: a field added to, renamed in or reordered in one must be in the other.
"""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel

from readouts.store.queries import results
from readouts.web import page_data, person_data


@pytest.mark.parametrize(
    ("view", "model"),
    [
        (page_data.SourceRef, results.SourceRef),
        (page_data.Report, results.Report),
        (page_data.PersonRef, results.PersonRef),
        (page_data.MeetingParticipant, results.MeetingParticipant),
        (page_data.MeetingSummary, results.MeetingSummary),
        (person_data.PageMeeting, results.TimelineMeeting),
    ],
)
def test_view_has_the_models_fields(view: Any, model: type[BaseModel]) -> None:
    assert view._fields == tuple(model.model_fields)
