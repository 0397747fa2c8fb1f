"""``claimtrack review``: decide on flagged conflicts, from a script or interactively.

- ``claimtrack review ID --status STATE [--note TEXT] [--favour CLAIM_ID] [--expect-version N]``
  records one decision (``--note`` alone adds a note without a decision).
- ``claimtrack review`` (no ID) walks the open conflicts in the terminal, one key per decision.
  Each decision is committed as soon as it is made, so quitting or Ctrl-C keeps what was decided.

The reviewer is ``--reviewer``, else ``$CLAIMTRACK_REVIEWER``, else the OS user.
"""

from __future__ import annotations

import getpass
import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
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
from claimtrack.review import STATES
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


# --------------------------------------------------------------------------- the command


@app.command("review")
def review(
    ctx: typer.Context,
    conflict_id: int | None = typer.Argument(
        None, metavar="[ID]", help="The conflict to decide on; without it, review interactively."
    ),
    status: str | None = typer.Option(
        None, "--status", "-s", help=f"The decision: {', '.join(STATES)}."
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
    fmt: str = typer.Option("text", "--format", "-f", help="text or json (scripted decisions)."),
) -> None:
    """Review conflicts: record a decision on one, or walk the open ones interactively."""
    who = default_reviewer(reviewer)
    if conflict_id is None:
        if status is not None or favour is not None or expect_version is not None:
            raise UsageError("--status, --favour and --expect-version need a conflict ID")
        with store_from(ctx) as store:
            session = InteractiveReview(store, who)
            code = session.run()
        if code:
            raise typer.Exit(code)
        return
    if fmt not in ("text", "json"):
        raise UsageError(f"unknown format {fmt!r} (choose text or json)")
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
    "s": ("skip", None),
    "b": ("back", None),
    "q": ("quit", None),
}
PROMPT = "Decision? "
HELP = "  ".join(f"[{key}] {label}" for key, (label, _) in KEYS.items())


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


class InteractiveReview:
    """The interactive session: one conflict at a time, one key per decision."""

    def __init__(
        self,
        store: Store,
        reviewer: str,
        *,
        keys: KeyReader | None = None,
        out: Console | None = None,
        clock: Callable[[], datetime] = now_utc,
    ) -> None:
        self.store = store
        self.reviewer = reviewer
        self.keys = keys or KeyReader()
        self.out = out or console()
        self.clock = clock
        self.tally = Tally()

    def run(self) -> int:
        with self.store.session() as session:
            queue = review_store.open_conflict_ids(session)
        if not queue:
            self.out.print("No open conflicts to review.")
            return 0
        self.out.print(
            Text(f"{len(queue)} open conflict(s) to review as {self.reviewer}.", style="bold")
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

    # one conflict: show it, read keys until a move (next, back, quit)
    def _one(self, conflict_id: int, position: int, total: int) -> str:
        while True:
            with self.store.session() as session:
                rows = review_store.conflict_detail_rows(session, ids=[conflict_id])
                if not rows:
                    return "next"
                conflict = rows[0]
                notes = review_store.source_annotations(session)
                said = {
                    account["id"]: review_store.other_claims_of_source(
                        session, account["source"], exclude=[a["id"] for a in conflict["claims"]]
                    )
                    for account in conflict["claims"]
                }
                past = review_store.history(session, conflict_id)
            self.out.print(self._screen(conflict, notes, said, past, position, total))
            self.out.print(Text(HELP, style="cyan"))
            self.out.print(Text(PROMPT, style="bold"), end="")
            key = self.keys.key()
            self.out.print(Text(key if key.isprintable() else ""))
            if key not in KEYS:
                self.out.print(Text(f"Unknown key {key!r}.", style="red"))
                continue
            action, state = KEYS[key]
            if action == "quit":
                return "quit"
            if action == "skip":
                self.tally.skipped += 1
                return "next"
            if action == "back":
                if position == 0:
                    self.out.print(Text("This is the first conflict.", style="yellow"))
                    continue
                return "back"
            try:
                if action == "note":
                    text = self.keys.line("Note: ", self.out).strip()
                    if not text:
                        self.out.print(Text("No note written.", style="yellow"))
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
                        continue
                self._decide(conflict, state, favour, note)
                self.tally.decisions[state] += 1
                return "next"
            except StaleWriteError as error:
                self.tally.stale += 1
                self.out.print(Text(f"{error}. Showing it again.", style="bold red"))
            except (UsageError, ClaimtrackError) as error:
                self.out.print(Text(str(error), style="red"))

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
            "also said",
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
