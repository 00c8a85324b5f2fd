"""Three downloads in one asyncio event loop, whose waits overlap."""

import asyncio


async def download(name: str) -> None:
    print(f"{name}: start")
    await asyncio.sleep(1)  # the network; the loop runs the others meanwhile
    print(f"{name}: done")


async def download_all() -> None:
    await asyncio.gather(download("a"), download("b"), download("c"))


def main() -> None:
    asyncio.run(download_all())


if __name__ == "__main__":
    main()
