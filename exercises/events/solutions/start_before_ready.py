"""Three workers wait until the configuration is loaded, then connect."""

import threading
import time


def connect(name: str, config: dict[str, str], loaded: threading.Event) -> None:
    loaded.wait()  # until the main thread has filled in the configuration
    # One write per line: several threads may print at once.
    print(f"{name}: connecting to {config.get('server')}\n", end="")


def main() -> None:
    config: dict[str, str] = {}
    loaded = threading.Event()
    workers = [
        threading.Thread(target=connect, args=(f"worker {n}", config, loaded))
        for n in range(1, 4)
    ]
    for t in workers:
        t.start()
    time.sleep(1)  # read the configuration file
    config["server"] = "db.example.com"
    loaded.set()  # releases every waiting worker at once
    for t in workers:
        t.join()


if __name__ == "__main__":
    main()
