"""Save records in threads; one record is bad, and nobody hears about it."""

import threading
import time


def save(record: str, saved: list[int]) -> None:
    value = int(record)  # "12x" raises ValueError
    time.sleep(0.5)  # write it to the database
    saved.append(value)


def main() -> None:
    records = ["12", "7", "12x", "40"]
    saved: list[int] = []
    threads = [threading.Thread(target=save, args=(r, saved)) for r in records]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"saved {len(saved)} of {len(records)} records")


if __name__ == "__main__":
    main()
