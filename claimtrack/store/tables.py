"""SQLModel tables: the whole schema. Alembic migrations in ``db/`` create exactly this.

A test (tests/test_migrations.py) proves the migrated schema equals these models, so any change
here needs a new migration in ``db/versions``.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


class Article(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    content_hash: str = Field(max_length=64, unique=True)  # sha256 of the normalised text
    text: str = Field(sa_column=Column(Text, nullable=False))
    title: str | None = Field(default=None, max_length=500)
    outlet: str | None = Field(default=None, max_length=200)
    published: date | None = None
    url: str | None = Field(default=None, max_length=2000)
    origin: str = Field(max_length=2000)
    ingested_at: datetime
    # where ``published`` came from: data (a dataset column), page (meta tags, JSON-LD),
    # option (--published), dateline (a date line in the text); null when unknown
    published_from: str | None = Field(default=None, max_length=20)
    author: str | None = Field(default=None, max_length=300)
    # other columns of a dataset row, and anything else known about the article (JSON object)
    extra: str = Field(default="{}", sa_column=Column(Text, nullable=False, server_default="{}"))
    incident_id: int | None = Field(default=None, foreign_key="incident.id", index=True)


class Incident(SQLModel, table=True):
    """One happening (an attack, a strike, a shoot-down): a place, a time, what happened.

    Articles and claims point at their incident; accounts are compared only inside one."""

    id: int | None = Field(default=None, primary_key=True)
    place: str | None = Field(default=None, max_length=200)  # most specific place known
    governorate: str | None = Field(default=None, max_length=100, index=True)
    day: date | None = Field(default=None, index=True)  # when it happened (best estimate)
    kind: str = Field(default="event", max_length=40)  # gas_attack, air_strike, shoot_down ...
    label: str = Field(max_length=300)  # "Khan Sheikhoun, 4 Apr 2017, gas attack"
    signature: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    created_at: datetime


class Source(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=300, unique=True)
    kind: str = Field(max_length=40)
    is_person: bool = False
    country: str | None = Field(default=None, max_length=100)
    descriptor: str | None = Field(default=None, max_length=500)
    # annotations: current values; their history is in source_history, notes in source_note
    reliability: float | None = None
    affiliation: str | None = Field(default=None, max_length=300)
    owner: str | None = Field(default=None, max_length=300)
    tags: str = Field(default="[]", sa_column=Column(Text, nullable=False, server_default="[]"))
    created_at: datetime


class SourceAlias(SQLModel, table=True):
    __tablename__ = "source_alias"
    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id", index=True)
    alias: str = Field(max_length=300)
    alias_key: str = Field(max_length=300, unique=True)  # normalised alias, one owner per key


class Claim(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("article_id", "seq"),)
    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    seq: int  # position in the article
    start: int
    end: int
    paragraph: int = 0
    text: str = Field(sa_column=Column(Text, nullable=False))
    source_id: int | None = Field(default=None, foreign_key="source.id", index=True)
    source_mention: str | None = Field(default=None, max_length=500)
    mention_start: int | None = None
    mention_end: int | None = None
    cue: str | None = Field(default=None, max_length=100)
    kind: str = Field(default="none", max_length=20)
    via: str | None = Field(default=None, max_length=300)
    rule: str | None = Field(default=None, max_length=100)
    descriptor: str | None = Field(default=None, max_length=500)
    frame: str = Field(default="{}", sa_column=Column(Text, nullable=False, server_default="{}"))
    incident_id: int | None = Field(default=None, foreign_key="incident.id", index=True)


class ClaimKey(SQLModel, table=True):
    """Blocking keys of a claim: matching looks candidates up here, through the index."""

    __tablename__ = "claim_key"
    __table_args__ = (Index("ix_claim_key_key_claim", "key", "claim_id"),)
    claim_id: int = Field(foreign_key="claim.id", primary_key=True)
    key: str = Field(max_length=120, primary_key=True)


class Link(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("claim_a", "claim_b"),)
    id: int | None = Field(default=None, primary_key=True)
    claim_a: int = Field(foreign_key="claim.id", index=True)  # claim_a < claim_b
    claim_b: int = Field(foreign_key="claim.id", index=True)
    score: float
    status: str = Field(max_length=20)  # match | suggested | duplicate | confirmed | rejected
    method: str = Field(max_length=100)
    created_at: datetime


class Conflict(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    # stable identity: kind + sorted claim ids, so reviews survive re-matching
    key: str = Field(max_length=200, unique=True)
    kind: str = Field(max_length=20)
    reason: str = Field(sa_column=Column(Text, nullable=False))
    severity: float = 0.0
    score: float = 0.0
    values: str = Field(default="[]", sa_column=Column(Text, nullable=False, server_default="[]"))
    status: str = Field(default="open", max_length=20, index=True)
    note: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    favoured_claim_id: int | None = Field(default=None, foreign_key="claim.id")
    version: int = 1  # optimistic concurrency for reviews
    active: bool = True  # false when re-matching no longer finds it (kept for its history)
    created_at: datetime
    updated_at: datetime
    updated_by: str | None = Field(default=None, max_length=200)
    incident_id: int | None = Field(default=None, foreign_key="incident.id", index=True)
    assignee: str | None = Field(default=None, max_length=200, index=True)


class ConflictClaim(SQLModel, table=True):
    __tablename__ = "conflict_claim"
    conflict_id: int = Field(foreign_key="conflict.id", primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", primary_key=True, index=True)
    position: int = 0


class Corroboration(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=200, unique=True)  # sorted claim ids
    reason: str = Field(sa_column=Column(Text, nullable=False))
    score: float = 0.0
    claim_ids: str = Field(sa_column=Column(Text, nullable=False))  # JSON list of claim ids
    active: bool = True
    created_at: datetime


class ReviewEvent(SQLModel, table=True):
    """History of a conflict's review: every state change, with who, when and why."""

    __tablename__ = "review_event"
    id: int | None = Field(default=None, primary_key=True)
    conflict_id: int = Field(foreign_key="conflict.id", index=True)
    old_status: str = Field(max_length=20)
    new_status: str = Field(max_length=20)
    reviewer: str = Field(max_length=200)
    note: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    favoured_claim_id: int | None = None
    at: datetime


class SourceNote(SQLModel, table=True):
    __tablename__ = "source_note"
    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id", index=True)
    note: str = Field(sa_column=Column(Text, nullable=False))
    author: str = Field(max_length=200)
    at: datetime


class SourceHistory(SQLModel, table=True):
    """Changes to a source's current annotation values (reliability, tags, affiliation, owner)."""

    __tablename__ = "source_history"
    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id", index=True)
    field_name: str = Field(max_length=40)
    old_value: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    new_value: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    author: str = Field(max_length=200)
    at: datetime


class ClaimAnnotation(SQLModel, table=True):
    __tablename__ = "claim_annotation"
    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True)
    note: str = Field(sa_column=Column(Text, nullable=False))
    tags: str = Field(default="[]", sa_column=Column(Text, nullable=False, server_default="[]"))
    author: str = Field(max_length=200)
    at: datetime
