"""Three downloads in one asyncio event loop, which run one after another."""

import asyncio
import time


async def download(name: str) -> None:
    print(f"{name}: start")
    time.sleep(1)  # the network
    print(f"{name}: done")


async def download_all() -> None:
    await asyncio.gather(download("a"), download("b"), download("c"))


def main() -> None:
    asyncio.run(download_all())


if __name__ == "__main__":
    main()
