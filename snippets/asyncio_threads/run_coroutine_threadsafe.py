"""asyncio.run_coroutine_threadsafe(): plain code runs coroutines on a loop."""

import asyncio
import threading


async def fetch(page: str) -> int:
    await asyncio.sleep(1)  # stands in for an async HTTP request
    if page == "missing":
        raise LookupError(f"no page called {page!r}")
    return len(page) * 100


def main() -> None:
    loop = asyncio.new_event_loop()
    runner = threading.Thread(target=loop.run_forever, name="event-loop")
    runner.start()  # the event loop now runs in that thread
    try:
        for page in ["home", "missing"]:
            future = asyncio.run_coroutine_threadsafe(fetch(page), loop)
            try:  # a concurrent.futures.Future: result() blocks this thread
                print(f"{page}: {future.result()} bytes")
            except LookupError as exc:  # fetch()'s exception, re-raised here
                print(f"{page}: failed: {exc}")
    finally:
        loop.call_soon_threadsafe(loop.stop)
        runner.join()
        loop.close()


if __name__ == "__main__":
    main()
