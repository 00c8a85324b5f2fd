"""Three workers take jobs from one shared generator, and crash."""

import threading
import time
from collections.abc import Iterator


def read_jobs(count: int) -> Iterator[str]:
    for n in range(1, count + 1):
        time.sleep(0.1)  # read the next job from the file
        yield f"job {n}"


def work(jobs: Iterator[str], done: list[str]) -> None:
    for job in jobs:
        time.sleep(0.1)  # do the job
        done.append(job)


def main() -> None:
    jobs = read_jobs(12)
    done: list[str] = []
    workers = [threading.Thread(target=work, args=(jobs, done)) for _ in range(3)]
    for t in workers:
        t.start()
    for t in workers:
        t.join()
    print(f"done {len(done)} jobs, {len(set(done))} different")


if __name__ == "__main__":
    main()
