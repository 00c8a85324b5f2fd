"""Six health checks in a pool; the first fails at once, and all the others run."""

import time
from concurrent.futures import ThreadPoolExecutor, wait


def check(server: int) -> None:
    if server == 0:
        raise ConnectionError("server 0 is down")
    time.sleep(5)  # a slow health check
    # One write per line: several threads may print at once.
    print(f"server {server}: healthy\n", end="")


def main() -> None:
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = [pool.submit(check, server) for server in range(6)]
        wait(futures)
    for future in futures:
        if (error := future.exception()) is not None:
            print(f"failed: {error}")


if __name__ == "__main__":
    main()
