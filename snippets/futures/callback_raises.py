"""A callback that raises: the exception is logged, and nothing else happens."""

import concurrent.futures


def save(future: concurrent.futures.Future[int]) -> None:
    raise OSError("disk full")  # stands in for a callback that fails


def notify(future: concurrent.futures.Future[int]) -> None:
    print(f"notify: the task returned {future.result()}\n", end="")


def main() -> None:
    with concurrent.futures.ThreadPoolExecutor() as executor:
        future = executor.submit(pow, 2, 10)
        future.add_done_callback(save)  # raises: logged to stderr, then ignored
        future.add_done_callback(notify)  # still called
    print(f"result() returns {future.result()}; the with block ended normally")


if __name__ == "__main__":
    main()
