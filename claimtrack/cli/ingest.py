"""``claimtrack ingest PATH...``"""

from __future__ import annotations

import sys
from contextlib import nullcontext
from datetime import date, datetime

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from claimtrack.cli.app import app
from claimtrack.cli.common import console, safe, store_from
from claimtrack.datasets import dataset_format, parse_column_map
from claimtrack.errors import UsageError
from claimtrack.ingest import DatasetOptions, Metadata, Outcome, ingest_inputs
from claimtrack.load import iter_inputs

PROGRESS_FROM = 20  # batches at least this long show a progress bar (in a terminal)


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        try:
            return datetime.fromisoformat(value).date()
        except ValueError as error:
            raise UsageError(f"--published: {value!r} is not a date (use YYYY-MM-DD)") from error


@app.command()
def ingest(
    ctx: typer.Context,
    paths: list[str] = typer.Argument(
        ...,
        help="Files, directories (recursively), or - for stdin. Articles: .txt .md .html .htm; "
        "datasets, one article per row: .csv .tsv .jsonl .json.",
    ),
    outlet: str | None = typer.Option(None, help="The outlet that published the article(s)."),
    published: str | None = typer.Option(None, help="Publication date, YYYY-MM-DD."),
    url: str | None = typer.Option(None, help="The article's address."),
    title: str | None = typer.Option(None, help="The article's title."),
    match: bool = typer.Option(
        True, "--match/--no-match", help="Match new claims and flag conflicts as they land."
    ),
    column: list[str] = typer.Option(
        [],
        "--column",
        metavar="FIELD=NAME",
        help="Datasets: the column holding FIELD (text, title, published, outlet, url, id), "
        "e.g. --column text=article_content. Repeatable. Common names are recognised without it.",
    ),
    date_format: str | None = typer.Option(
        None,
        "--date-format",
        metavar="FMT",
        help="Datasets: strptime format of the date column, e.g. %m/%d/%y (default: ISO 8601).",
    ),
    input_format: str | None = typer.Option(
        None,
        "--input-format",
        help="Read every input as this dataset format: csv, tsv, jsonl or json "
        "(default: by extension).",
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only the summary line."),
    workers: int | None = typer.Option(
        None,
        "--workers",
        min=0,
        help="Processes analysing articles while this one stores them (default: 2 for batches "
        "of more than 3 inputs, else none; 0: one article per transaction, in-process).",
    ),
) -> None:
    """Store articles: segment them into claims, attribute each claim, match and flag conflicts."""
    metadata = Metadata(outlet=outlet, published=_parse_date(published), url=url, title=title)
    if input_format is not None and input_format not in ("csv", "tsv", "jsonl", "json"):
        raise UsageError(f"--input-format {input_format!r}: use csv, tsv, jsonl or json")
    dataset = DatasetOptions(
        input_format=input_format, columns=parse_column_map(column), date_format=date_format
    )
    err = console(stderr=True)
    inputs = list(iter_inputs(paths))
    # a dataset holds an unknown number of articles: the bar then counts articles, open-ended
    rows = any(dataset_format(i, input_format) for i in inputs if i != "-")
    show_bar = (rows or len(inputs) >= PROGRESS_FROM) and err.is_terminal and not quiet

    def report(outcome: Outcome) -> None:
        if rows and progress is not None and task is not None:
            progress.advance(task)
        if outcome.status == "failed":
            err.print(
                f"Error: {safe(outcome.error, markup=False)}",
                markup=False,
                highlight=False,
                soft_wrap=True,
            )
        elif not quiet and not show_bar:
            plural = "claim" if outcome.claims == 1 else "claims"
            what = f"{outcome.claims} {plural}" if outcome.status == "new" else "already stored"
            typer.echo(
                f"{outcome.status:>7}  article {outcome.article_id}  "
                f"{safe(outcome.origin, markup=False)}  ({what})"
            )

    progress = (
        Progress(
            TextColumn("ingesting"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=err,
            transient=True,
        )
        if show_bar
        else None
    )
    with store_from(ctx, create=True) as store, progress or nullcontext():
        task = (
            progress.add_task("ingest", total=None if rows else len(inputs))
            if progress is not None
            else None
        )

        def advance(_origin: str) -> None:
            if not rows and progress is not None and task is not None:
                progress.advance(task)

        summary = ingest_inputs(
            store,
            inputs,
            metadata=metadata,
            stdin=sys.stdin.buffer,
            match=match,
            on_outcome=report,
            on_input_done=advance,
            workers=workers,
            dataset=dataset,
        )
    typer.echo(f"Ingested: {summary.line()}")
    if summary.failed:
        raise typer.Exit(1)
