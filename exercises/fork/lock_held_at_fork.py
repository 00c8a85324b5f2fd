"""A thread refreshes a cache under a lock; a forked child cannot read the cache."""

import itertools
import os
import sys
import threading
import time

cache_lock = threading.Lock()
cache = {"greeting": "hello", "language": "English"}


def refresh(stop: threading.Event) -> None:
    """Refresh the greeting, then its language: the two change together."""
    for greeting, language in itertools.cycle(
        [("bonjour", "French"), ("hello", "English")]
    ):
        if stop.is_set():
            return
        with cache_lock:
            cache["greeting"] = greeting
            time.sleep(0.1)  # fetch the greeting's language from the server
            cache["language"] = language


def read_in_child() -> int:
    """Runs in the child process; returns its exit status."""
    # A plain acquire() could wait forever: in the child, the thread that holds
    # the lock does not exist. The timeout turns that hang into False.
    if not cache_lock.acquire(timeout=0.5):
        print("child: the cache lock is held by a thread that does not exist here")
        return 1
    try:
        print(f"child: greeting is {cache['greeting']}, in {cache['language']}")
    finally:
        cache_lock.release()
    return 0


def main() -> None:
    stop = threading.Event()
    refresher = threading.Thread(target=refresh, args=(stop,))
    refresher.start()
    time.sleep(0.5)  # the parent's own work
    sys.stdout.flush()  # or the child inherits unprinted text and prints it again
    pid = os.fork()
    if pid == 0:  # in the child
        status = read_in_child()
        sys.stdout.flush()
        os._exit(status)  # end the child here, without the parent's clean-up
    _, wait_status = os.waitpid(pid, 0)
    print(
        f"parent: the child exited with status {os.waitstatus_to_exitcode(wait_status)}"
    )
    stop.set()
    refresher.join()


if __name__ == "__main__":
    main()
