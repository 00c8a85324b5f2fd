"""Pass the caller's context variables on to a thread: run it in a copy."""

import contextvars
import threading

request_id = contextvars.ContextVar("request_id", default="no request")


def log(message: str) -> None:
    name = threading.current_thread().name
    print(f"{name} [{request_id.get()}]: {message}")


def reply(message: str) -> None:
    log(message)
    request_id.set("changed in the worker")  # changes the worker's copy only


def main() -> None:
    request_id.set("req-42")
    log("handling the request")
    context = contextvars.copy_context()  # a snapshot of main's variables
    worker = threading.Thread(
        target=context.run, args=(reply, "sending the reply"), name="worker"
    )
    worker.start()
    worker.join()
    log("the worker has finished")
    print(f"the copy now holds: {context[request_id]}")


if __name__ == "__main__":
    main()
