"""add_done_callback(): which thread runs the callback."""

import concurrent.futures
import threading


def report(future: concurrent.futures.Future[int]) -> None:
    thread = threading.current_thread().name
    # One print() call per line: another thread may be printing too.
    print(f"callback: result {future.result()}, run by {thread}\n", end="")


def compute(go: threading.Event) -> int:
    go.wait()  # holds the task until main() has added the callback
    return 42


def main() -> None:
    go = threading.Event()
    with concurrent.futures.ThreadPoolExecutor(thread_name_prefix="worker") as executor:
        future = executor.submit(compute, go)
        future.add_done_callback(report)  # not done yet: the worker will call it
        go.set()
    # Leaving the with block waited for the task, and so for its callbacks.
    future.add_done_callback(report)  # already done: called at once, right here


if __name__ == "__main__":
    main()
