"""task_done() and join(): wait until every item has been processed."""

import queue
import threading

STOP = None  # the sentinel: a value that is never a real item
TIMEOUT = 10  # seconds; only a bug makes a put() or get() wait this long


def worker(q: queue.Queue[int | None], results: dict[int, int]) -> None:
    while True:
        item = q.get(timeout=TIMEOUT)
        try:
            if item is STOP:
                return
            results[item] = item * item  # the work
        finally:
            q.task_done()  # one task_done() for every get(), sentinels included


def wait_for_all_tasks(q: queue.Queue[int | None], timeout: float) -> bool:
    """q.join() has no timeout; run it in a helper thread to bound the wait."""
    joiner = threading.Thread(target=q.join, daemon=True)
    joiner.start()
    joiner.join(timeout)
    return not joiner.is_alive()


def run(batches: int = 2, per_batch: int = 10, workers: int = 3) -> list[int]:
    """Process the batches one after another with the same long-lived workers."""
    q: queue.Queue[int | None] = queue.Queue()
    results: dict[int, int] = {}
    threads = [
        threading.Thread(target=worker, args=(q, results)) for _ in range(workers)
    ]
    for t in threads:
        t.start()
    done_after_each_batch = []
    for batch in range(batches):
        for item in range(batch * per_batch, (batch + 1) * per_batch):
            q.put(item)
        if not wait_for_all_tasks(q, TIMEOUT):  # returns when all are task_done()
            raise RuntimeError("the workers did not finish the batch")
        done_after_each_batch.append(len(results))
    for _ in threads:
        q.put(STOP)
    for t in threads:
        t.join(timeout=TIMEOUT)
        if t.is_alive():
            raise RuntimeError(f"{t.name} did not finish")
    return done_after_each_batch


def main() -> None:
    for batch, done in enumerate(run(batches=2, per_batch=10, workers=3)):
        print(f"after batch {batch}: join() returned with {done} items processed")


if __name__ == "__main__":
    main()
