"""Debug mode catches call_soon() from another thread: use call_soon_threadsafe()."""

import asyncio
import threading


def notify(loop: asyncio.AbstractEventLoop, done: asyncio.Event) -> None:
    try:
        loop.call_soon(done.set)  # wrong: only the loop's own thread may do this
    except RuntimeError as exc:
        print(f"call_soon() from a thread raised RuntimeError: {exc}\n", end="")
    loop.call_soon_threadsafe(done.set)  # right: any thread may call it


async def wait_for_thread() -> threading.Thread:
    loop = asyncio.get_running_loop()
    done = asyncio.Event()
    thread = threading.Thread(target=notify, args=(loop, done))
    thread.start()
    await done.wait()
    print("call_soon_threadsafe() from the thread woke the event loop")
    return thread


def main() -> None:
    thread = asyncio.run(wait_for_thread(), debug=True)  # debug mode checks threads
    thread.join()


if __name__ == "__main__":
    main()
