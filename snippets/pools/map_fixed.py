"""The note's executor.map() call, fixed: one iterable per parameter, results read."""

import concurrent.futures
import os
import time

TIME_SCALE = float(os.environ.get("TIME_SCALE", "1"))  # tests set it to run fast


def thread_function(param1: int, param2: str) -> str:
    time.sleep(2 * TIME_SCALE)
    return f"{param2}{param1}"


def main() -> None:
    with concurrent.futures.ThreadPoolExecutor(max_workers=3) as executor:
        # map(f, xs, ys) calls f(xs[0], ys[0]), f(xs[1], ys[1]), ...
        results = executor.map(thread_function, range(3), ["a", "b", "c"])
        # Reading the results re-raises a task's exception here, in main().
        # They come back in the order of the inputs, whatever order they finished.
        for result in results:
            print(result)


if __name__ == "__main__":
    main()
