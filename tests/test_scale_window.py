"""The executors' in-order window: a slow partition at the head must not leave workers idle."""

from __future__ import annotations

import threading
import time
from concurrent.futures import Future

from peacewatch.records import RawInput
from peacewatch.scale import Executor, Item, Partition, Runner


class SlowHead(Runner):
    """A runner whose first partition finishes only when told; every other one at once."""

    def __init__(self) -> None:
        super().__init__(Executor.processes, workers=2, model="none", partition=1)
        self.submitted = 0
        self.before_head: int | None = None  # partitions submitted while the head was running
        self.head: Future[Partition] | None = None

    def _submit(self, part: list[Item], published: str | None) -> Future[Partition]:
        fut: Future[Partition] = Future()
        self.submitted += 1
        if self.head is None:
            self.head = fut
        else:
            fut.set_result(Partition([part[0]], "w:2", 1.0))  # type: ignore[list-item]
        return fut

    def release_head(self) -> None:
        assert self.head is not None
        self.before_head = self.submitted
        self.head.set_result(Partition(["first"], "w:1", 1.0))  # type: ignore[list-item]


def test_partitions_after_a_slow_head_keep_being_submitted() -> None:
    items: list[Item] = [RawInput(str(i), f"{i}.txt", f"article {i}", "text") for i in range(20)]
    runner = SlowHead()
    # The head is released after a while whatever happens, so a stuck window fails, not hangs.
    timer = threading.Timer(1.0, runner.release_head)
    timer.start()
    t0 = time.perf_counter()
    out: list[object] = list(runner.run(items))
    timer.join()
    assert out[0] == "first" and out[1:] == items[1:]  # still in input order
    # Two workers: up to 4 partitions running and 8 held. The head and 7 finished ones were
    # submitted before it finished (a window refilled only by the head stopped at 4).
    assert runner.before_head == 8
    assert time.perf_counter() - t0 < 30
