"""Count the words of four files in a thread pool; one file is missing."""

import time
from concurrent.futures import ThreadPoolExecutor

FILES = {
    "a.txt": "one two three four",
    "c.txt": "five six",
    "d.txt": "seven eight nine",
}


def word_count(name: str) -> int:
    time.sleep(0.5)  # read the file
    if name not in FILES:
        raise FileNotFoundError(name)
    return len(FILES[name].split())


def main() -> None:
    names = ["a.txt", "b.txt", "c.txt", "d.txt"]
    with ThreadPoolExecutor(max_workers=2) as pool:
        pool.map(word_count, names)
    print("every file counted")


if __name__ == "__main__":
    main()
