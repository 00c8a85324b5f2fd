"""A context variable set in main, read in a new thread."""

import contextvars
import threading

request_id = contextvars.ContextVar("request_id", default="no request")


def log(message: str) -> None:
    name = threading.current_thread().name
    print(f"{name} [{request_id.get()}]: {message}")


def main() -> None:
    request_id.set("req-42")
    log("handling the request")
    worker = threading.Thread(target=log, args=("sending the reply",), name="worker")
    worker.start()
    worker.join()


if __name__ == "__main__":
    main()
