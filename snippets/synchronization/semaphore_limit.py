"""A Semaphore lets at most `limit` threads use a resource at once."""

import threading
import time


def download(task: int) -> None:
    print(f"task {task}: downloading\n", end="")  # one write: the line stays whole
    time.sleep(1)  # stands in for a slow request to a server
    print(f"task {task}: done\n", end="")


def run(tasks: int = 6, limit: int = 2) -> int:
    """Run every task under the semaphore; return the most that ran at once."""
    slots = threading.Semaphore(limit)
    counting = threading.Lock()  # guards active and peak
    active = peak = 0

    def task(n: int) -> None:
        nonlocal active, peak
        with slots:  # acquire() waits while `limit` tasks hold a slot
            with counting:
                active += 1
                peak = max(peak, active)
            try:
                download(n)
            finally:
                with counting:
                    active -= 1

    threads = [threading.Thread(target=task, args=(n,)) for n in range(tasks)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return peak


def main() -> None:
    run(tasks=6, limit=2)


if __name__ == "__main__":
    main()
