"""Three threads handle one request each; each sees only its own request."""

import threading
import time

# Each thread that sets current.user sets its own, and reads back only its own.
current = threading.local()


def render_page() -> str:
    time.sleep(0.1)  # query the database
    return f"the page for {current.user}"


def handle(user: str) -> None:
    current.user = user
    time.sleep(0.05)  # check the user's rights
    page = render_page()
    # One write per line: several threads may print at once.
    print(f"{user}: got {page}\n", end="")


def main() -> None:
    threads = [
        threading.Thread(target=handle, args=(user,)) for user in ["ada", "bo", "cy"]
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


if __name__ == "__main__":
    main()
