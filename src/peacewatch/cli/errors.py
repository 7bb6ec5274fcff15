"""The one error reporter of the command line: what failed, why, and what to do about it."""

from __future__ import annotations

from rich.console import Console

# stderr: stdout carries the output a caller pipes on (JSON, tables, the server address).
err = Console(stderr=True, highlight=False)


def report_error(source: str, message: str, fix: str) -> None:
    """Print ``error: SOURCE: MESSAGE. Fix: FIX.`` on stderr."""
    err.print(f"[bold red]error[/]: {source}: {message}. [dim]Fix:[/] {fix}.", soft_wrap=True)
