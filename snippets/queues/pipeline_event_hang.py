"""Broken on purpose: a consumer that checks an Event, then calls get(), can hang."""

import queue
import random
import threading

NEXT_NUMBER = 1.0  # seconds until the next number arrives from the "network"


def producer(q: queue.Queue[int], event: threading.Event) -> None:
    """Pretend we're getting numbers from the network."""
    while not event.is_set():
        q.put(random.randint(1, 100))
        event.wait(timeout=NEXT_NUMBER)  # wait for the next number, or the stop
    print("producer: saw the event and stopped")


def consumer(
    q: queue.Queue[int], event: threading.Event, about_to_wait: threading.Event
) -> None:
    """Pretend we're saving numbers in a database."""
    saved = 0
    while not event.is_set() or not q.empty():
        # The check above passed, but it can be stale by the next line: if the
        # producer stops now, without another put(), get() waits forever.
        if saved and q.empty():
            # Only for this demo: tell main that get() is about to wait, once
            # the producer has put a number and is waiting for the next one.
            about_to_wait.set()
        q.get()
        saved += 1
        print("consumer: saved a number")


def main() -> None:
    q: queue.Queue[int] = queue.Queue(maxsize=10)
    event = threading.Event()
    about_to_wait = threading.Event()
    making = threading.Thread(target=producer, args=(q, event))
    taking = threading.Thread(target=consumer, args=(q, event, about_to_wait))
    making.start()
    taking.start()
    about_to_wait.wait()  # force the bad timing: the check passed, the queue is empty
    print("main: setting the event")
    event.set()
    making.join()
    # A real program would call taking.join() here and wait forever. This demo
    # gives up after half a second, so that it can show the hang and still end.
    taking.join(timeout=0.5)
    if taking.is_alive():
        print("main: the consumer is still blocked in get() on an empty queue")
        print("main: a real program hangs here; this demo puts one more number")
        q.put(0)  # wake the consumer: it saves it, sees the event, and returns
    taking.join()


if __name__ == "__main__":
    main()
