"""loop.run_in_executor(): blocking calls on a pool of your choice."""

import asyncio
import concurrent.futures
import functools
import time


def query(sql: str, *, timeout: float) -> str:
    time.sleep(1)  # stands in for a blocking database driver
    return f"{sql}: 3 rows"


async def report() -> None:
    loop = asyncio.get_running_loop()
    # Two threads, because the database accepts two connections.
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as db_pool:
        start = time.perf_counter()
        calls = [  # run_in_executor() passes no keyword arguments: use partial()
            loop.run_in_executor(db_pool, functools.partial(query, sql, timeout=5))
            for sql in ["SELECT a", "SELECT b", "SELECT c", "SELECT d"]
        ]
        results = await asyncio.gather(*calls)  # in the order of the calls
        elapsed = time.perf_counter() - start
    for line in results:
        print(line)
    print(f"4 queries of 1 s, 2 at a time, took {elapsed:.1f} s")


def main() -> None:
    asyncio.run(report())


if __name__ == "__main__":
    main()
