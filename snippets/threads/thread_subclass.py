"""Subclass Thread to keep a thread's result (or its exception) on the object."""

import threading


class MeanSquare(threading.Thread):
    def __init__(self, numbers: list[int], name: str) -> None:
        super().__init__(name=name)  # always call Thread.__init__ first
        self.numbers = numbers
        self.result: int | None = None
        self.error: Exception | None = None

    def run(self) -> None:  # start() calls run() in the new thread
        try:
            self.result = sum(n * n for n in self.numbers) // len(self.numbers)
        except Exception as exc:  # keep it for the caller instead of losing it
            self.error = exc


def main() -> None:
    jobs = {"small": [1, 2, 3], "large": list(range(1000)), "empty": []}
    threads = [MeanSquare(numbers, name) for name, numbers in jobs.items()]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
        if t.error is not None:
            print(f"{t.name}: failed with {type(t.error).__name__}")
        else:
            print(f"{t.name}: {t.result}")


if __name__ == "__main__":
    main()
