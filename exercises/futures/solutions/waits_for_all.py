"""Six health checks in a pool; the first failure cancels the checks not started."""

import time
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait


def check(server: int) -> None:
    if server == 0:
        raise ConnectionError("server 0 is down")
    time.sleep(5)  # a slow health check
    # One write per line: several threads may print at once.
    print(f"server {server}: healthy\n", end="")


def main() -> None:
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = [pool.submit(check, server) for server in range(6)]
        done, not_done = wait(futures, return_when=FIRST_EXCEPTION)
        cancelled = sum(future.cancel() for future in not_done)  # if not started
    for future in done:
        if (error := future.exception()) is not None:
            print(f"failed: {error}")
    print(f"cancelled {cancelled} checks")


if __name__ == "__main__":
    main()
