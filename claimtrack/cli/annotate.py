"""``claimtrack sources annotate NAME ...`` and ``claimtrack annotate CLAIM_ID ...``.

What people know about a source (state-owned, UK-based monitor, how reliable it has been) and
notes on single claims. Notes accumulate with author and time; reliability, tags, affiliation and
owner are current values whose every change is kept in the source's history.
"""

from __future__ import annotations

import typer

from claimtrack.cli.app import app
from claimtrack.cli.common import ListFormat, render_rows, safe, store_from
from claimtrack.cli.review import default_reviewer, now_utc
from claimtrack.cli.sources import sources_app
from claimtrack.export.tabular import dumps
from claimtrack.store import review as review_store

AUTHOR = typer.Option(
    None,
    "--author",
    "--reviewer",
    help="Who writes it (default: $CLAIMTRACK_REVIEWER, else the OS user).",
)


@sources_app.command("annotate")
def annotate_source(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="Source name or alias."),
    note: str | None = typer.Option(None, "--note", "-n", help="A note (notes accumulate)."),
    reliability: float | None = typer.Option(
        None, "--reliability", help="How reliable the source is, 0 (not at all) to 1."
    ),
    tag: list[str] = typer.Option([], "--tag", "-t", help="Add a tag (repeatable)."),
    untag: list[str] = typer.Option([], "--untag", help="Remove a tag (repeatable)."),
    affiliation: str | None = typer.Option(
        None, "--affiliation", help='Who it is aligned with, e.g. "Turkish state".'
    ),
    owner: str | None = typer.Option(
        None, "--owner", help='Who owns it, e.g. "Government of Syria".'
    ),
    author: str | None = AUTHOR,
    fmt: str = typer.Option("text", "--format", "-f", help="text or json."),
) -> None:
    """Record what is known of a source: a note, reliability, tags, affiliation, owner."""
    who = default_reviewer(author)
    when = now_utc()
    with store_from(ctx) as store:
        result = store.write(
            lambda s: review_store.annotate_source(
                s,
                name,
                note=note,
                reliability=reliability,
                tags=tag,
                untags=untag,
                affiliation=affiliation,
                owner=owner,
                author=who,
                now=when,
            )
        )
    if fmt == "json":
        typer.echo(dumps(result, indent=2))
        return
    said = [f"{c['field']}: {_show(c['old'])} -> {_show(c['new'])}" for c in result["changes"]]
    if result["note"] is not None:
        said.append("note added")
    typer.echo(
        safe(f"{result['source']}: {'; '.join(said) or 'no change'} (by {who})", markup=False)
    )


@app.command("annotate")
def annotate_claim(
    ctx: typer.Context,
    claim_id: int = typer.Argument(..., metavar="CLAIM_ID", help="The claim (see `claims`)."),
    note: str = typer.Option(..., "--note", "-n", help="The note."),
    tag: list[str] = typer.Option([], "--tag", "-t", help="A tag (repeatable)."),
    author: str | None = AUTHOR,
) -> None:
    """Attach a note (and tags) to one claim."""
    who = default_reviewer(author)
    when = now_utc()
    with store_from(ctx) as store:
        result = store.write(
            lambda s: review_store.annotate_claim(s, claim_id, note, tag, author=who, now=when)
        )
    tags = f" [{', '.join(result['tags'])}]" if result["tags"] else ""
    typer.echo(
        safe(f"claim {claim_id}: annotation {result['id']} added{tags} (by {who})", markup=False)
    )


def _show(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "[]"
    return str(value)


@sources_app.command("history")
def source_history(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="Source name or alias."),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f"),
) -> None:
    """Every change to a source's reliability, tags, affiliation and owner (who, when)."""
    with store_from(ctx) as store, store.read() as session:
        rows = review_store.source_history(session, name)
    render_rows(rows, fmt, ["at", "author", "field", "old", "new"], title=f"History of {name}")
