"""loop.run_in_executor(): blocking calls on a pool of your choice."""

import asyncio
import concurrent.futures
import functools
import time


def query(sql: str, *, limit: int) -> str:
    time.sleep(1)  # stands in for a blocking database driver
    return f"{sql} LIMIT {limit}: {limit} rows"


async def report(db_pool: concurrent.futures.Executor) -> None:
    loop = asyncio.get_running_loop()
    start = time.perf_counter()
    calls = [  # run_in_executor() passes no keyword arguments: use partial()
        loop.run_in_executor(db_pool, functools.partial(query, sql, limit=3))
        for sql in ["SELECT a", "SELECT b", "SELECT c", "SELECT d"]
    ]
    results = await asyncio.gather(*calls)  # in the order of the calls
    elapsed = time.perf_counter() - start
    for line in results:
        print(line)
    print(f"4 queries of 1 s, 2 at a time, took {elapsed:.1f} s")


def main() -> None:
    # Two threads, because the database accepts two connections. The pool
    # outlives the event loop: leaving the with block waits for its threads,
    # which must not happen inside a coroutine, where it would block the loop.
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as db_pool:
        asyncio.run(report(db_pool))


if __name__ == "__main__":
    main()
