"""task_done() and join(): wait until every item has been processed."""

import queue
import threading

STOP = None  # the sentinel: a value that is never a real item


def worker(q: queue.Queue[int | None], results: dict[int, int]) -> None:
    while True:
        item = q.get()
        try:
            if item is STOP:
                return
            results[item] = item * item  # the work
        finally:
            q.task_done()  # one task_done() for every get(), sentinels included


def run(batches: int = 2, per_batch: int = 10, workers: int = 3) -> list[int]:
    """Process the batches one after another with the same long-lived workers.

    Return how many items had been processed when each batch's join() returned.
    """
    q: queue.Queue[int | None] = queue.Queue()
    results: dict[int, int] = {}
    threads = [
        threading.Thread(target=worker, args=(q, results)) for _ in range(workers)
    ]
    for t in threads:
        t.start()
    processed = []
    for batch in range(batches):
        for item in range(batch * per_batch, (batch + 1) * per_batch):
            q.put(item)
        q.join()  # returns when every item put so far has had its task_done()
        processed.append(len(results))
    for _ in threads:
        q.put(STOP)
    for t in threads:
        t.join()
    return processed


def main() -> None:
    for batch, done in enumerate(run(batches=2, per_batch=10, workers=3)):
        print(f"batch {batch}: q.join() returned; {done} items processed so far")


if __name__ == "__main__":
    main()
