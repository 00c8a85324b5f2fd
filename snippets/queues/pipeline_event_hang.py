"""Broken on purpose: the note's pipeline, whose consumer can wait forever."""

import os
import queue
import random
import threading
import time

TIME_SCALE = float(os.environ.get("TIME_SCALE", "1"))  # tests set it to run fast
NEXT_NUMBER = 1.0  # seconds until the next number arrives from the "network"
RUN_FOR = 0.1  # as in the note; not scaled: the consumer must reach get() first
GRACE = 0.5 * TIME_SCALE  # a finished consumer would have returned by now


def producer(q: queue.Queue[int], event: threading.Event) -> None:
    """Pretend we're getting numbers from the network."""
    while not event.is_set():
        q.put(random.randint(1, 100))  # the note's randint(1, 101) could give 101
        event.wait(timeout=NEXT_NUMBER)  # wait for the next number, or the stop


def consumer(q: queue.Queue[int], event: threading.Event, saved: list[int]) -> None:
    """Pretend we're saving numbers in the database: the note's loop."""
    while not event.is_set() or not q.empty():
        # The check above passed while the event was clear; if the producer then
        # stops without another put(), this get() waits forever.
        saved.append(q.get())


def run() -> tuple[bool, int]:
    """Run the pipeline; return whether the consumer got stuck, and items saved."""
    q: queue.Queue[int] = queue.Queue(maxsize=10)
    event = threading.Event()
    saved: list[int] = []
    threads = [
        threading.Thread(target=producer, args=(q, event)),
        threading.Thread(target=consumer, args=(q, event, saved)),
    ]
    for t in threads:
        t.start()
    time.sleep(RUN_FOR)
    event.set()
    producer_thread, consumer_thread = threads
    producer_thread.join(timeout=10)
    consumer_thread.join(timeout=GRACE)
    stuck = not producer_thread.is_alive() and consumer_thread.is_alive() and q.empty()
    if consumer_thread.is_alive():
        q.put(0)  # not in the note: wake the consumer so that this demo can end
        consumer_thread.join(timeout=10)
    return stuck, len(saved)


def main() -> None:
    stuck, _ = run()
    if stuck:
        print("producer: saw the event and stopped")
        print("consumer: still blocked in get() on an empty queue")
        print("the note's program would hang here forever")
    else:
        print("the consumer finished this time")


if __name__ == "__main__":
    main()
