"""Python 3.14+: InterpreterPoolExecutor runs each worker in its own interpreter.

Each interpreter has its own GIL, so CPU-bound work runs in parallel, in one
process. On older versions the program says so and exits.
"""

import concurrent.futures
import sys


# The docs say that a function defined in __main__, like this one, cannot be
# used by an InterpreterPoolExecutor; CPython 3.14 runs it anyway, through an
# implementation detail. In a real program, import it from a module of its own.
def count_primes(limit: int) -> int:
    """Pure-Python CPU work: count the primes below `limit`."""
    return sum(all(n % d for d in range(2, int(n**0.5) + 1)) for n in range(2, limit))


def main() -> None:
    if sys.version_info < (3, 14):
        print("InterpreterPoolExecutor needs Python 3.14 or newer")
        return
    limits = [10_000, 20_000, 30_000, 40_000]
    # Like processes, interpreters share no objects: the function, its arguments
    # and its result are passed between them pickled.
    with concurrent.futures.InterpreterPoolExecutor(max_workers=2) as executor:
        counts = list(executor.map(count_primes, limits))
    for limit, count in zip(limits, counts, strict=True):
        print(f"primes below {limit}: {count}")


if __name__ == "__main__":
    main()
