"""initializer and initargs: set up each worker thread once."""

import concurrent.futures
import threading
import time


def connect(database: str) -> None:
    thread = threading.current_thread().name
    print(f"{thread}: connected to {database}\n", end="")  # one write per line


def query(n: int) -> str:
    time.sleep(2)  # stands in for a database query
    return f"query {n}: 3 rows"


def main() -> None:
    with concurrent.futures.ThreadPoolExecutor(
        max_workers=2,
        thread_name_prefix="db",
        initializer=connect,  # called at the start of each worker thread
        initargs=("inventory.db",),  # ...with these arguments
    ) as executor:
        for line in executor.map(query, range(6)):
            print(f"{line}\n", end="")


if __name__ == "__main__":
    main()
