"""Name threads, log with %(threadName)s, and dump every thread's stack by name."""

import logging
import sys
import threading
import traceback

log = logging.getLogger("downloads")


def thread_stacks() -> str:
    """Every thread's stack, most recent call last, under the thread's name."""
    names = {t.ident: t.name for t in threading.enumerate()}
    parts = []
    for ident, frame in sys._current_frames().items():
        parts.append(f"Thread {names.get(ident, '(not from threading)')!r}:\n")
        parts.extend(traceback.format_stack(frame))
    return "".join(parts)


def download(url: str, started: threading.Event, reply: threading.Event) -> None:
    log.info("fetching %s", url)
    started.set()
    reply.wait()  # stands for a server that is slow to answer
    log.info("done")


def main() -> None:
    # One line per record, with the thread's name: logging is thread-safe.
    logging.basicConfig(
        format="%(threadName)s: %(message)s", level=logging.INFO, stream=sys.stdout
    )
    reply = threading.Event()
    threads = []
    for n, url in enumerate(["https://example.com/a", "https://example.com/b"], 1):
        started = threading.Event()
        t = threading.Thread(
            target=download, args=(url, started, reply), name=f"download-{n}"
        )
        t.start()
        started.wait()
        threads.append(t)
    log.info("both downloads are waiting; every thread's stack is on stderr")
    print(thread_stacks(), file=sys.stderr)
    reply.set()
    for t in threads:
        t.join()


if __name__ == "__main__":
    main()
