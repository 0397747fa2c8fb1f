"""``claimtrack assign ID... --to NAME`` (or ``--where FILTERS``): share the review work.

An assignment changes the conflict's ``assignee`` (shown in ``conflicts``, ``conflicts show``,
the review screen and ``export conflicts``) under the same optimistic locking as a decision: the
conflict's version is bumped, and one that someone else changed since it was read is reported
and left as it is while the others go on (exit code 1). ``review --mine`` then walks one's own.
"""

from __future__ import annotations

import json

import typer

from claimtrack.cli.app import app
from claimtrack.cli.common import safe, store_from
from claimtrack.cli.review import (
    DRY_RUN,
    WHERE,
    default_reviewer,
    now_utc,
    print_selection,
    report_stale,
    selected,
)
from claimtrack.errors import UsageError
from claimtrack.review import parse_where
from claimtrack.store import review as review_store


@app.command("assign")
def assign(
    ctx: typer.Context,
    conflict_ids: list[int] = typer.Argument(
        None, metavar="[ID]...", help="The conflicts to assign (or select them with --where)."
    ),
    to: str | None = typer.Option(None, "--to", metavar="NAME", help="The reviewer to give them."),
    clear: bool = typer.Option(False, "--clear", help="Assign them to nobody."),
    where: str | None = WHERE,
    expect_version: int | None = typer.Option(
        None,
        "--expect-version",
        metavar="N",
        help="With one ID: refuse if the conflict is no longer at version N.",
    ),
    reviewer: str | None = typer.Option(
        None, "--reviewer", help="Who assigns (default: $CLAIMTRACK_REVIEWER, else the OS user)."
    ),
    dry_run: bool = DRY_RUN,
    fmt: str = typer.Option("text", "--format", "-f", help="text or json."),
) -> None:
    """Give conflicts to a reviewer: by ID, or every conflict --where selects."""
    ids = list(dict.fromkeys(conflict_ids or []))
    if fmt not in ("text", "json"):
        raise UsageError(f"unknown format {fmt!r} (choose text or json)")
    if (to is None) == (not clear):
        raise UsageError("give --to NAME, or --clear to assign to nobody")
    if not ids and where is None:
        raise UsageError("give conflict IDs or --where FILTERS")
    if ids and where is not None:
        raise UsageError("give conflict IDs or --where, not both")
    if expect_version is not None and len(ids) != 1:
        raise UsageError("--expect-version goes with one conflict ID")
    name = None
    if to is not None:
        name = " ".join(to.split())
        if not name or name == "-":
            raise UsageError("--to is empty (use --clear to assign to nobody)")
    who = default_reviewer(reviewer)
    wanted = parse_where(where) if where is not None else None
    with store_from(ctx) as store:
        rows = selected(store, ids, wanted)
        if wanted is not None:  # already theirs: nothing to do
            rows = [row for row in rows if row.get("assignee") != name]
        if dry_run:
            print_selection(rows, f"assigned to {name}" if name else "unassigned")
            return
        if not rows:
            typer.echo("No conflicts to assign: --where selects none that is not already.")
            return
        if expect_version is not None:
            targets = [(int(rows[0]["id"]), expect_version)]
        else:
            targets = [(int(row["id"]), int(row["version"])) for row in rows]
        when = now_utc()
        result = store.write(lambda s: review_store.assign_many(s, targets, name, by=who, now=when))
    done, stale = result["assigned"], result["stale"]
    if fmt == "json":
        typer.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        for item in done:
            target = f"assigned to {item['assignee']}" if item["assignee"] else "unassigned"
            if not item["changed"]:
                target = f"already {target}"
            typer.echo(
                safe(f"conflict {item['id']}: {target} (version {item['version']})", markup=False)
            )
        report_stale(stale)
        if len(targets) > 1 or stale:
            changed = sum(1 for item in done if item["changed"])
            line = f"{changed} of {len(targets)} conflicts " + (
                f"assigned to {name}" if name else "unassigned"
            )
            if stale:
                line += (
                    f"; {len(stale)} changed by someone else meanwhile, left as they were: "
                    + ", ".join(str(item["id"]) for item in stale)
                )
            typer.echo(safe(line, markup=False))
    if stale:
        raise typer.Exit(1)
