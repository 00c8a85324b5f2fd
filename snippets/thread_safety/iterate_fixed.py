"""The same reports, each looping over a copy taken under the writers' lock."""

import threading
from concurrent.futures import ThreadPoolExecutor


def report_readings(
    readings: dict[str, float],
    lock: threading.Lock,
    first_line: threading.Event,
    changed: threading.Event,
) -> list[str]:
    with lock:  # no writer can change the dict while we copy it
        snapshot = readings.copy()
    lines = []
    for sensor, value in snapshot.items():  # the loop runs outside the lock
        lines.append(f"{sensor} = {value}")
        first_line.set()  # the other thread changes the dict
        changed.wait()  # now, in the middle of this loop
    return lines


def add_reading(
    readings: dict[str, float],
    lock: threading.Lock,
    first_line: threading.Event,
    changed: threading.Event,
) -> None:
    first_line.wait()
    with lock:
        readings["sensor-4"] = 19.5
    changed.set()


def report_jobs(
    jobs: list[str],
    lock: threading.Lock,
    first_line: threading.Event,
    changed: threading.Event,
) -> list[str]:
    with lock:
        snapshot = jobs.copy()
    lines = []
    for job in snapshot:
        lines.append(job)
        first_line.set()  # the other thread changes the list
        changed.wait()  # now, in the middle of this loop
    return lines


def finish_job(
    jobs: list[str],
    lock: threading.Lock,
    first_line: threading.Event,
    changed: threading.Event,
) -> None:
    first_line.wait()
    with lock:
        jobs.remove("job-1")
    changed.set()


def main() -> None:
    readings = {"sensor-1": 21.5, "sensor-2": 22.0, "sensor-3": 20.5}
    jobs = ["job-1", "job-2", "job-3", "job-4"]
    readings_lock, jobs_lock = threading.Lock(), threading.Lock()
    with ThreadPoolExecutor(max_workers=4) as pool:
        first_reading, reading_added = threading.Event(), threading.Event()
        first_job, job_removed = threading.Event(), threading.Event()
        pool.submit(add_reading, readings, readings_lock, first_reading, reading_added)
        pool.submit(finish_job, jobs, jobs_lock, first_job, job_removed)
        readings_report = pool.submit(
            report_readings, readings, readings_lock, first_reading, reading_added
        )
        jobs_report = pool.submit(report_jobs, jobs, jobs_lock, first_job, job_removed)
        print(f"dict: the report listed {readings_report.result()}")
        print(f"list: the report listed {jobs_report.result()}")
    print(f"after the reports: {len(readings)} readings, jobs {jobs}")


if __name__ == "__main__":
    main()
