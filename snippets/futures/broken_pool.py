"""An initializer that raises breaks the pool: BrokenThreadPool."""

import concurrent.futures
from concurrent.futures.thread import BrokenThreadPool


def connect(database: str) -> None:
    raise ConnectionRefusedError(f"cannot connect to {database}")


def query(n: int) -> str:
    return f"query {n}: 3 rows"


def main() -> None:
    with concurrent.futures.ThreadPoolExecutor(
        max_workers=2, initializer=connect, initargs=("inventory.db",)
    ) as executor:
        future = executor.submit(query, 1)
        try:
            future.result()
        except BrokenThreadPool as exc:
            print(f"result() raised BrokenThreadPool: {exc}")
        try:
            executor.submit(query, 2)
        except BrokenThreadPool as exc:
            print(f"submit() raised BrokenThreadPool: {exc}")


if __name__ == "__main__":
    main()
