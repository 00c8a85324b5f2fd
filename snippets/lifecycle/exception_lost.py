"""BROKEN ON PURPOSE: a worker's exception is printed, then lost.

join() does not re-raise it and the program still exits with status 0.
"""

import threading


def parse_record(text: str) -> int:
    return int(text)  # raises ValueError for "12x"


def main() -> None:
    t = threading.Thread(target=parse_record, args=("12x",), name="parser")
    t.start()
    t.join()  # returns normally: join() never re-raises
    print("main: join() returned normally; exit status will be 0")


if __name__ == "__main__":
    main()
