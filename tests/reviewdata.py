"""Test data for review, annotation and report tests: the sample article with two conflicts.

The conflicts are inserted directly (tables.Conflict / ConflictClaim on the ingested claims), so
these tests do not depend on the matcher's exact output: Anadolu vs Russia Today on who shot the
helicopter down (actor), and SOHR's dead vs Sana's intercepted missiles (omission), with Russia
Today and SOHR corroborating each other on Turkey's role.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlmodel import select

from claimtrack.cli import run
from claimtrack.store import tables
from claimtrack.store.engine import open_store

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "idlib.txt"
T0 = datetime(2020, 2, 16, 9, 0, 0, tzinfo=UTC)

HELICOPTER_REASON = (
    "Anadolu says the helicopter was shot down by Ankara-backed rebels; Russia Today says it was "
    "hit by a missile launched from a Turkish military observation post."
)
STRIKE_REASON = (
    "The Syrian Observatory for Human Rights says the Israeli strikes killed at least three "
    "Syrian soldiers; Sana says the missiles were intercepted and made no mention of casualties."
)


@dataclass(frozen=True)
class Sample:
    db: str
    helicopter: int  # conflict id: Anadolu vs Russia Today
    strike: int  # conflict id: SOHR vs Sana
    anadolu: int  # claim ids
    rt: int
    sohr_blame: int
    sohr_strike: int
    sana: int


def claim_id(db: str, needle: str) -> int:
    store = open_store(db)
    try:
        with store.session() as session:
            rows = session.exec(select(tables.Claim)).all()
            found = [c.id for c in rows if needle in c.text and c.id is not None]
    finally:
        store.close()
    assert len(found) == 1, f"{needle!r} is in {len(found)} claims"
    return found[0]


def ingest(db: str, path: Path = SAMPLE, published: str = "2020-02-15") -> None:
    code = run(["--db", db, "ingest", str(path), "--published", published, "--quiet", "--no-match"])
    assert code == 0


def add_conflict(
    db: str, kind: str, reason: str, claims: list[int], values: list[str], severity: float = 0.7
) -> int:
    store = open_store(db)
    try:
        with store.session() as session:
            key = f"test:{kind}:" + ",".join(str(c) for c in sorted(claims))
            existing = session.exec(
                select(tables.Conflict).where(tables.Conflict.key == key)
            ).first()
            if existing is not None and existing.id is not None:
                return existing.id
            row = tables.Conflict(
                key=key,
                kind=kind,
                reason=reason,
                severity=severity,
                score=80.0,
                values=json.dumps(values),
                created_at=T0,
                updated_at=T0,
            )
            session.add(row)
            session.flush()
            assert row.id is not None
            for position, claim in enumerate(claims):
                session.add(
                    tables.ConflictClaim(conflict_id=row.id, claim_id=claim, position=position)
                )
            return row.id
    finally:
        store.close()


def add_corroboration(db: str, reason: str, claims: list[int]) -> None:
    store = open_store(db)
    try:
        with store.session() as session:
            key = "test:" + ",".join(str(c) for c in sorted(claims))
            if session.exec(
                select(tables.Corroboration).where(tables.Corroboration.key == key)
            ).first():
                return
            session.add(
                tables.Corroboration(
                    key=key, reason=reason, score=75.0, claim_ids=json.dumps(claims), created_at=T0
                )
            )
    finally:
        store.close()


def sample(db: str, path: Path = SAMPLE) -> Sample:
    """Ingest the sample article and add its two conflicts and one corroboration."""
    ingest(db, path)
    anadolu = claim_id(db, "shot down by Ankara-backed rebels")
    rt = claim_id(db, "shoulder-fired missile")
    sohr_blame = claim_id(db, "blamed the attack on Turkey")
    sohr_strike = claim_id(db, "killed at least three Syrian soldiers")
    sana = claim_id(db, "missiles were intercepted")
    helicopter = add_conflict(
        db,
        "actor",
        HELICOPTER_REASON,
        [anadolu, rt],
        ["Ankara-backed rebels", "a Turkish military observation post"],
        severity=0.8,
    )
    strike = add_conflict(
        db,
        "omission",
        STRIKE_REASON,
        [sohr_strike, sana],
        ["killed at least three Syrian soldiers", "missiles were intercepted"],
        severity=0.6,
    )
    add_corroboration(
        db,
        "Russia Today and the Syrian Observatory for Human Rights both blame Turkey.",
        [rt, sohr_blame],
    )
    return Sample(db, helicopter, strike, anadolu, rt, sohr_blame, sohr_strike, sana)
