"""asyncio: a thousand waits at once, in one thread."""

import asyncio
import threading
import time


async def fetch(n: int) -> int:
    await asyncio.sleep(1)  # stands in for a network call; other tasks run
    return n


async def fetch_all(count: int) -> list[int]:
    return await asyncio.gather(*(fetch(n) for n in range(count)))


def main() -> None:
    start = time.perf_counter()
    results = asyncio.run(fetch_all(1000))
    elapsed = time.perf_counter() - start
    print(f"1000 waits of 1 second each took {elapsed:.2f} s in all")
    print(f"results: {results[0]}, {results[1]}, ..., {results[-1]}")
    print(f"threads in this process: {threading.active_count()}")


if __name__ == "__main__":
    main()
