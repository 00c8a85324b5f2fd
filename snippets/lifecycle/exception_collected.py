"""Collect the exceptions raised in worker threads with threading.excepthook."""

import threading


def parse_record(text: str, results: dict[str, int]) -> None:
    results[text] = int(text)  # raises ValueError for "12x"


def parse_all(records: list[str]) -> tuple[dict[str, int], dict[str, BaseException]]:
    """Parse each record in its own thread; return the results and the errors."""
    results: dict[str, int] = {}
    errors: dict[str, BaseException] = {}
    lock = threading.Lock()

    def collect(args: threading.ExceptHookArgs) -> None:
        name = args.thread.name if args.thread else "?"
        with lock:
            errors[name] = args.exc_value

    previous = threading.excepthook
    threading.excepthook = collect  # called in the failing thread, instead of a print
    try:
        threads = [
            threading.Thread(target=parse_record, args=(r, results), name=repr(r))
            for r in records
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=10)
    finally:
        threading.excepthook = previous
    return results, errors


def main() -> None:
    records = ["12", "12x", "7", ""]
    results, errors = parse_all(records)
    print(f"parsed: {sorted(results.values())}")
    for name, exc in sorted(errors.items()):
        print(f"thread {name} failed: {type(exc).__name__}: {exc}")
    print(f"{len(errors)} of {len(records)} records failed")


if __name__ == "__main__":
    main()
