"""A Barrier releases all its parties together, once the last one arrives."""

import threading


def run(parties: int = 3) -> tuple[list[int], list[str]]:
    """Return the values wait() returned, and the order of events."""
    log: list[str] = []  # list.append is thread-safe
    indexes: list[int] = []
    start_line = threading.Barrier(
        parties,
        action=lambda: log.append("action"),  # run once, by one thread, before release
        timeout=10,  # a missing party raises BrokenBarrierError instead of hanging
    )

    def runner(n: int) -> None:
        log.append(f"runner {n} ready")  # stands in for a slow set-up
        index = start_line.wait()  # a distinct number in range(parties)
        indexes.append(index)
        log.append("released")

    threads = [threading.Thread(target=runner, args=(n,)) for n in range(parties)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=10)
        if t.is_alive():
            raise RuntimeError(f"{t.name} did not finish")
    return sorted(indexes), log


def main() -> None:
    parties = 3
    indexes, log = run(parties)
    print(f"wait() returned {indexes}: each party a distinct index")
    action = log.index("action")
    arrived_first = all(entry.endswith("ready") for entry in log[:action])
    released_after = log[action + 1 :] == ["released"] * parties
    print(f"the action ran {log.count('action')} time", end="")
    if arrived_first and released_after:
        print(f", after all {parties} arrived and before any was released")
    else:
        print(f", out of order: {log}")


if __name__ == "__main__":
    main()
