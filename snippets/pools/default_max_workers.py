"""How many threads a default ThreadPoolExecutor() starts for blocking tasks."""

import concurrent.futures
import os
import threading

TASKS = 100


def task(go: threading.Event) -> str:
    go.wait()  # blocks, like a slow request, until main() sets go
    return threading.current_thread().name


def main() -> None:
    go = threading.Event()
    with concurrent.futures.ThreadPoolExecutor(thread_name_prefix="pool") as executor:
        futures = [executor.submit(task, go) for _ in range(TASKS)]
        threads = sum(t.name.startswith("pool") for t in threading.enumerate())
        # The CPU count the default uses: os.process_cpu_count() (the CPUs this
        # process may use) from Python 3.13, os.cpu_count() before.
        cpus = getattr(os, "process_cpu_count", os.cpu_count)()
        print(f"CPUs the default counts: {cpus}")
        print(f"{TASKS} blocked tasks submitted: the pool started {threads} threads")
        go.set()
    names = {future.result() for future in futures}
    print(f"all {TASKS} tasks done, on {len(names)} threads")


if __name__ == "__main__":
    main()
