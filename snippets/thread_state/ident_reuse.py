"""Thread identifiers are unique among live threads, and may be reused after."""

import threading


def one_after_another(count: int) -> list[threading.Thread]:
    threads = []
    for _ in range(count):
        t = threading.Thread(target=lambda: None)
        t.start()
        t.join()  # this thread has ended before the next one starts
        threads.append(t)
    return threads


def alive_at_once(count: int) -> list[threading.Thread]:
    done = threading.Event()
    threads = [threading.Thread(target=done.wait) for _ in range(count)]
    for t in threads:
        t.start()  # each waits for `done`: all are alive at the same time
    done.set()
    for t in threads:
        t.join()
    return threads


def report(how: str, threads: list[threading.Thread]) -> None:
    idents = {t.ident for t in threads}
    native_ids = {t.native_id for t in threads}
    print(
        f"{len(threads)} threads {how}: "
        f"distinct idents {len(idents)}, distinct native_ids {len(native_ids)}"
    )


def main() -> None:
    report("one after another", one_after_another(5))
    report("alive at once", alive_at_once(5))


if __name__ == "__main__":
    main()
