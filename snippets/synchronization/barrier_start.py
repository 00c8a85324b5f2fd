"""A Barrier releases all its parties together, once the last one arrives."""

import threading


def run(parties: int = 3) -> list[int]:
    """Start the runners together; return what their wait() calls returned."""
    indexes: list[int] = []  # list.append is thread-safe
    start_line = threading.Barrier(
        parties,
        action=lambda: print("start line: everyone is here, go!\n", end=""),  # once
    )

    def runner(n: int) -> None:
        # Its own set-up, however long it takes, would go here. One write per
        # line: lines that two threads print at once stay whole.
        print(f"runner {n}: ready\n", end="")
        indexes.append(start_line.wait())  # blocks until all parties have arrived
        print(f"runner {n}: running\n", end="")

    threads = [threading.Thread(target=runner, args=(n,)) for n in range(parties)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sorted(indexes)


def main() -> None:
    indexes = run(parties=3)
    print(f"main: the wait() calls returned {indexes}, once sorted")


if __name__ == "__main__":
    main()
