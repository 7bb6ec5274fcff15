"""Command-line options for the executors, shared by ``analyze``, ``ingest`` and ``watch``."""

from __future__ import annotations

from typing import Annotated

import typer

from peacewatch.scale import Executor

ExecutorOpt = Annotated[
    Executor,
    typer.Option(help="Where to analyse: this process, a process pool, or a Dask cluster."),
]
WorkersOpt = Annotated[
    int | None, typer.Option(help="Worker processes (processes, or a local Dask cluster).")
]
SchedulerOpt = Annotated[
    str | None,
    typer.Option(help="Dask scheduler address (tcp://host:8786); a local cluster when omitted."),
]
