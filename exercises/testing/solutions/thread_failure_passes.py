"""A tiny test runner, which fails a test when one of its threads raised."""

import sys
import threading
from collections.abc import Callable


def parse_prices(lines: list[str]) -> list[int]:
    """The code under test: parses each line in a thread of its own."""
    prices: list[int] = []

    def parse(line: str) -> None:
        prices.append(int(line))  # "4x" raises ValueError, in the thread

    threads = [threading.Thread(target=parse, args=(line,)) for line in lines]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return prices


def test_good_prices() -> None:
    assert sorted(parse_prices(["3", "1", "2"])) == [1, 2, 3]


def test_bad_price() -> None:
    # Must fail: parse_prices lets the ValueError escape a thread.
    assert sorted(parse_prices(["4x", "5"])) == [5]


def run_test(test: Callable[[], None]) -> bool:
    """Run one test; print PASS or FAIL and what failed, in a thread too."""
    escaped: list[str] = []

    def hook(args: threading.ExceptHookArgs) -> None:
        escaped.append(f"{args.exc_type.__name__}: {args.exc_value}")

    # Process-wide: swap it only while no other code starts threads.
    previous, threading.excepthook = threading.excepthook, hook
    try:
        test()
    except Exception as exc:
        escaped.append(f"{type(exc).__name__}: {exc}")
    finally:
        threading.excepthook = previous
    if escaped:
        print(f"FAIL {test.__name__}: {escaped[0]}")
        return False
    print(f"PASS {test.__name__}")
    return True


def main() -> None:
    tests = [test_good_prices, test_bad_price]
    passed = sum(run_test(test) for test in tests)
    print(f"{passed} of {len(tests)} passed")
    if passed < len(tests):
        sys.exit(1)


if __name__ == "__main__":
    main()
