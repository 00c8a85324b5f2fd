"""Four threads share a list, a dict and a deque, one operation at a time."""

import collections
import threading

THREADS = 4
ITEMS = 10_000


def run() -> tuple[list[int], dict[int, int], list[int], list[list[int]]]:
    """Fill the containers from THREADS threads, then drain the deque from as many."""
    results: list[int] = []
    squares: dict[int, int] = {}
    jobs: collections.deque[int] = collections.deque()

    def fill(first: int) -> None:
        for n in range(first, first + ITEMS):
            results.append(n)  # one list.append
            squares[n] = n * n  # one dict key set
            jobs.append(n)  # one deque.append

    def drain(taken: list[int]) -> None:
        while True:
            try:
                taken.append(jobs.popleft())  # one deque.popleft
            except IndexError:  # the deque is empty: every job is taken
                return

    fillers = [threading.Thread(target=fill, args=(i * ITEMS,)) for i in range(THREADS)]
    for t in fillers:
        t.start()
    for t in fillers:
        t.join()
    left_in_deque = list(jobs)

    taken_by: list[list[int]] = [[] for _ in range(THREADS)]
    drainers = [threading.Thread(target=drain, args=(taken,)) for taken in taken_by]
    for t in drainers:
        t.start()
    for t in drainers:
        t.join()
    return results, squares, left_in_deque, taken_by


def main() -> None:
    results, squares, queued, taken_by = run()
    taken = [n for taken in taken_by for n in taken]
    print(f"{THREADS} threads x {ITEMS} items each")
    print(f"list.append:    {len(results)} items, {len(set(results))} distinct")
    print(f"d[key] = value: {len(squares)} keys")
    print(f"deque.append:   {len(queued)} items")
    print(f"deque.popleft:  {len(taken)} taken, {len(set(taken))} distinct")


if __name__ == "__main__":
    main()
