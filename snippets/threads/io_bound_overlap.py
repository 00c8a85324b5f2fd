"""Three downloads: one after another, then each in a thread of its own."""

import threading
import time


def download(page: int) -> None:
    time.sleep(1)  # stands in for waiting on the network: the thread just waits


def one_after_another(pages: list[int]) -> None:
    for page in pages:
        download(page)


def each_in_a_thread(pages: list[int]) -> None:
    threads = [
        threading.Thread(target=download, args=(page,), name=f"page {page}")
        for page in pages
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def main() -> None:
    pages = [1, 2, 3]

    start = time.perf_counter()
    one_after_another(pages)
    print(f"one after another: {time.perf_counter() - start:.2f} s")

    start = time.perf_counter()
    each_in_a_thread(pages)
    print(f"each in a thread:  {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
