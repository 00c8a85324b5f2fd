"""A task that waits for another task in the same full pool waits forever.

Here the wait has a timeout, so the program ends; without it, the program hangs.
"""

import concurrent.futures

TIMEOUT = 0.5  # seconds start_service waits for load_config


def load_config() -> str:
    return "config"


def start_service(executor: concurrent.futures.Executor) -> str:
    inner = executor.submit(load_config)  # runs when a worker of executor is free
    try:
        return f"started with {inner.result(timeout=TIMEOUT)}"
    except TimeoutError:
        # The only worker is busy running start_service, waiting for load_config,
        # which needs a free worker to run: neither can move.
        return "timed out waiting for load_config: the pool was full"


def main() -> None:
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as executor:
        outer = executor.submit(start_service, executor)
        print(f"same pool:     {outer.result()}")

    with (
        concurrent.futures.ThreadPoolExecutor(max_workers=1) as services,
        concurrent.futures.ThreadPoolExecutor(max_workers=1) as loaders,
    ):
        outer = services.submit(start_service, loaders)
        print(f"separate pool: {outer.result()}")


if __name__ == "__main__":
    main()
