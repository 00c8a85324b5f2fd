"""Two workers resize images from a queue; a bad image is skipped, and main ends."""

import queue
import threading
import time


def resize(name: str) -> None:
    time.sleep(0.2)  # the work
    if name.endswith(".txt"):
        raise ValueError(f"{name} is not an image")


def work(images: queue.Queue[str]) -> None:
    while True:
        name = images.get()
        try:
            resize(name)
            # One write per line: several threads may print at once.
            print(f"resized {name}\n", end="")
        except ValueError as error:
            print(f"skipped: {error}\n", end="")
        finally:
            images.task_done()  # however the item went: join() counts on it


def main() -> None:
    images: queue.Queue[str] = queue.Queue()
    for name in ["a.png", "b.png", "notes.txt", "c.png"]:
        images.put(name)
    # Daemon workers are safe here only because images.join() waits for every image.
    for _ in range(2):
        threading.Thread(target=work, args=(images,), daemon=True).start()
    images.join()  # until every image has been handled
    print("main: every image was handled")


if __name__ == "__main__":
    main()
