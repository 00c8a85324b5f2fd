"""A sensor thread hands readings to a coroutine; they never arrive."""

import asyncio
import threading
import time


def read_sensor(
    loop: asyncio.AbstractEventLoop, readings: asyncio.Queue[int | None]
) -> None:
    for value in (10, 20, 30):
        time.sleep(0.5)  # wait for the device
        readings.put_nowait(value)
    readings.put_nowait(None)  # no more readings


async def show_readings() -> threading.Thread:
    loop = asyncio.get_running_loop()
    readings: asyncio.Queue[int | None] = asyncio.Queue()
    sensor = threading.Thread(target=read_sensor, args=(loop, readings))
    sensor.start()
    while (value := await readings.get()) is not None:
        print(f"event loop: reading {value}")
    return sensor


def main() -> None:
    sensor = asyncio.run(show_readings())
    sensor.join()


if __name__ == "__main__":
    main()
