"""Record every exception that escapes a thread, with a hook set at start-up."""

import threading

failures: list[str] = []  # one line per thread that failed


def record_failure(args: threading.ExceptHookArgs) -> None:
    """Called in the failing thread, instead of printing the traceback."""
    # Keep text, not args.exc_value or args.thread: the docs warn that storing
    # those beyond the hook can create a reference cycle or resurrect a thread.
    name = args.thread.name if args.thread else "unknown thread"
    failures.append(f"{name}: {args.exc_type.__name__}: {args.exc_value}")


def parse_record(text: str, results: list[int]) -> None:
    results.append(int(text))  # raises ValueError for "12x"


def main() -> None:
    threading.excepthook = record_failure  # once, before any thread starts
    records = ["12", "12x", "7", ""]
    results: list[int] = []
    threads = [
        threading.Thread(target=parse_record, args=(r, results), name=f"parse {r!r}")
        for r in records
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"parsed: {sorted(results)}")
    for failure in failures:
        print(f"failed: {failure}")


if __name__ == "__main__":
    main()
