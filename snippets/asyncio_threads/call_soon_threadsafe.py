"""loop.call_soon_threadsafe(): a thread hands its results to the event loop."""

import asyncio
import threading
import time


def read_sensor(
    loop: asyncio.AbstractEventLoop, readings: asyncio.Queue[int | None]
) -> None:
    """Runs in a plain thread: blocking reads, results posted to the loop."""
    for n in range(1, 4):
        time.sleep(1)  # stands in for a blocking read from a device
        loop.call_soon_threadsafe(readings.put_nowait, n * 10)
    loop.call_soon_threadsafe(readings.put_nowait, None)  # no more readings


async def monitor() -> None:
    loop = asyncio.get_running_loop()
    readings: asyncio.Queue[int | None] = asyncio.Queue()
    sensor = threading.Thread(target=read_sensor, args=(loop, readings))
    sensor.start()
    while (reading := await readings.get()) is not None:
        print(f"event loop: reading {reading}")
    await asyncio.to_thread(sensor.join)  # join() blocks: not on the loop's thread


def main() -> None:
    asyncio.run(monitor())


if __name__ == "__main__":
    main()
