"""os.register_at_fork: hold the lock across fork(), so the child gets it free."""

import os
import sys
import threading
import time

lock = threading.Lock()  # guards a log file, say

# Before fork() the forking thread takes the lock, waiting for any other
# thread to finish with it; after fork() both processes release it.
os.register_at_fork(
    before=lock.acquire,
    after_in_parent=lock.release,
    after_in_child=lock.release,
)


def writer(holding: threading.Event) -> None:
    with lock:
        holding.set()
        time.sleep(1)  # writes a log line; the fork waits for it


def main() -> None:
    holding = threading.Event()
    thread = threading.Thread(target=writer, args=(holding,), name="writer")
    thread.start()
    holding.wait()
    print("parent: the writer thread holds the lock; forking")
    sys.stdout.flush()
    pid = os.fork()  # calls lock.acquire() first, so it waits for the writer
    if pid == 0:  # in the child
        print(f"child: threads alive: {[t.name for t in threading.enumerate()]}")
        acquired = lock.acquire(timeout=0.1)
        print(f"child: acquire(timeout=0.1) returned {acquired}")
        sys.stdout.flush()
        os._exit(0 if acquired else 1)
    _, wait_status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(wait_status)
    print(f"parent: the child exited with status {code}")
    thread.join()


if __name__ == "__main__":
    main()
