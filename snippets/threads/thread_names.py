"""Default thread names, current_thread(), enumerate() and is_alive()."""

import threading


def worker(ready: threading.Barrier, go: threading.Event, seen: dict[str, str]) -> None:
    me = threading.current_thread()  # the Thread object of the thread running this
    seen[me.name] = f"daemon={me.daemon}, ident is set: {me.ident is not None}"
    ready.wait()  # tell main() that this thread is running
    go.wait(timeout=10)  # stay alive until main() has looked at enumerate()


def main() -> None:
    ready = threading.Barrier(3, timeout=10)  # two workers and main()
    go = threading.Event()
    seen: dict[str, str] = {}
    unnamed = threading.Thread(target=worker, args=(ready, go, seen))
    named = threading.Thread(target=worker, args=(ready, go, seen), name="loader")
    print(f"before start(): {unnamed.name!r} is_alive() is {unnamed.is_alive()}")
    unnamed.start()
    named.start()
    ready.wait()  # both workers are now running
    print(f"running: {sorted(t.name for t in threading.enumerate())}")
    print(f"while running: is_alive() is {unnamed.is_alive()}")
    go.set()
    for t in (unnamed, named):
        t.join(timeout=10)
    print(f"after join(): is_alive() is {unnamed.is_alive()}")
    print(f"main() runs in {threading.current_thread().name!r}")
    for name, facts in sorted(seen.items()):
        print(f"{name}: {facts}")


if __name__ == "__main__":
    main()
