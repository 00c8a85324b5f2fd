"""A pool that is never shut down: its tasks still finish at exit."""

import atexit
import concurrent.futures
import threading


def send(batch: str, go: threading.Event) -> None:
    go.wait()  # holds the batches until main() has printed
    print(f"sent {batch}\n", end="")  # one write per line


def main() -> None:
    executor = concurrent.futures.ThreadPoolExecutor(max_workers=1)
    go = threading.Event()

    def send_last_batch() -> None:  # runs at exit, after the pool's threads ended
        try:
            executor.submit(send, "the last batch", go)
        except RuntimeError as exc:
            print(f"atexit, the same pool: submit() raised RuntimeError: {exc}")
        try:
            with concurrent.futures.ThreadPoolExecutor() as new_executor:
                new_executor.submit(send, "the last batch", go)
        except RuntimeError as exc:
            print(f"atexit, a new pool: submit() raised RuntimeError: {exc}")

    atexit.register(send_last_batch)
    executor.submit(send, "batch 1", go)
    executor.submit(send, "batch 2", go)
    print("main() returns, without shutting the pool down\n", end="")
    go.set()


if __name__ == "__main__":
    main()
