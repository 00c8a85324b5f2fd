"""Thread names, current_thread(), enumerate(), is_alive() and ident."""

import threading


def show_threads() -> None:
    me = threading.current_thread()  # the Thread object of the thread running this
    alive = [t.name for t in threading.enumerate()]  # every thread alive now
    print(f"{me.name}: is_alive() {me.is_alive()}, threads alive: {alive}")


def main() -> None:
    show_threads()  # called directly: it runs in the main thread
    unnamed = threading.Thread(target=show_threads)
    named = threading.Thread(target=show_threads, name="loader")
    for t in (unnamed, named):
        print(f"before start(): {t.name!r}, is_alive() {t.is_alive()}, ident {t.ident}")
        t.start()
        t.join()
        print(f"after join(): {t.name!r}, is_alive() {t.is_alive()}")


if __name__ == "__main__":
    main()
