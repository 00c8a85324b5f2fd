"""The two numbers that identify a thread: get_ident() and get_native_id()."""

import os
import threading


def show(who: str) -> None:
    print(
        f"{who}: get_ident() {threading.get_ident()}, "
        f"get_native_id() {threading.get_native_id()}"
    )


def main() -> None:
    print(f"process id: {os.getpid()}")
    show("main")
    worker = threading.Thread(target=show, args=("worker",))
    worker.start()
    worker.join()
    print(f"main: the worker's ident {worker.ident}, native_id {worker.native_id}")


if __name__ == "__main__":
    main()
