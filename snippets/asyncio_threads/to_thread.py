"""asyncio.to_thread(): blocking code runs in a thread; the event loop stays free."""

import asyncio
import time


def read_report() -> str:
    time.sleep(1)  # stands in for blocking I/O: a file, a database driver
    return "report.csv"


class Ticker:
    """A task that counts how often the event loop lets it run."""

    def __init__(self) -> None:
        self.ticks = 0

    async def run(self) -> None:
        while True:
            self.ticks += 1
            await asyncio.sleep(0.1)


async def serve() -> None:
    ticker = Ticker()
    ticking = asyncio.create_task(ticker.run())
    await asyncio.sleep(0)  # let the ticker start

    before = ticker.ticks
    read_report()  # called directly: the whole event loop waits
    print(f"called directly:      the ticker ticked {ticker.ticks - before} times")

    before = ticker.ticks
    await asyncio.to_thread(read_report)  # runs in another thread
    print(f"in asyncio.to_thread: the ticker ticked {ticker.ticks - before} times")

    ticking.cancel()


def main() -> None:
    asyncio.run(serve())


if __name__ == "__main__":
    main()
