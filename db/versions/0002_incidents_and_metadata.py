"""incidents; article metadata (date provenance, author, extra); conflict incident and assignee

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-07 15:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "incident",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("place", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.Column("governorate", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
        sa.Column("day", sa.Date(), nullable=True),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("label", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("signature", sa.Text(), server_default="", nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_incident_governorate"), "incident", ["governorate"], unique=False)
    op.create_index(op.f("ix_incident_day"), "incident", ["day"], unique=False)
    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("published_from", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True)
        )
        batch_op.add_column(
            sa.Column("author", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True)
        )
        batch_op.add_column(sa.Column("extra", sa.Text(), server_default="{}", nullable=False))
        batch_op.add_column(sa.Column("incident_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_article_incident_id"), ["incident_id"], unique=False)
        batch_op.create_foreign_key(
            "fk_article_incident_id_incident", "incident", ["incident_id"], ["id"]
        )
    with op.batch_alter_table("claim", schema=None) as batch_op:
        batch_op.add_column(sa.Column("incident_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_claim_incident_id"), ["incident_id"], unique=False)
        batch_op.create_foreign_key(
            "fk_claim_incident_id_incident", "incident", ["incident_id"], ["id"]
        )
    with op.batch_alter_table("conflict", schema=None) as batch_op:
        batch_op.add_column(sa.Column("incident_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("assignee", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True)
        )
        batch_op.create_index(batch_op.f("ix_conflict_incident_id"), ["incident_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_conflict_assignee"), ["assignee"], unique=False)
        batch_op.create_foreign_key(
            "fk_conflict_incident_id_incident", "incident", ["incident_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("conflict", schema=None) as batch_op:
        batch_op.drop_constraint("fk_conflict_incident_id_incident", type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_conflict_assignee"))
        batch_op.drop_index(batch_op.f("ix_conflict_incident_id"))
        batch_op.drop_column("assignee")
        batch_op.drop_column("incident_id")
    with op.batch_alter_table("claim", schema=None) as batch_op:
        batch_op.drop_constraint("fk_claim_incident_id_incident", type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_claim_incident_id"))
        batch_op.drop_column("incident_id")
    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.drop_constraint("fk_article_incident_id_incident", type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_article_incident_id"))
        batch_op.drop_column("incident_id")
        batch_op.drop_column("extra")
        batch_op.drop_column("author")
        batch_op.drop_column("published_from")
    op.drop_index(op.f("ix_incident_day"), table_name="incident")
    op.drop_index(op.f("ix_incident_governorate"), table_name="incident")
    op.drop_table("incident")
