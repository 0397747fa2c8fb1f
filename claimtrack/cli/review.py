"""``claimtrack review``: decide on flagged conflicts, from a script or interactively.

- ``claimtrack review ID --status STATE [--note TEXT] [--favour CLAIM_ID] [--expect-version N]``
  records one decision (``--note`` alone adds a note without a decision).
- ``claimtrack review ID... --status STATE`` and ``claimtrack review --where FILTERS --status
  STATE`` record one decision on many conflicts, each in the history with its reviewer, each
  checked against the version read (a stale one is reported, the others go on, exit 1).
- ``claimtrack review`` (no ID) walks a queue in the terminal, one key per decision: the open
  conflicts, or what ``--kind --source --incident --since --until --min-severity --status
  --assignee --mine`` select, most severe first, then the newest. Each decision is committed as
  soon as it is made, so quitting or Ctrl-C keeps what was decided.

The reviewer is ``--reviewer``, else ``$CLAIMTRACK_REVIEWER``, else the OS user. The queue's
options are shared with ``conflicts`` and ``assign`` (and spelled the same in ``--where``).
"""

from __future__ import annotations

import getpass
import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

import typer
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from claimtrack.cli.app import app
from claimtrack.cli.common import console, safe, store_from
from claimtrack.errors import ClaimtrackError, StaleWriteError, UsageError
from claimtrack.review import (
    STATES,
    WHERE_TERMS,
    QueueFilter,
    ReviewState,
    parse_state,
    parse_where,
    queue_filter,
)
from claimtrack.store import review as review_store
from claimtrack.store.engine import Store

STATUS_STYLE = {
    "open": "bold yellow",
    "confirmed": "bold red",
    "dismissed": "dim",
    "inconclusive": "magenta",
    "resolved": "bold green",
}


def default_reviewer(explicit: str | None = None) -> str:
    """``--reviewer``, else ``$CLAIMTRACK_REVIEWER``, else the OS user."""
    for candidate in (explicit, os.environ.get("CLAIMTRACK_REVIEWER")):
        if candidate and candidate.strip():
            return candidate.strip()
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (some containers)
        return "unknown"


def now_utc() -> datetime:
    return datetime.now(UTC)


# --------------------------------------------------------------------------- history renderer


def render_history(conflict_id: int, rows: Sequence[dict[str, Any]]) -> RenderableType:
    """The review history of a conflict as a rich renderable (for ``conflicts show``).

    ``rows`` are ``claimtrack.store.review.history(session, conflict_id)``. Article-derived and
    reviewer text is passed as plain ``Text``, never parsed as rich markup.
    """
    if not rows:
        return Text(f"Review history of conflict {conflict_id}: not reviewed yet", style="dim")
    table = Table(title=f"Review history of conflict {conflict_id}", title_justify="left")
    for column in ("when", "reviewer", "change", "note"):
        table.add_column(column, overflow="fold")
    for row in rows:
        if row["old_status"] == row["new_status"]:
            change = Text(f"note ({row['new_status']})", style="dim")
        else:
            change = Text(f"{row['old_status']} → ")
            change.append(row["new_status"], style=STATUS_STYLE.get(row["new_status"], ""))
        note = row.get("note") or ""
        if row.get("favoured_claim_id") is not None:
            note = f"favours claim {row['favoured_claim_id']}" + (f"; {note}" if note else "")
        table.add_row(
            Text(str(row["at"])[:19].replace("T", " ")),
            Text(safe(row["reviewer"], markup=False)),
            change,
            Text(safe(note or "-", markup=False)),
        )
    return table


# --------------------------------------------------------------------------- queue options

# The filters of the review queue, shared by `review`, `conflicts` and `assign` (and spelled the
# same as NAME=VALUE terms of --where).
KIND = typer.Option(
    [], "--kind", "-k", help="Only this kind: actor, number, denial, omission, event (repeatable)."
)
SOURCE = typer.Option(
    [], "--source", help="Only conflicts with an account by this source (repeatable)."
)
INCIDENT = typer.Option(
    [], "--incident", help="Only conflicts of this incident (repeatable; see `incidents`)."
)
SINCE = typer.Option(
    None, "--since", metavar="DATE", help="Only conflicts with an account published on or after."
)
UNTIL = typer.Option(
    None, "--until", metavar="DATE", help="Only conflicts with an account published on or before."
)
MIN_SEVERITY = typer.Option(
    None, "--min-severity", metavar="S", help="Only conflicts of this severity (0-1) or more."
)
ASSIGNEE = typer.Option(
    [], "--assignee", help="Only conflicts assigned to this reviewer (repeatable; - for nobody)."
)
WHERE = typer.Option(
    None,
    "--where",
    metavar="FILTERS",
    help="Act on every conflict these filters select: 'kind=omission source=SANA since=2017-04-01'"
    " (names: " + ", ".join(WHERE_TERMS) + "; open conflicts unless a status is named).",
)
DRY_RUN = typer.Option(False, "--dry-run", help="List what would change; change nothing.")


def options_filter(
    *,
    statuses: Sequence[str] = (),
    kind: Sequence[str] = (),
    source: Sequence[str] = (),
    incident: Sequence[int] = (),
    since: str | None = None,
    until: str | None = None,
    min_severity: float | None = None,
    assignee: Sequence[str] = (),
    mine: str | None = None,
    include_inactive: bool = False,
) -> QueueFilter:
    """The queue filter of the command-line options (checked: states, kinds, dates, severity);
    ``mine`` is the reviewer of ``--mine`` (it stands for ``--assignee`` and excludes it)."""
    if mine is not None and assignee:
        raise UsageError("--mine means --assignee ME: give one of them")
    return queue_filter(
        statuses=statuses,
        kinds=kind,
        sources=source,
        incidents=incident,
        since=since,
        until=until,
        min_severity=min_severity,
        assignees=[mine] if mine is not None else assignee,
        include_inactive=include_inactive,
    )


def selected(store: Store, ids: Sequence[int], wanted: QueueFilter | None) -> list[dict[str, Any]]:
    """The conflicts a bulk action takes, as read now (their versions are what a decision is
    checked against): the ids given (every one must exist), else what ``wanted`` selects."""
    with store.read() as session:
        if ids:
            review_store.require_conflicts(session, ids)
            rows = review_store.conflict_detail_rows(session, ids=list(dict.fromkeys(ids)))
            order = {conflict_id: n for n, conflict_id in enumerate(dict.fromkeys(ids))}
            return sorted(rows, key=lambda row: order[row["id"]])
        assert wanted is not None
        return review_store.queue_rows(session, wanted)


def sources_line(row: dict[str, Any]) -> str:
    """Who speaks in each account, as the reason names them: the source, else the outlet in
    whose own voice it is told ("SOHR vs The National (reporter)")."""
    return " vs ".join(dict.fromkeys(_speaker(c) for c in row["claims"]))


def _speaker(claim: dict[str, Any]) -> str:
    if claim.get("source"):
        return str(claim["source"])
    return f"{claim['outlet']} (reporter)" if claim.get("outlet") else "-"


def print_selection(rows: Sequence[dict[str, Any]], what: str) -> None:
    """``--dry-run``: one line per conflict that would change, then how many."""
    for row in rows:
        typer.echo(
            safe(
                f"{row['id']}\t{row['kind']}\t{row['status']}\t{float(row['severity'] or 0):.2f}"
                f"\t{row.get('assignee') or '-'}\t{sources_line(row)}",
                markup=False,
            )
        )
    typer.echo(f"{len(rows)} conflict{'s' if len(rows) != 1 else ''} would be {what} (dry run)")


def report_stale(stale: Sequence[dict[str, Any]]) -> None:
    for item in stale:
        typer.echo(f"Error: {safe(item['error'], markup=False)}", err=True)


# --------------------------------------------------------------------------- the command


@app.command("review")
def review(
    ctx: typer.Context,
    conflict_ids: list[int] = typer.Argument(
        None,
        metavar="[ID]...",
        help="The conflicts to decide on; without them (and without --where), review "
        "interactively.",
    ),
    status: str | None = typer.Option(
        None,
        "--status",
        "-s",
        help=f"The decision ({', '.join(STATES)}); interactively: review conflicts in this "
        "state (default open).",
    ),
    note: str | None = typer.Option(None, "--note", "-n", help="Why; kept in the history."),
    reviewer: str | None = typer.Option(
        None, "--reviewer", help="Who decides (default: $CLAIMTRACK_REVIEWER, else the OS user)."
    ),
    favour: int | None = typer.Option(
        None,
        "--favour",
        metavar="CLAIM_ID",
        help="With --status resolved: the account judged right.",
    ),
    expect_version: int | None = typer.Option(
        None,
        "--expect-version",
        metavar="N",
        help="Refuse if the conflict is no longer at version N (someone else decided meanwhile).",
    ),
    where: str | None = WHERE,
    mine: bool = typer.Option(
        False, "--mine", help="Only the conflicts assigned to me (the reviewer)."
    ),
    kind: list[str] = KIND,
    source: list[str] = SOURCE,
    incident: list[int] = INCIDENT,
    since: str | None = SINCE,
    until: str | None = UNTIL,
    min_severity: float | None = MIN_SEVERITY,
    assignee: list[str] = ASSIGNEE,
    dry_run: bool = DRY_RUN,
    fmt: str = typer.Option("text", "--format", "-f", help="text or json (scripted decisions)."),
) -> None:
    """Review conflicts: decide on one or many (IDs, or --where), or walk a queue interactively.

    Every decision is checked against the version of the conflict that was read: one someone
    else changed meanwhile is refused (and, in a bulk decision, reported while the others go on;
    exit code 1).
    """
    who = default_reviewer(reviewer)
    ids = list(dict.fromkeys(conflict_ids or []))
    queue_options = bool(
        kind or source or incident or since or until or min_severity is not None or assignee
    )
    if fmt not in ("text", "json"):
        raise UsageError(f"unknown format {fmt!r} (choose text or json)")
    if ids and where is not None:
        raise UsageError("give conflict IDs or --where, not both")
    if (ids or where is not None) and queue_options:
        raise UsageError(
            "--kind, --source, --incident, --since, --until, --min-severity and --assignee "
            "choose the interactive queue; to decide on what they select, put them in --where "
            "(e.g. --where 'kind=omission source=SANA')"
        )
    if not ids and where is None:
        if note is not None or favour is not None or expect_version is not None or dry_run:
            raise UsageError(
                "--note, --favour, --expect-version and --dry-run need conflict IDs or --where"
            )
        queue = options_filter(
            statuses=[status or ReviewState.OPEN.value],
            kind=kind,
            source=source,
            incident=incident,
            since=since,
            until=until,
            min_severity=min_severity,
            assignee=assignee,
            mine=who if mine else None,
        )
        with store_from(ctx) as store:
            session = InteractiveReview(store, who, queue=queue)
            code = session.run()
        if code:
            raise typer.Exit(code)
        return
    if len(ids) == 1 and not dry_run:
        if mine:
            raise UsageError("--mine chooses the queue; it has no use with a conflict ID")
        _decide_one(ctx, ids[0], status, note, who, favour, expect_version, fmt)
        return
    if status is None:
        raise UsageError(f"a decision on many conflicts needs --status ({', '.join(STATES)})")
    if favour is not None or expect_version is not None:
        raise UsageError(
            "--favour and --expect-version name one conflict's account and version; a decision "
            "on many checks each conflict against the version read"
        )
    target = parse_state(status).value
    wanted: QueueFilter | None = None
    if where is not None:
        wanted = parse_where(where)
        if mine:
            wanted = replace(wanted, assignees=(*wanted.assignees, who))
    elif mine:
        raise UsageError("--mine chooses the queue; with conflict IDs it has no use")
    with store_from(ctx) as store:
        rows = selected(store, ids, wanted)
        if where is not None:  # what is already so needs no decision
            rows = [row for row in rows if row["status"] != target]
        if dry_run:
            print_selection(rows, target)
            return
        if not rows:
            typer.echo(f"No conflicts to mark {target}: --where selects none that is not already.")
            return
        when = now_utc()
        targets = [(int(row["id"]), int(row["version"])) for row in rows]
        result = store.write(
            lambda s: review_store.decide_many(
                s, targets, target, reviewer=who, note=note, now=when
            )
        )
    decided, stale = result["decided"], result["stale"]
    if fmt == "json":
        typer.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        for item in decided:
            typer.echo(
                f"conflict {item['id']}: {item['old_status']} -> {item['status']} by {who} "
                f"(version {item['version']})"
            )
        report_stale(stale)
        by = safe(who, markup=False)
        line = f"{len(decided)} of {len(targets)} conflicts marked {target} by {by}"
        if stale:
            line += (
                f"; {len(stale)} changed by someone else meanwhile, not decided: "
                + ", ".join(str(item["id"]) for item in stale)
                + " (re-read and retry)"
            )
        typer.echo(line)
    if stale:
        raise typer.Exit(1)


def _decide_one(
    ctx: typer.Context,
    conflict_id: int,
    status: str | None,
    note: str | None,
    who: str,
    favour: int | None,
    expect_version: int | None,
    fmt: str,
) -> None:
    """``review ID --status S`` (or ``--note T``): one decision, as before bulk decisions."""
    if status is None and note is None:
        raise UsageError(f"give --status ({', '.join(STATES)}) or --note")
    when = now_utc()
    with store_from(ctx) as store:
        if status is None:
            assert note is not None
            result = store.write(
                lambda s: review_store.add_note(
                    s, conflict_id, note, reviewer=who, expected_version=expect_version, now=when
                )
            )
        else:
            result = store.write(
                lambda s: review_store.set_status(
                    s,
                    conflict_id,
                    status,
                    reviewer=who,
                    note=note,
                    favour_claim_id=favour,
                    expected_version=expect_version,
                    now=when,
                )
            )
    if fmt == "json":
        typer.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    if result["old_status"] == result["status"]:
        typer.echo(f"conflict {conflict_id}: note added by {who} (version {result['version']})")
    else:
        extra = (
            f", favouring claim {result['favoured_claim_id']}"
            if result["favoured_claim_id"] is not None
            else ""
        )
        typer.echo(
            f"conflict {conflict_id}: {result['old_status']} -> {result['status']}{extra} "
            f"by {who} (version {result['version']})"
        )


# --------------------------------------------------------------------------- key reading


class KeyReader:
    """One keypress at a time: raw mode in a terminal, the first character of a line otherwise.

    In raw mode Ctrl-C arrives as a byte, not a signal; it is turned into KeyboardInterrupt so
    the session ends the same way in both modes. Ctrl-D / end of input reads as ``q``.
    """

    def __init__(self, stream: Any = None) -> None:
        self.stream = stream if stream is not None else sys.stdin
        try:
            self.is_tty = bool(self.stream.isatty())
        except (AttributeError, ValueError):
            self.is_tty = False

    def key(self) -> str:
        if not self.is_tty:
            line = self.stream.readline()
            if not line:
                return "q"
            return (line.strip()[:1] or "\n").lower()
        import termios
        import tty

        fd = self.stream.fileno()
        saved = termios.tcgetattr(fd)
        try:
            tty.setraw(fd)
            first = os.read(fd, 1)
            if first == b"\x1b" or first[:1] >= b"\xc0":
                # an escape sequence (arrow keys) or a multi-byte character: one key, read whole
                first += self._drain(fd)
            char = first.decode("utf-8", "replace")[:1]
        finally:
            termios.tcsetattr(fd, termios.TCSADRAIN, saved)
        if char == "\x03":
            raise KeyboardInterrupt
        if char == "\x04":
            return "q"
        return char.lower()

    @staticmethod
    def _drain(fd: int) -> bytes:
        import select

        rest = b""
        while len(rest) < 16 and select.select([fd], [], [], 0.02)[0]:
            more = os.read(fd, 1)
            if not more:
                break
            rest += more
        return rest

    def line(self, prompt: str, out: Console) -> str:
        """A line of text (cooked mode: the terminal echoes and edits it)."""
        out.print(Text(prompt, style="bold"), end="")
        line = self.stream.readline()
        if not line:
            return ""
        return str(line).rstrip("\r\n")


# --------------------------------------------------------------------------- interactive


KEYS: dict[str, tuple[str, str | None]] = {
    "c": ("confirm", "confirmed"),
    "d": ("dismiss", "dismissed"),
    "i": ("inconclusive", "inconclusive"),
    "r": ("resolve", "resolved"),
    "n": ("note", None),
    "a": ("article", None),
    "s": ("skip", None),
    "b": ("back", None),
    "?": ("keys", None),
    "q": ("quit", None),
}
SKIP_KEYS = {"\r", "\n", " "}  # Enter and space skip, as `s` does
PROMPT = "Decision? "
HELP = "  ".join(f"[{key}] {label}" for key, (label, _) in KEYS.items())
KEY_HELP = (
    ("c", "confirm: the accounts really disagree"),
    ("d", "dismiss: not a conflict (asks for a reason, Enter to skip it)"),
    ("i", "inconclusive: cannot be settled yet (asks for a reason, Enter to skip it)"),
    ("r", "resolve: name the account judged right, or say how it was settled"),
    ("n", "note: add a note without deciding"),
    ("a", "article: the article text around each account"),
    ("s, Enter, space", "skip to the next conflict"),
    ("b", "back to the previous conflict"),
    ("?", "this list"),
    ("q, Ctrl-D", "quit; decisions are saved as they are made (Ctrl-C too)"),
)
ASKS_REASON = {"dismiss", "inconclusive"}


@dataclass
class Tally:
    decisions: Counter[str] = field(default_factory=Counter)
    notes: int = 0
    skipped: int = 0
    stale: int = 0

    def line(self) -> str:
        decided = sum(self.decisions.values())
        parts = [f"{decided} decision{'s' if decided != 1 else ''} saved"]
        if self.decisions:
            parts.append(", ".join(f"{n} {state}" for state, n in sorted(self.decisions.items())))
        parts.append(f"{self.notes} note{'s' if self.notes != 1 else ''}")
        parts.append(f"{self.skipped} skipped")
        if self.stale:
            parts.append(f"{self.stale} changed by someone else meanwhile")
        return "; ".join(parts)


def highlighted(text: str, values: Sequence[str], style: str = "bold black on yellow") -> Text:
    """The sentence as plain text with each disagreeing value highlighted where it occurs."""
    text = safe(text, markup=False)  # the values are found in the text as it is shown
    out = Text(text)
    folded = text.casefold()
    for value in values:
        needle = str(value).strip().casefold()
        if not needle:
            continue
        start = folded.find(needle)
        while start >= 0:
            out.stylize(style, start, start + len(needle))
            start = folded.find(needle, start + len(needle))
    return out


@dataclass
class Shown:
    """What the review screen shows of one conflict, read in one transaction."""

    conflict: dict[str, Any]
    notes: dict[str, dict[str, Any]]
    said: dict[int, list[dict[str, Any]]]
    past: list[dict[str, Any]]


class InteractiveReview:
    """The interactive session: one conflict at a time, one key per decision.

    The queue is what ``queue`` selects (by default the open conflicts), most severe first, then
    the newest; it is read once at the start, so `b` goes back to a conflict already decided.
    """

    def __init__(
        self,
        store: Store,
        reviewer: str,
        *,
        queue: QueueFilter | None = None,
        keys: KeyReader | None = None,
        out: Console | None = None,
        clock: Callable[[], datetime] = now_utc,
    ) -> None:
        self.store = store
        self.reviewer = reviewer
        self.queue = queue or QueueFilter(statuses=(ReviewState.OPEN.value,))
        self.keys = keys or KeyReader()
        self.out = out or console()
        self.clock = clock
        self.tally = Tally()

    def run(self) -> int:
        with self.store.read() as session:
            queue = review_store.queue_ids(session, self.queue)
        default = replace(self.queue, statuses=()).is_empty() and self.queue.statuses == (
            ReviewState.OPEN.value,
        )
        if not queue:
            self.out.print(
                "No open conflicts to review." if default else "No conflicts match the filters."
            )
            return 0
        what = "open conflict(s)" if default else "conflict(s) selected"
        self.out.print(
            Text(
                safe(f"{len(queue)} {what} to review as {self.reviewer}.", markup=False),
                style="bold",
            )
        )
        position = 0
        try:
            while 0 <= position < len(queue):
                step = self._one(queue[position], position, len(queue))
                if step == "quit":
                    break
                position = max(0, position - 1) if step == "back" else position + 1
        except KeyboardInterrupt:
            self.out.print()
            self.out.print(Text(f"Interrupted. {self.tally.line()}.", style="bold"))
            return 130
        except EOFError:
            pass
        self.out.print(Text(f"Done. {self.tally.line()}.", style="bold"))
        return 0

    def _load(self, conflict_id: int) -> Shown | None:
        with self.store.read() as session:
            rows = review_store.conflict_detail_rows(session, ids=[conflict_id])
            if not rows:
                return None
            conflict = rows[0]
            return Shown(
                conflict=conflict,
                notes=review_store.source_annotations(session),
                said=review_store.also_said(session, [a["id"] for a in conflict["claims"]]),
                past=review_store.history(session, conflict_id),
            )

    # one conflict: show it, read keys until a move (next, back, quit)
    def _one(self, conflict_id: int, position: int, total: int) -> str:
        redraw = True
        conflict: dict[str, Any] = {}
        while True:
            if redraw:
                loaded = self._load(conflict_id)
                if loaded is None:
                    return "next"
                conflict = loaded.conflict
                self.out.print(
                    self._screen(conflict, loaded.notes, loaded.said, loaded.past, position, total)
                )
                self.out.print(Text(HELP, style="cyan"))
            redraw = True
            self.out.print(Text(PROMPT, style="bold"), end="")
            key = self.keys.key()
            self.out.print(Text(key if key.isprintable() and key != " " else ""))
            if key in SKIP_KEYS:
                key = "s"
            if key not in KEYS:
                self.out.print(Text(f"Unknown key {key!r}: ? lists the keys.", style="red"))
                redraw = False
                continue
            action, state = KEYS[key]
            if action == "quit":
                return "quit"
            if action == "skip":
                self.tally.skipped += 1
                return "next"
            if action == "keys":
                self.out.print(self._key_list())
                redraw = False
                continue
            if action == "article":
                self.out.print(self._article(conflict))
                redraw = False
                continue
            if action == "back":
                if position == 0:
                    self.out.print(Text("This is the first conflict.", style="yellow"))
                    redraw = False
                    continue
                return "back"
            try:
                if action == "note":
                    text = self.keys.line("Note: ", self.out).strip()
                    if not text:
                        self.out.print(Text("No note written.", style="yellow"))
                        redraw = False
                        continue
                    self._write_note(conflict, text)
                    self.tally.notes += 1
                    continue  # show the conflict again, now with the note
                assert state is not None
                favour: int | None = None
                note: str | None = None
                if action == "resolve":
                    favour = self._ask_favour(conflict)
                    note = self.keys.line("Note (how was it settled?): ", self.out).strip() or None
                    if favour is None and note is None:
                        self.out.print(
                            Text("Resolving needs an account or a note; not resolved.", "yellow")
                        )
                        redraw = False
                        continue
                elif action in ASKS_REASON:
                    note = self.keys.line("Reason (one line, Enter to skip): ", self.out).strip()
                    note = note or None
                self._decide(conflict, state, favour, note)
                self.tally.decisions[state] += 1
                return "next"
            except StaleWriteError as error:
                self.tally.stale += 1
                self.out.print(
                    Text(f"{safe(error, markup=False)}. Showing it again.", style="bold red")
                )
            except (UsageError, ClaimtrackError) as error:
                self.out.print(Text(safe(error, markup=False), style="red"))

    def _key_list(self) -> RenderableType:
        table = Table(show_header=False, box=None, padding=(0, 2, 0, 0))
        table.add_column(style="bold cyan")
        table.add_column()
        for keys, meaning in KEY_HELP:
            table.add_row(Text(keys), Text(meaning))
        return Panel(table, title="keys", title_align="left")

    def _article(self, conflict: dict[str, Any]) -> RenderableType:
        """The stored article text around each account: sentences before (dim), the claim
        (bold), sentences after (dim)."""
        accounts = conflict["claims"]
        with self.store.read() as session:
            context = review_store.claim_context(session, [a["id"] for a in accounts])
        panels: list[RenderableType] = []
        for n, account in enumerate(accounts, 1):
            found = context.get(account["id"])
            if found is None:
                continue
            body = Text()
            body.append(safe(found["before"].lstrip(), markup=False), style="dim")
            body.append(safe(found["text"], markup=False), style="bold")
            body.append(safe(found["after"].rstrip(), markup=False), style="dim")
            where = " · ".join(
                str(bit)
                for bit in (
                    f"article {found['article_id']}",
                    found.get("outlet"),
                    found.get("published") or "date unknown",
                    found.get("title"),
                )
                if bit
            )
            title = f"{n}. {account['source'] or 'the reporter'} · claim {account['id']} · {where}"
            panels.append(Panel(body, title=Text(safe(title, markup=False)), title_align="left"))
            if found.get("url"):
                panels.append(Text(safe(found["url"], markup=False), style="dim"))
        return Group(*panels) if panels else Text("No article text stored.", style="yellow")

    def _ask_favour(self, conflict: dict[str, Any]) -> int | None:
        accounts = conflict["claims"]
        listing = ", ".join(
            f"{n} = {a['source'] or 'reporter'} (claim {a['id']})"
            for n, a in enumerate(accounts, 1)
        )
        while True:
            answer = self.keys.line(
                f"Which account is right? {listing}; Enter for none: ", self.out
            ).strip()
            if not answer:
                return None
            if answer.isdigit() and 1 <= int(answer) <= len(accounts):
                return int(accounts[int(answer) - 1]["id"])
            self.out.print(Text(f"Answer 1 to {len(accounts)}, or Enter.", style="yellow"))

    def _decide(
        self, conflict: dict[str, Any], state: str, favour: int | None, note: str | None
    ) -> None:
        when = self.clock()
        result = self.store.write(
            lambda s: review_store.set_status(
                s,
                conflict["id"],
                state,
                reviewer=self.reviewer,
                note=note,
                favour_claim_id=favour,
                expected_version=conflict["version"],
                now=when,
            )
        )
        self.out.print(
            Text(f"Conflict {conflict['id']}: {result['old_status']} -> {result['status']}.")
        )

    def _write_note(self, conflict: dict[str, Any], text: str) -> None:
        when = self.clock()
        self.store.write(
            lambda s: review_store.add_note(
                s,
                conflict["id"],
                text,
                reviewer=self.reviewer,
                expected_version=conflict["version"],
                now=when,
            )
        )
        self.out.print(Text(f"Note saved on conflict {conflict['id']}."))

    def _screen(
        self,
        conflict: dict[str, Any],
        notes: dict[str, dict[str, Any]],
        said: dict[int, list[dict[str, Any]]],
        past: list[dict[str, Any]],
        position: int,
        total: int,
    ) -> RenderableType:
        values = [str(v) for v in conflict["values"]]
        accounts = conflict["claims"]
        table = Table(expand=True, show_lines=True)
        table.add_column("", style="bold", width=10)
        for n, account in enumerate(accounts, 1):
            table.add_column(
                Text(safe(f"{n}. {account['source'] or 'the reporter'}", markup=False)), ratio=1
            )

        def row(label: str, cells: list[RenderableType]) -> None:
            table.add_row(Text(label), *cells)

        row("source", [render_source_facts(a["source"], notes) for a in accounts])
        row(
            "article",
            [
                Text(
                    safe(f"#{a['article_id']} {a.get('outlet') or ''}", markup=False).strip()
                    + f" · claim {a['id']}"
                )
                for a in accounts
            ],
        )
        row("date", [Text(a.get("published") or "date unknown") for a in accounts])
        row("says", [_said_line(a, values, n) for n, a in enumerate(accounts)])
        row(
            "also said\n(this incident)",
            [
                Text(
                    "\n".join(f"• {safe(c['text'], markup=False)}" for c in said.get(a["id"], []))
                    or "-",
                    "dim",
                )
                for a in accounts
            ],
        )
        status = Text(conflict["status"], style=STATUS_STYLE.get(conflict["status"], ""))
        head = Text.assemble(
            (f"Conflict {position + 1} of {total} · #{conflict['id']} · ", "bold"),
            (f"{conflict['kind']} · severity {conflict['severity']:.2f} · ", "bold"),
            status,
            (
                safe(f" · assigned to {conflict['assignee']}", markup=False)
                if conflict.get("assignee")
                else ""
            ),
        )
        incident = conflict.get("incident_label") or "no incident (accounts matched by wording)"
        parts: list[RenderableType] = [
            Text.assemble(("Incident: ", "bold"), safe(incident, markup=False)),
            Text.assemble(("Why flagged: ", "bold"), safe(conflict["reason"], markup=False)),
            table,
        ]
        if past:
            parts.append(render_history(conflict["id"], past))
        return Panel(Group(*parts), title=head, title_align="left")


def _said_line(account: dict[str, Any], values: Sequence[str], index: int) -> Text:
    """The account's sentence, its own disagreeing value highlighted (else any value found)."""
    own = values[index].strip() if index < len(values) else ""
    if own and own.casefold() in account["text"].casefold():
        return highlighted(account["text"], [own])
    return highlighted(account["text"], values)


def render_source_facts(source: str | None, notes: dict[str, dict[str, Any]]) -> Text:
    """What is known of a source (``store.review.source_annotations``), as plain rich Text."""
    if source is None:
        return Text("the reporter's own voice", style="dim")
    facts = notes.get(source)
    out = Text()
    out.append(safe(source, markup=False), style="bold")
    if facts is None:
        return out
    bits = []
    if facts.get("descriptor"):
        bits.append(str(facts["descriptor"]))
    if facts.get("affiliation"):
        bits.append(f"affiliation: {facts['affiliation']}")
    if facts.get("owner"):
        bits.append(f"owner: {facts['owner']}")
    if facts.get("reliability") is not None:
        bits.append(f"reliability: {facts['reliability']:.2f}")
    if facts.get("tags"):
        bits.append("tags: " + ", ".join(facts["tags"]))
    for note in facts.get("notes", [])[-2:]:
        bits.append(f"note ({note['author']}): {note['note']}")
    if bits:
        out.append("\n" + safe("\n".join(bits), markup=False), style="")
    return out
