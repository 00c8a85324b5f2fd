"""Three workers take jobs from one queue, filled from a generator."""

import queue
import threading
import time
from collections.abc import Iterator

DONE = None  # the sentinel: "no more jobs"


def read_jobs(count: int) -> Iterator[str]:
    for n in range(1, count + 1):
        time.sleep(0.1)  # read the next job from the file
        yield f"job {n}"


def work(jobs: queue.Queue[str | None], done: list[str]) -> None:
    while (job := jobs.get()) is not DONE:
        time.sleep(0.1)  # do the job
        done.append(job)


def main() -> None:
    jobs: queue.Queue[str | None] = queue.Queue()
    done: list[str] = []
    workers = [threading.Thread(target=work, args=(jobs, done)) for _ in range(3)]
    for t in workers:
        t.start()
    for job in read_jobs(12):  # only the main thread runs the generator
        jobs.put(job)
    for _ in workers:
        jobs.put(DONE)  # one sentinel per worker
    for t in workers:
        t.join()
    print(f"done {len(done)} jobs, {len(set(done))} different")


if __name__ == "__main__":
    main()
