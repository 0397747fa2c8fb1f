"""The claim report's data: what an editor reads, before any format (md, html, json, csv).

Per event (a group of conflicting claims linked by shared accounts, e.g. Anadolu vs Russia Today
on who shot the helicopter down, with SOHR agreeing with Russia Today), the competing accounts side
by side with their sources and what is known of each source (annotations), the corroborations, the
review decisions and notes; then a table of sources.

Filters:

- ``statuses``: keep conflicts in these review states;
- ``kinds``: keep conflicts of these kinds (actor, number, denial, omission, ...);
- ``sources``: keep conflicts with at least one account by one of these sources (name or alias);
- ``since``: keep conflicts with at least one account published on or after this date (an article
  without a publication date counts from the day it was ingested, for this filter only);
- ``include_dismissed``: dismissed conflicts are left out unless this is set or ``statuses``
  names ``dismissed`` explicitly; how many were left out is ``totals["dismissed_hidden"]``.

Each section (``events``) is one incident when its conflicts have one (headed by place, day and
kind), with ``counts`` of its conflicts by review state; every account names its article
(``article_title``, ``outlet``, ``published``, ``article_url``) and ``article_link``, the URL
only when it is an http(s) address (what md and html may turn into a link). A section of an
incident carries its toll timeline (``tolls``: ``store.incidents.toll_timeline``).

A publication date that is not known is ``None`` (JSON ``null``; "date unknown" in md, html and
csv), never the ingest date.

Everything here is plain data (dicts, lists, strings); the formats escape it for their medium.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

from sqlmodel import Session

from claimtrack.review import record_line
from claimtrack.store import review as review_store
from claimtrack.store import sources as source_store
from claimtrack.store.incidents import toll_timeline

DECIDED_CONFLICT = ("confirmed", "resolved")
DISMISSED = "dismissed"
DATE_UNKNOWN = "date unknown"  # what md, html and csv show for an unknown publication date
CSV_COLUMNS = [
    "event", "conflict_id", "kind", "status", "assignee", "reason", "claim_id", "source",
    "favoured", "text",
    "article_id", "article_title", "article_url", "outlet", "published", "source_reliability",
    "source_affiliation", "source_owner", "source_tags", "source_notes", "claim_notes",
    "review_note", "reviewed_by", "reviewed_at",
]  # fmt: skip
SOURCE_COLUMNS = [
    "name", "claims", "conflicts", "confirmed", "favoured", "corroborations", "reliability",
    "tags", "affiliation", "owner", "notes",
]  # fmt: skip


def link_target(url: str | None) -> str | None:
    """``url`` when a reader may follow it (an http or https address with a host), else None.

    >>> link_target("https://example.org/a?b=1"), link_target("javascript:alert(1)")
    ('https://example.org/a?b=1', None)
    """
    if not url:
        return None
    text = str(url).strip()
    if any(ord(c) < 33 or ord(c) == 127 for c in text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return text


def segments(text: str, values: Sequence[str]) -> list[dict[str, Any]]:
    """Split ``text`` into runs, marking where a disagreeing value occurs.

    >>> segments("killed at least three soldiers", ["at least three"])
    [{'text': 'killed ', 'mark': False}, {'text': 'at least three', 'mark': True}, \
{'text': ' soldiers', 'mark': False}]
    """
    marked = [False] * len(text)
    folded = text.casefold()
    if len(folded) != len(text):  # casefold changed lengths (ß -> ss): match case-sensitively
        folded = text
    for value in values:
        needle = str(value).strip()
        needle = needle.casefold() if folded is not text else needle
        if not needle:
            continue
        start = folded.find(needle)
        while start >= 0:
            for i in range(start, start + len(needle)):
                marked[i] = True
            start = folded.find(needle, start + len(needle))
    runs: list[dict[str, Any]] = []
    for char, mark in zip(text, marked, strict=True):
        if runs and runs[-1]["mark"] == mark:
            runs[-1]["text"] += char
        else:
            runs.append({"text": char, "mark": mark})
    return runs


def _account_values(values: Sequence[str], index: int, text: str) -> list[str]:
    """The value to highlight in account ``index``: its own, else any value it contains."""
    own = str(values[index]).strip() if index < len(values) else ""
    if own and own.casefold() in text.casefold():
        return [own]
    return [str(v) for v in values]


class _Groups:
    """Union-find over claim ids: conflicts and corroborations that share an account join."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, item: int) -> int:
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def join(self, items: Sequence[int]) -> None:
        if not items:
            return
        first = self.find(items[0])
        for other in items[1:]:
            root = self.find(other)
            if root != first:
                self.parent[max(root, first)] = min(root, first)
                first = min(root, first)


def build_report(
    session: Session,
    *,
    statuses: Sequence[str] | None = None,
    kinds: Sequence[str] | None = None,
    sources: Sequence[str] | None = None,
    since: date | None = None,
    include_dismissed: bool = False,
    tolls: bool = True,
    now: datetime,
) -> dict[str, Any]:
    """The whole report as data; see the module docstring for the filters. ``tolls=False``
    leaves the incidents' toll timelines out (ClaimReview, built from the same data, needs none)."""
    conflicts = review_store.conflict_detail_rows(session, statuses=statuses, sources=sources)
    if kinds:
        conflicts = [c for c in conflicts if c["kind"] in kinds]
    article_ids = {a["article_id"] for c in conflicts for a in c["claims"]}
    dates = review_store.article_dates(session, article_ids)
    if since is not None:
        conflicts = [
            c
            for c in conflicts
            if any(
                (d := dates.get(a["article_id"])) is not None and d >= since for a in c["claims"]
            )
        ]
    dismissed_hidden = 0
    if not include_dismissed and not statuses:
        kept = [c for c in conflicts if c["status"] != DISMISSED]
        dismissed_hidden = len(conflicts) - len(kept)
        conflicts = kept
    corroborations = review_store.corroboration_rows(session)
    known = review_store.source_annotations(session)
    histories = review_store.histories(session, [c["id"] for c in conflicts])
    claim_ids = sorted({a["id"] for c in conflicts for a in c["claims"]})
    claim_notes: dict[int, list[dict[str, Any]]] = {}
    for note in review_store.annotation_rows(session, claim_ids=claim_ids):
        claim_notes.setdefault(note["claim_id"], []).append(
            {"note": note["note"], "tags": note["tags"], "author": note["author"], "at": note["at"]}
        )
    titles = review_store.article_info(session, article_ids)

    groups = _Groups()
    for conflict in conflicts:
        groups.join([a["id"] for a in conflict["claims"]])
    in_report = set(claim_ids)
    for corroboration in corroborations:
        members = [a["id"] for a in corroboration["claims"]]
        if any(m in in_report for m in members):
            groups.join(members)

    # one section per incident; conflicts matched by wording alone, outside any incident, are
    # grouped by the claims they share
    events: dict[Any, dict[str, Any]] = {}
    section_of: dict[int, Any] = {}
    for conflict in conflicts:
        root = groups.find(conflict["claims"][0]["id"]) if conflict["claims"] else -conflict["id"]
        key = ("incident", conflict["incident"]) if conflict.get("incident") else ("group", root)
        section_of.setdefault(root, key)
        event = events.setdefault(
            key,
            {
                "conflicts": [],
                "corroborations": [],
                "incident": conflict.get("incident"),
                "incident_label": conflict.get("incident_label"),
            },
        )
        event["conflicts"].append(
            _conflict_view(conflict, known, claim_notes, titles, histories, dates)
        )
    for corroboration in corroborations:
        members = [a["id"] for a in corroboration["claims"]]
        if not members or not any(m in in_report for m in members):
            continue
        root = groups.find(members[0])
        if section_of.get(root) in events:
            events[section_of[root]]["corroborations"].append(
                {
                    "id": corroboration["id"],
                    "reason": corroboration["reason"],
                    "score": corroboration["score"],
                    "accounts": [
                        _account_view(a, [], known, claim_notes, titles, dates, None)
                        for a in corroboration["claims"]
                    ],
                }
            )

    ordered = sorted(events.values(), key=lambda e: min(c["id"] for c in e["conflicts"]))
    event_rows = []
    for number, event in enumerate(ordered, 1):
        names: dict[str, None] = {}
        for conflict in event["conflicts"]:
            for account in conflict["accounts"]:
                names.setdefault(account["source"] or "the reporter", None)
        disputing = list(names)
        for corroboration in event["corroborations"]:
            for account in corroboration["accounts"]:
                names.setdefault(account["source"] or "the reporter", None)
        vs = " vs ".join(disputing) if len(disputing) <= 4 else ", ".join(disputing)
        event_rows.append(
            {
                "id": number,
                # headed by place, day and what happened; by the sources when no incident
                "title": event["incident_label"] or vs,
                "incident": event["incident"],
                "disputing": vs,
                "sources": list(names),
                "counts": _status_counts(event["conflicts"]),
                # who gave which toll of the incident, and when (oldest first); [] without one
                "tolls": (
                    toll_timeline(session, event["incident"]) if tolls and event["incident"] else []
                ),
                "conflicts": event["conflicts"],
                "corroborations": event["corroborations"],
            }
        )
    source_table = _source_table(session, event_rows, corroborations, known)
    return {
        "title": "claimtrack report: conflicting accounts",
        "generated_at": now.isoformat(timespec="seconds"),
        "filters": {
            "status": list(statuses or []),
            "source": list(sources or []),
            "since": since.isoformat() if since else None,
            "include_dismissed": include_dismissed,
        },
        "totals": {
            "events": len(event_rows),
            "conflicts": len(conflicts),
            "by_status": _status_counts(conflicts),
            "dismissed_hidden": dismissed_hidden,
            "corroborations": sum(len(e["corroborations"]) for e in event_rows),
        },
        "events": event_rows,
        "sources": source_table,
    }


def _status_counts(conflicts: Sequence[dict[str, Any]]) -> dict[str, int]:
    """How many of ``conflicts`` are in each review state, states in alphabetical order."""
    seen: dict[str, int] = {}
    for conflict in conflicts:
        seen[conflict["status"]] = seen.get(conflict["status"], 0) + 1
    return dict(sorted(seen.items()))


def _source_facts(name: str | None, known: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """What is known of a source, every key present (None / [] when unknown)."""
    facts: dict[str, Any] = {
        "name": name,
        "kind": None,
        "descriptor": None,
        "country": None,
        "reliability": None,
        "tags": [],
        "affiliation": None,
        "owner": None,
        "notes": [],
    }
    if name is not None and name in known:
        facts.update(known[name])
    return facts


def _account_view(
    account: dict[str, Any],
    values: list[str],
    known: dict[str, dict[str, Any]],
    claim_notes: dict[int, list[dict[str, Any]]],
    titles: dict[int, dict[str, Any]],
    dates: dict[int, date],
    favoured: int | None,
) -> dict[str, Any]:
    article = titles.get(account["article_id"], {})
    return {
        "claim_id": account["id"],
        "source": account["source"],
        "source_mention": account.get("source_mention"),
        "cue": account.get("cue"),
        "via": account.get("via"),
        "text": account["text"],
        "segments": segments(account["text"], values),
        "article_id": account["article_id"],
        "article_title": article.get("title"),
        "outlet": account.get("outlet") or article.get("outlet"),
        "url": article.get("url"),
        "article_url": article.get("url"),
        "article_link": link_target(article.get("url")),
        # the publication date only: an unknown one stays None ("date unknown"), never the
        # day the article was ingested
        "published": account.get("published"),
        "start": account.get("start"),
        "end": account.get("end"),
        "favoured": favoured is not None and account["id"] == favoured,
        "source_info": _source_facts(account["source"], known),
        "annotations": claim_notes.get(account["id"], []),
    }


def _conflict_view(
    conflict: dict[str, Any],
    known: dict[str, dict[str, Any]],
    claim_notes: dict[int, list[dict[str, Any]]],
    titles: dict[int, dict[str, Any]],
    histories: dict[int, list[dict[str, Any]]],
    dates: dict[int, date],
) -> dict[str, Any]:
    values = [str(v) for v in conflict["values"]]
    accounts = [
        _account_view(
            account,
            _account_values(values, index, account["text"]),
            known,
            claim_notes,
            titles,
            dates,
            conflict["favoured_claim_id"],
        )
        for index, account in enumerate(conflict["claims"])
    ]
    history = histories.get(conflict["id"], [])
    decisions = [e for e in history if e["kind"] == "decision"]
    last = decisions[-1] if decisions else None
    favoured = next((a for a in accounts if a["favoured"]), None)
    return {
        "id": conflict["id"],
        "kind": conflict["kind"],
        "reason": conflict["reason"],
        "status": conflict["status"],
        "severity": conflict["severity"],
        "values": values,
        "note": conflict["note"],
        "favoured_claim_id": conflict["favoured_claim_id"],
        "favoured_source": favoured["source"] if favoured else None,
        "reviewed_by": last["reviewer"] if last else None,
        "reviewed_at": last["at"] if last else None,
        "assignee": conflict.get("assignee"),
        "version": conflict["version"],
        "accounts": accounts,
        "history": history,
    }


def _source_table(
    session: Session,
    events: list[dict[str, Any]],
    corroborations: list[dict[str, Any]],
    known: dict[str, dict[str, Any]],
) -> list[dict[str, Any]]:
    """One row per source named in the report: claims, conflicts, confirmations, annotations,
    and the track record computed from every resolved conflict with a favoured account
    (``track_record``; ``judged``: the same in a few words, None when never judged)."""
    stats: dict[str, dict[str, Any]] = {}
    records = source_store.track_records(session)

    def row(name: str) -> dict[str, Any]:
        facts = known.get(name, {})
        return stats.setdefault(
            name,
            {
                "name": name,
                "claims": 0,
                "conflicts": 0,
                "confirmed": 0,  # conflicts it is in that reviewers confirmed or resolved
                "favoured": 0,  # resolved in its favour
                "corroborations": 0,  # times another source's account agreed with it
                "reliability": facts.get("reliability"),
                "tags": facts.get("tags", []),
                "affiliation": facts.get("affiliation"),
                "owner": facts.get("owner"),
                "descriptor": facts.get("descriptor"),
                "notes": facts.get("notes", []),
                "track_record": records.get(name, source_store.NO_RECORD),
                "judged": record_line(records.get(name)),
            },
        )

    for event in events:
        for conflict in event["conflicts"]:
            names = {a["source"] for a in conflict["accounts"] if a["source"]}
            for name in names:
                entry = row(name)
                entry["conflicts"] += 1
                if conflict["status"] in DECIDED_CONFLICT:
                    entry["confirmed"] += 1
            if conflict["favoured_source"]:
                row(conflict["favoured_source"])["favoured"] += 1
        for corroboration in event["corroborations"]:
            for name in {a["source"] for a in corroboration["accounts"] if a["source"]}:
                row(name)
    for corroboration in corroborations:
        for name in {a["source"] for a in corroboration["claims"] if a["source"]}:
            if name in stats:
                stats[name]["corroborations"] += 1
    counts = review_store.claim_counts(session, sorted(stats))
    for name, entry in stats.items():
        entry["claims"] = counts.get(name, 0)
    return [stats[name] for name in sorted(stats, key=str.casefold)]


def csv_rows(report: dict[str, Any]) -> list[dict[str, Any]]:
    """The report flattened for a spreadsheet: one row per account of each conflict."""
    rows = []
    for event in report["events"]:
        for conflict in event["conflicts"]:
            for account in conflict["accounts"]:
                info = account["source_info"]
                rows.append(
                    {
                        "event": event["id"],
                        "conflict_id": conflict["id"],
                        "kind": conflict["kind"],
                        "status": conflict["status"],
                        "assignee": conflict["assignee"],
                        "reason": conflict["reason"],
                        "claim_id": account["claim_id"],
                        "source": account["source"],
                        "favoured": account["favoured"],
                        "text": account["text"],
                        "article_id": account["article_id"],
                        "article_title": account["article_title"],
                        "article_url": account["article_url"],
                        "outlet": account["outlet"],
                        "published": account["published"] or DATE_UNKNOWN,
                        "source_reliability": info.get("reliability"),
                        "source_affiliation": info.get("affiliation"),
                        "source_owner": info.get("owner"),
                        "source_tags": ", ".join(info.get("tags", [])),
                        "source_notes": " | ".join(n["note"] for n in info.get("notes", [])),
                        "claim_notes": " | ".join(n["note"] for n in account["annotations"]),
                        "review_note": conflict["note"],
                        "reviewed_by": conflict["reviewed_by"],
                        "reviewed_at": conflict["reviewed_at"],
                    }
                )
    return rows
