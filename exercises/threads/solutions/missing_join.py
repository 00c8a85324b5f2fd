"""Download three pages in three threads, then print how much was downloaded."""

import threading
import time

PAGES = ["https://example.com/", "https://example.org/news", "https://example.net/"]


def download(url: str, sizes: dict[str, int]) -> None:
    time.sleep(1)  # the network
    sizes[url] = 100 * len(url)  # the page's size in bytes, say


def main() -> None:
    sizes: dict[str, int] = {}
    threads = [threading.Thread(target=download, args=(url, sizes)) for url in PAGES]
    for t in threads:
        t.start()
    for t in threads:
        t.join()  # wait until every download has stored its size
    print(f"downloaded {len(sizes)} pages, {sum(sizes.values())} bytes")


if __name__ == "__main__":
    main()
