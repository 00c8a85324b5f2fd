"""wait(FIRST_EXCEPTION): stop at the first failure and cancel the rest."""

import concurrent.futures
import threading


def download(part: int, stop: threading.Event) -> str:
    if part == 1:
        raise ConnectionError(f"part {part}: connection reset")
    for _ in range(60):  # a minute-long download, one second at a time
        if stop.wait(1):  # waits 1 s, or returns True as soon as stop is set
            return "stopped early"
    return "downloaded"


def main() -> None:
    stop = threading.Event()
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as executor:
        futures = [executor.submit(download, part, stop) for part in range(5)]
        try:
            done, not_done = concurrent.futures.wait(
                futures, return_when=concurrent.futures.FIRST_EXCEPTION
            )
            print(f"wait() returned: {len(done)} done, {len(not_done)} not done")
            for future in done:
                print(f"failed: {future.exception()}")
            cancelled = sum(future.cancel() for future in not_done)  # queued ones
            running = len(not_done) - cancelled
            print(
                f"cancel(): {cancelled} queued tasks cancelled, {running} running not"
            )
        finally:
            # However the block ends, even by Ctrl-C: the running tasks cannot be
            # cancelled, so ask them to stop, or the with block waits a minute.
            stop.set()
    results = [f.result() for f in not_done if not f.cancelled()]
    print(f"told to stop: {results.count('stopped early')} running tasks stopped early")


if __name__ == "__main__":
    main()
