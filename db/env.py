"""Alembic environment for claimtrack.

claimtrack runs migrations itself (``claimtrack db upgrade``, or automatically when a database is
opened) and hands its connection over in ``config.attributes["connection"]``. Run by hand,
``alembic -c db/alembic.ini upgrade head`` uses ``CLAIMTRACK_DB`` (or ``sqlalchemy.url``).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine
from sqlmodel import SQLModel

import claimtrack.store.tables  # noqa: F401  (registers the tables on SQLModel.metadata)

config = context.config
target_metadata = SQLModel.metadata


def _run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite needs batch mode to alter tables
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    from claimtrack.store.engine import resolve_url

    url = config.get_main_option("sqlalchemy.url") or resolve_url(None)
    engine = create_engine(url)
    with engine.begin() as own_connection:
        _run(own_connection)
