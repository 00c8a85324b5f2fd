"""Start a thread with real arguments, then wait for it to finish."""

import threading
import time


def download(url: str, retries: int = 1) -> None:
    name = threading.current_thread().name
    print(f"{name}: fetching {url} (up to {retries} tries)")
    time.sleep(2)  # stands in for waiting on the network
    print(f"{name}: done")


def main() -> None:
    t = threading.Thread(
        target=download,
        args=("https://example.com/data.csv",),
        kwargs={"retries": 3},
        name="downloader",
    )
    t.start()  # download() now runs in the new thread; main() goes on
    t.join()  # block until the thread has finished
    print(f"main: {t.name} finished, is_alive() is {t.is_alive()}")


if __name__ == "__main__":
    main()
