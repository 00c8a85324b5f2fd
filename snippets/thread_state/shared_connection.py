"""Broken on purpose: one sqlite3 connection, opened in main, used by a worker."""

import sqlite3
import threading


def main() -> None:
    connection = sqlite3.connect(":memory:")  # opened in the main thread

    def query() -> None:
        try:
            connection.execute("SELECT 1")
        except sqlite3.ProgrammingError as error:
            print(f"worker: ProgrammingError: {error}")

    worker = threading.Thread(target=query)
    worker.start()
    worker.join()
    print(f"main: my get_ident() is {threading.get_ident()}")
    print(f"main: the worker's ident was {worker.ident}")
    connection.close()


if __name__ == "__main__":
    main()
