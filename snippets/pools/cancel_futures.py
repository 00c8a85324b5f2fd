"""shutdown(cancel_futures=True) cancels the tasks that have not started."""

import concurrent.futures
import threading


def job(n: int, started: threading.Event, go: threading.Event) -> int:
    started.set()
    go.wait()  # the first job holds the only worker until go is set
    return n


def main() -> None:
    started, go = threading.Event(), threading.Event()
    executor = concurrent.futures.ThreadPoolExecutor(max_workers=1)
    futures = [executor.submit(job, n, started, go) for n in range(5)]
    started.wait()  # job 0 is running; jobs 1 to 4 are queued
    executor.shutdown(wait=False, cancel_futures=True)  # drop the queued jobs
    go.set()
    executor.shutdown(wait=True)  # now wait for the running one
    for n, future in enumerate(futures):
        state = "cancelled" if future.cancelled() else f"result {future.result()}"
        print(f"job {n}: {state}")


if __name__ == "__main__":
    main()
