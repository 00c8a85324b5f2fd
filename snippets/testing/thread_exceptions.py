"""Catch an exception raised in a thread: threading.excepthook and Future.result()."""

import threading
from concurrent.futures import ThreadPoolExecutor


def parse_record(text: str) -> int:
    return int(text)  # raises ValueError for "12x"


def caught_by_excepthook(text: str) -> list[str]:
    """Run parse_record in a thread; return what the excepthook saw.

    threading.excepthook is process-wide: swap it only where no other code
    starts threads meanwhile, as in a test.
    """
    caught: list[str] = []

    def hook(args: threading.ExceptHookArgs) -> None:
        name = args.thread.name if args.thread else "?"
        caught.append(f"{args.exc_type.__name__} in thread {name}: {args.exc_value}")

    previous, threading.excepthook = threading.excepthook, hook
    try:
        t = threading.Thread(target=parse_record, args=(text,), name="parser")
        t.start()
        t.join()  # returns once the hook has run; it never re-raises the error
    finally:
        threading.excepthook = previous
    return caught


def main() -> None:
    print("excepthook:", caught_by_excepthook("12x"))
    with ThreadPoolExecutor(max_workers=1) as pool:
        future = pool.submit(parse_record, "12x")
        try:
            future.result()  # re-raises the task's exception here
        except ValueError as exc:
            print(f"Future.result() re-raised ValueError: {exc}")


if __name__ == "__main__":
    main()
