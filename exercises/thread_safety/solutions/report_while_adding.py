"""A report loops over a copy of the open sessions while new users log in."""

import threading
import time


def log_in(sessions: dict[str, str], users: list[str]) -> None:
    for user in users:
        time.sleep(0.1)  # check the password
        sessions[user] = "active"


def look_up(user: str) -> None:
    time.sleep(0.02)  # fetch the user's details for the report


def run_reports(sessions: dict[str, str], stop: threading.Event) -> None:
    while not stop.is_set():
        # The copy is one operation; the loop then runs over what it copied,
        # while log_in() goes on adding to the dict itself.
        for user in sessions.copy():
            look_up(user)


def main() -> None:
    sessions = {"ada": "active", "bo": "active"}
    stop = threading.Event()
    login = threading.Thread(target=log_in, args=(sessions, ["cy", "di", "ed"]))
    reporter = threading.Thread(target=run_reports, args=(sessions, stop))
    reporter.start()
    login.start()
    login.join()
    stop.set()
    reporter.join()
    print(f"{len(sessions)} sessions: {', '.join(sorted(sessions))}")


if __name__ == "__main__":
    main()
