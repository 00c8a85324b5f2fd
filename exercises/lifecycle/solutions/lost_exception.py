"""Save records in threads; the main thread reports the ones that failed."""

import sys
import threading
import time


def save(record: str, saved: list[int], failed: list[str]) -> None:
    try:
        value = int(record)  # "12x" raises ValueError
        time.sleep(0.5)  # write it to the database
        saved.append(value)
    except Exception as exc:  # hand the failure to the main thread
        failed.append(f"{record!r}: {type(exc).__name__}: {exc}")


def main() -> None:
    records = ["12", "7", "12x", "40"]
    saved: list[int] = []
    failed: list[str] = []
    threads = [threading.Thread(target=save, args=(r, saved, failed)) for r in records]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"saved {len(saved)} of {len(records)} records")
    for failure in failed:
        print(f"failed: {failure}")
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
