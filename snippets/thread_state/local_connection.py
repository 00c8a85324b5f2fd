"""One sqlite3 connection per thread, kept in a threading.local."""

import sqlite3
import threading


class ThreadState(threading.local):
    def __init__(self) -> None:
        # Runs again in each thread, the first time that thread uses `state`.
        self.connection: sqlite3.Connection | None = None


state = ThreadState()  # one object; each thread sees its own attributes


def get_connection() -> sqlite3.Connection:
    """This thread's connection, opened on the thread's first call."""
    if state.connection is None:
        state.connection = sqlite3.connect(":memory:")
        name = threading.current_thread().name
        print(f"{name}: opened a connection\n", end="")  # one write: a whole line
    return state.connection


def close_connection() -> None:
    """Close this thread's connection, if it opened one."""
    if state.connection is not None:
        state.connection.close()
        state.connection = None


def handle(request: int) -> None:
    (answer,) = get_connection().execute("SELECT ? * ?", (request, request)).fetchone()
    print(f"{threading.current_thread().name}: {request} squared is {answer}\n", end="")


def worker(requests: list[int]) -> None:
    try:
        for request in requests:
            handle(request)
    finally:
        close_connection()  # in the thread that opened it: sqlite3 insists


def main() -> None:
    threads = [
        threading.Thread(target=worker, args=([1, 2],), name="worker-1"),
        threading.Thread(target=worker, args=([3, 4],), name="worker-2"),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"main: state.connection is {state.connection}")


if __name__ == "__main__":
    main()
