"""A pool of three worker threads runs thumbnail() on every pair of inputs."""

import concurrent.futures
import time


def thumbnail(image: str, width: int) -> str:
    time.sleep(1)  # stands in for a request to an image service
    return f"{image} at {width} px"


def main() -> None:
    images = ["cat.png", "dog.png", "owl.png"]
    widths = [640, 320, 160]
    with concurrent.futures.ThreadPoolExecutor(max_workers=3) as executor:
        # One iterable per parameter: thumbnail("cat.png", 640), then
        # thumbnail("dog.png", 320), ... each on a worker thread.
        for result in executor.map(thumbnail, images, widths):
            print(result)  # in the order of the inputs, whichever finished first


if __name__ == "__main__":
    main()
