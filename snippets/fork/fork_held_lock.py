"""Broken on purpose: fork() while another thread holds a lock."""

import os
import sys
import threading

lock = threading.Lock()  # guards a log file, say


def writer(holding: threading.Event, done: threading.Event) -> None:
    with lock:
        holding.set()
        done.wait()  # makes the unlucky timing certain: the lock is held at fork()


def child() -> int:
    """Runs in the child process; returns its exit status."""
    print(f"child: threads alive: {[t.name for t in threading.enumerate()]}")
    # A plain acquire() would wait forever: the thread that would release the
    # lock does not exist in this process. The timeout turns the hang into False.
    acquired = lock.acquire(timeout=0.1)
    print(f"child: acquire(timeout=0.1) returned {acquired}")
    return 0 if acquired else 1


def main() -> None:
    holding, done = threading.Event(), threading.Event()
    thread = threading.Thread(target=writer, args=(holding, done), name="writer")
    thread.start()
    holding.wait()
    print("parent: the writer thread holds the lock; forking")
    sys.stdout.flush()  # or the child inherits unprinted text and prints it again
    pid = os.fork()
    if pid == 0:  # in the child
        status = child()
        sys.stdout.flush()
        os._exit(status)  # end the child here, without the parent's clean-up
    _, wait_status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(wait_status)
    print(f"parent: the child exited with status {code}")
    done.set()
    thread.join()


if __name__ == "__main__":
    main()
