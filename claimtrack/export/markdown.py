"""The claim report as Markdown (for an editor's inbox, a wiki, a pull request).

Article and reviewer text is escaped: every Markdown/HTML metacharacter gets a backslash (CommonMark
treats a backslash-escaped punctuation character as literal), so ``<script>`` in an article shows as
text in any Markdown renderer and cannot open a tag, a link or a table cell.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, TextIO
from urllib.parse import quote

from claimtrack.export.plain import visible
from claimtrack.export.report import DATE_UNKNOWN

# inline metacharacters; every line we write starts with our own prefix ("| ", "- ", "> "),
# so block-level markers ("#", "1.", "-") inside article text cannot start a block
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")


def md(value: Any) -> str:
    """Plain text -> Markdown that renders as exactly that text, on one line; control
    characters shown as escapes (``\\x1b``), so the file is safe to print in a terminal too."""
    if value is None:
        return "–"
    text = visible(" ".join(str(value).split()))
    return _SPECIAL.sub(r"\\\1", text)


def md_marked(runs: Sequence[dict[str, Any]]) -> str:
    """A sentence with its disagreeing values in bold (spaces kept outside the ``**``)."""
    out = []
    for run in runs:
        text = str(run["text"])
        core = text.strip()
        if not core:
            out.append(" " if text else "")
            continue
        lead = " " if text[:1].isspace() else ""
        tail = " " if text[-1:].isspace() else ""
        out.append(f"{lead}**{md(core)}**{tail}" if run["mark"] else f"{lead}{md(core)}{tail}")
    return "".join(out).strip()


def _source_lines(info: dict[str, Any]) -> list[str]:
    lines = []
    if info.get("descriptor"):
        lines.append(md(info["descriptor"]))
    for label in ("affiliation", "owner"):
        if info.get(label):
            lines.append(f"{label}: {md(info[label])}")
    if info.get("reliability") is not None:
        lines.append(f"reliability: {info['reliability']:.2f}")
    if info.get("tags"):
        lines.append("tags: " + ", ".join(md(t) for t in info["tags"]))
    for note in info.get("notes", []):
        lines.append(f"note ({md(note['author'])}, {note['at'][:10]}): {md(note['note'])}")
    return lines


def md_url(url: str) -> str:
    """An http(s) address as a Markdown link destination: spaces, brackets, parentheses, quotes
    and backslashes percent-encoded, so the address cannot end the link or open anything."""
    return quote(url, safe=":/?#@!$&'*+,;=%~-._[]")


def article_ref(account: dict[str, Any], *, dated: bool = True) -> str:
    """The account's article: title (a link when its URL is http(s); "article N" when only
    the URL is known), outlet and, when ``dated``, its date ("date unknown")."""
    title = account["article_title"]
    link = account.get("article_link")
    parts = []
    if link:
        name = md(title or f"article {account['article_id']}")
        parts.append(f"[{name}]({md_url(link)})")
    elif title:
        parts.append(md(title))
    if account["outlet"]:
        parts.append(md(account["outlet"]))
    if dated:
        parts.append(md(account["published"] or DATE_UNKNOWN))
    return " · ".join(parts)


def counts_text(conflicts: int, by_status: dict[str, int], corroborations: int) -> str:
    """ "2 conflicts (1 open, 1 resolved), 1 corroboration"."""
    text = f"{conflicts} conflict{'' if conflicts == 1 else 's'}"
    if by_status:
        text += " (" + ", ".join(f"{n} {md(s)}" for s, n in by_status.items()) + ")"
    return text + f", {corroborations} corroboration{'' if corroborations == 1 else 's'}"


def _cell(lines: Sequence[str]) -> str:
    return "<br>".join(lines) if lines else "–"


def write_markdown(report: dict[str, Any], out: TextIO) -> None:
    w = out.write
    w(f"# {md(report['title'])}\n\n")
    totals = report["totals"]
    by_status = ", ".join(f"{n} {md(s)}" for s, n in totals["by_status"].items()) or "none"
    w(f"Generated {md(report['generated_at'])}. ")
    w(f"{totals['events']} event(s), {totals['conflicts']} conflict(s) ({by_status}), ")
    w(f"{totals['corroborations']} corroboration(s).\n")
    filters = report["filters"]
    shown = [
        f"{name}: {md(', '.join(v) if isinstance(v, list) else v)}"
        for name, v in filters.items()
        if v
    ]
    if shown:
        w(f"Filters: {'; '.join(shown)}.\n")
    hidden = totals.get("dismissed_hidden", 0)
    if hidden:
        w(f"{hidden} dismissed conflict(s) left out (--include-dismissed shows them).\n")
    w("\n")
    if not report["events"]:
        w("No conflicts match.\n\n")
    else:
        w("## Contents\n\n")
        for event in report["events"]:
            w(f"{event['id']}. [{md(event['title'])}](#event-{event['id']}): ")
            counts = counts_text(
                len(event["conflicts"]), event["counts"], len(event["corroborations"])
            )
            w(f"{counts}\n")
        w("\n")
    for event in report["events"]:
        w(f'<a id="event-{event["id"]}"></a>\n\n')
        w(f"## Event {event['id']}: {md(event['title'])}\n\n")
        counts = counts_text(len(event["conflicts"]), event["counts"], len(event["corroborations"]))
        w(f"{counts}.")
        if event.get("incident"):
            w(f" Incident #{event['incident']}; accounts disputed: {md(event['disputing'])}.")
        w("\n\n")
        if event.get("tolls"):
            w("Toll timeline (who gave which figure, and when):\n\n")
            for toll in event["tolls"]:
                where = f" ({md(toll['outlet'])})" if toll.get("outlet") else ""
                w(f"- {md(toll['date'] or DATE_UNKNOWN)} · {md(toll['source'] or 'the reporter')}")
                w(f"{where}: {md(toll['value'])} {md(toll['count'])}, “{md(toll['toll'])}”")
                w(f" (claim {toll['claim']})\n")
            w("\n")
        for conflict in event["conflicts"]:
            _conflict(conflict, out)
        if event["corroborations"]:
            w("### Agreeing accounts\n\n")
            for corroboration in event["corroborations"]:
                w(f"- {md(corroboration['reason'])}\n")
                for account in corroboration["accounts"]:
                    w(f"  - {md(account['source'] or 'the reporter')}: ")
                    w(f"“{md(account['text'])}” ({article_ref(account)}; ")
                    w(f"claim {account['claim_id']})\n")
            w("\n")
    w("## Sources\n\n")
    w("| Source | Claims | Conflicts | Confirmed | Favoured | Corroborations | Reliability "
      "| Track record (reviews) | What is known |\n")  # fmt: skip
    w("|---|---:|---:|---:|---:|---:|---:|---|---|\n")
    for source in report["sources"]:
        known = _source_lines(source)
        reliability = "–" if source["reliability"] is None else f"{source['reliability']:.2f}"
        w(
            f"| {md(source['name'])} | {source['claims']} | {source['conflicts']} | "
            f"{source['confirmed']} | {source['favoured']} | {source['corroborations']} | "
            f"{reliability} | {md(source['judged'] or '–')} | "
            f"{_cell([k for k in known if not k.startswith('reliability')])} |\n"
        )
    w("\n")


def _conflict(conflict: dict[str, Any], out: TextIO) -> None:
    w = out.write
    w(f"### Conflict {conflict['id']} ({md(conflict['kind'])}): {md(conflict['status'])}\n\n")
    w(f"> {md(conflict['reason'])}\n\n")
    accounts = conflict["accounts"]
    w("| | " + " | ".join(md(a["source"] or "the reporter") for a in accounts) + " |\n")
    w("|---|" + "---|" * len(accounts) + "\n")

    def row(label: str, cells: Sequence[str]) -> None:
        w(f"| **{label}** | " + " | ".join(cells) + " |\n")

    row("Account", [md_marked(a["segments"]) for a in accounts])
    row(
        "Article",
        [
            (article_ref(a, dated=False) + " ").lstrip()
            + f"(article {a['article_id']}, claim {a['claim_id']})"
            for a in accounts
        ],
    )
    row("Date", [md(a["published"] or DATE_UNKNOWN) for a in accounts])
    row("Source", [_cell(_source_lines(a["source_info"])) for a in accounts])
    row(
        "Claim notes",
        [
            _cell(
                [
                    f"{md(n['author'])}: {md(n['note'])}"
                    + (f" \\[{md(', '.join(n['tags']))}\\]" if n["tags"] else "")
                    for n in a["annotations"]
                ]
            )
            for a in accounts
        ],
    )
    if any(a["favoured"] for a in accounts):
        row("Judged right", ["**yes**" if a["favoured"] else "" for a in accounts])
    w("\n")
    if conflict["reviewed_by"]:
        decision = f"**Decision:** {md(conflict['status'])} by {md(conflict['reviewed_by'])}"
        decision += f" on {md(conflict['reviewed_at'][:10])}"
        if conflict["favoured_source"]:
            decision += (
                f", favouring {md(conflict['favoured_source'])} "
                f"(claim {conflict['favoured_claim_id']})"
            )
        w(decision + ".")
        if conflict["note"]:
            w(f" Note: {md(conflict['note'])}")
    else:
        w("**Decision:** not reviewed yet.")
    if conflict.get("assignee"):
        w(f" Assigned to {md(conflict['assignee'])}.")
    w("\n\n")
    if conflict["history"]:
        w("Review history:\n\n")
        for event in conflict["history"]:
            change = (
                f"note ({md(event['new_status'])})"
                if event["kind"] == "note"
                else f"{md(event['old_status'])} → {md(event['new_status'])}"
            )
            line = f"- {md(event['at'][:16].replace('T', ' '))} {md(event['reviewer'])}: {change}"
            if event["favoured_claim_id"] is not None:
                line += f", favours claim {event['favoured_claim_id']}"
            if event["note"]:
                line += f". {md(event['note'])}"
            w(line + "\n")
        w("\n")
