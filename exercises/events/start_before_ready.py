"""Three workers connect to the server named in a configuration, too early."""

import threading
import time


def connect(name: str, config: dict[str, str]) -> None:
    # One write per line: several threads may print at once.
    print(f"{name}: connecting to {config.get('server')}\n", end="")


def main() -> None:
    config: dict[str, str] = {}
    workers = [
        threading.Thread(target=connect, args=(f"worker {n}", config))
        for n in range(1, 4)
    ]
    for t in workers:
        t.start()
    time.sleep(1)  # read the configuration file
    config["server"] = "db.example.com"
    for t in workers:
        t.join()


if __name__ == "__main__":
    main()
