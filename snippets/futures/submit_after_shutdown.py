"""After shutdown(), submit() raises RuntimeError."""

import concurrent.futures


def main() -> None:
    with concurrent.futures.ThreadPoolExecutor() as executor:
        print(
            f"inside the with block: 2 ** 10 = {executor.submit(pow, 2, 10).result()}"
        )
    try:
        executor.submit(pow, 2, 20)  # the with block called shutdown()
    except RuntimeError as exc:
        print(f"after it, submit() raised RuntimeError: {exc}")


if __name__ == "__main__":
    main()
