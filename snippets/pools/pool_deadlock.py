"""A task that waits for another task in the same full pool waits forever.

Here the wait has a timeout, so the demo ends; without it the program hangs.
"""

import concurrent.futures
import os

TIME_SCALE = float(os.environ.get("TIME_SCALE", "1"))  # tests set it to run fast


def load_config() -> str:
    return "config"


def start_service(executor: concurrent.futures.Executor, timeout: float) -> str:
    inner = executor.submit(load_config)  # queued behind this very task
    try:
        return f"started with {inner.result(timeout=timeout)}"
    except TimeoutError:
        # The only worker is busy running start_service, waiting for load_config,
        # which needs a free worker to run: neither can move.
        return "timed out waiting for load_config: the pool was full"


def main() -> None:
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as executor:
        outer = executor.submit(start_service, executor, 0.5 * TIME_SCALE)
        print(f"same pool:     {outer.result(timeout=10)}")

    with (
        concurrent.futures.ThreadPoolExecutor(max_workers=1) as services,
        concurrent.futures.ThreadPoolExecutor(max_workers=1) as loaders,
    ):
        outer = services.submit(start_service, loaders, 10)
        print(f"separate pool: {outer.result(timeout=10)}")


if __name__ == "__main__":
    main()
