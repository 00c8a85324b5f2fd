"""asyncio: a thousand waits at once, in one thread."""

import asyncio
import os
import threading
import time

TIME_SCALE = float(os.environ.get("TIME_SCALE", "1"))  # tests set it to run fast
WAIT = 1.0 * TIME_SCALE


async def fetch(n: int) -> int:
    await asyncio.sleep(WAIT)  # stands in for a network call; other tasks run
    return n


async def fetch_all(count: int) -> list[int]:
    async with asyncio.timeout(10 + WAIT):  # new in 3.11: bound the whole wait
        return await asyncio.gather(*(fetch(n) for n in range(count)))


def main() -> None:
    start = time.perf_counter()
    results = asyncio.run(fetch_all(1000))
    elapsed = time.perf_counter() - start
    print(f"{len(results)} waits of {WAIT:.2f} s took {elapsed:.2f} s")
    print(f"results in order: {results == list(range(1000))}")
    print(f"threads used: {threading.active_count()}")


if __name__ == "__main__":
    main()
