"""BROKEN ON PURPOSE: map() gets one iterable for a function of two parameters.

Every call is thumbnail(image), one argument short: each task raises TypeError
before its body starts. No one reads the results, so nothing reports it, and
the `with` block ends normally.
"""

import concurrent.futures
import time


def thumbnail(image: str, width: int) -> str:
    print(f"making a {width} px thumbnail of {image}")
    time.sleep(1)  # stands in for a request to an image service
    return f"{image} at {width} px"


def main() -> None:
    images = ["cat.png", "dog.png", "owl.png"]
    with concurrent.futures.ThreadPoolExecutor(max_workers=3) as executor:
        results = executor.map(thumbnail, images)  # BUG: no widths; never read
    print("the with block ended normally")
    # The errors were in the results all along: reading one re-raises it.
    try:
        next(results)
    except TypeError as exc:
        print(f"reading the first result raises TypeError: {exc}")


if __name__ == "__main__":
    main()
