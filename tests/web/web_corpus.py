"""Short readouts written for the web tests (fictional people), one of them hostile.

Two Hunan meetings a few months apart share people, so a person page has a timeline, offices
and co-attendees; the hostile one carries script and event-handler payloads in its headline
and body, which every page must show as text.
"""

from __future__ import annotations

STANDING_COMMITTEE = (
    " date 2023-04-11 Provincial Party Committee Standing Committee holds meeting\n\n"
    "Hunan Daily, April 11th On the morning of the 11th, Xia Peiran, Secretary of the "
    "Provincial Party Committee, presided over a meeting of the Standing Committee of the "
    "Provincial Party Committee to study the spirit of the provincial economic work "
    'conference. The meeting stressed that it is necessary to uphold the "two safeguards". '
    "Wu Jinglan, Deputy Secretary of the Provincial Party Committee and Governor, attended "
    "the meeting.\n"
)
EXECUTIVE = (
    " date 2023-09-20 Provincial government holds executive meeting\n\n"
    "Hunan Daily, September 20th On the afternoon of the 20th, Governor Wu Jinglan presided "
    "over the 15th executive meeting of the provincial government. Vice Governor Qin Shuyi "
    "reported on flood control. Xia Peiran attended the meeting. The meeting called for "
    'implementing the "two safeguards".\n'
)
HOSTILE = (
    " date 2023-06-02 <script>window.__xss=1</script> County holds meeting <img src=x "
    'onerror="window.__xss=2">\n\n'
    "Test Daily, June 2nd On the morning of the 2nd, Lan Shoufeng, Secretary of the County "
    "Party Committee, presided over a meeting of the Standing Committee of the County Party "
    'Committee. <script>document.title="pwned"</script> Bai Yuzhen attended the meeting '
    '<img src=x onerror="window.__xss=3">. The meeting stressed that it is necessary to '
    'implement the "<b onmouseover=window.__xss=4>two safeguards</b>".\n'
)
#: A source name is whatever the ingesting client said: it must be inert too.
HOSTILE_SOURCE = '<svg onload="window.__xss=5">hostile.txt'

CORPUS = {
    "hunan-standing-committee.txt": STANDING_COMMITTEE,
    "hunan-executive.txt": EXECUTIVE,
    HOSTILE_SOURCE: HOSTILE,
}
