"""Python 3.14+: map(buffersize=n) reads its input as results are consumed.

On older versions the program says so and exits.
"""

import concurrent.futures
import itertools
import sys
from collections.abc import Iterator


def readings() -> Iterator[int]:
    """An endless input, such as a sensor or a log that keeps growing."""
    for n in itertools.count():
        print(f"read input {n}")
        yield n


def square(n: int) -> int:
    return n * n


def main() -> None:
    if sys.version_info < (3, 14):
        print("map(buffersize=...) needs Python 3.14 or newer")
        return
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as executor:
        results = executor.map(square, readings(), buffersize=2)
        for n, result in enumerate(results):
            print(f"result {n}: {result}")
            if n == 3:
                break  # the input is endless: stop after four results


if __name__ == "__main__":
    main()
