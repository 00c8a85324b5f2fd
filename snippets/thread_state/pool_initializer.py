"""Each worker of a pool opens its own connection, in the pool's initializer."""

import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor


class WorkerState(threading.local):
    connection: sqlite3.Connection  # set by open_connection(), in each worker


state = WorkerState()
opened: list[sqlite3.Connection] = []  # every connection, to close at the end


def open_connection() -> None:
    """The pool's initializer: runs once in each worker thread, before its tasks."""
    # check_same_thread=False only so that main can close it once the pool is
    # shut down: while the pool runs, only this worker thread uses it.
    state.connection = sqlite3.connect(":memory:", check_same_thread=False)
    opened.append(state.connection)


def square(n: int) -> int:
    (answer,) = state.connection.execute("SELECT ? * ?", (n, n)).fetchone()
    return int(answer)


def main() -> None:
    with ThreadPoolExecutor(max_workers=3, initializer=open_connection) as pool:
        print(f"squares: {list(pool.map(square, range(1, 9)))}")
    # The with block has shut the pool down: no worker uses a connection now.
    print(f"connections opened: {len(opened)}, for 8 tasks and max_workers=3")
    for connection in opened:
        connection.close()


if __name__ == "__main__":
    main()
