"""Broken on purpose: a report loops over a dict and a list while they change."""

import threading
from concurrent.futures import ThreadPoolExecutor


def report_readings(
    readings: dict[str, float], first_line: threading.Event, changed: threading.Event
) -> list[str]:
    lines = []
    for sensor, value in readings.items():
        lines.append(f"{sensor} = {value}")
        first_line.set()  # for the demo: the other thread changes the dict
        changed.wait()  # now, in the middle of this loop
    return lines


def add_reading(
    readings: dict[str, float], first_line: threading.Event, changed: threading.Event
) -> None:
    first_line.wait()
    readings["sensor-4"] = 19.5  # a new key: the dict grows
    changed.set()


def report_jobs(
    jobs: list[str], first_line: threading.Event, changed: threading.Event
) -> list[str]:
    lines = []
    for job in jobs:
        lines.append(job)
        first_line.set()  # for the demo: the other thread changes the list
        changed.wait()  # now, in the middle of this loop
    return lines


def finish_job(
    jobs: list[str], first_line: threading.Event, changed: threading.Event
) -> None:
    first_line.wait()
    jobs.remove("job-1")  # job-1 is done: every later job moves up one place
    changed.set()


def main() -> None:
    readings = {"sensor-1": 21.5, "sensor-2": 22.0, "sensor-3": 20.5}
    jobs = ["job-1", "job-2", "job-3", "job-4"]
    with ThreadPoolExecutor(max_workers=4) as pool:
        first_reading, reading_added = threading.Event(), threading.Event()
        first_job, job_removed = threading.Event(), threading.Event()
        pool.submit(add_reading, readings, first_reading, reading_added)
        pool.submit(finish_job, jobs, first_job, job_removed)
        readings_report = pool.submit(
            report_readings, readings, first_reading, reading_added
        )
        jobs_report = pool.submit(report_jobs, jobs, first_job, job_removed)
        try:
            print(f"dict: the report listed {readings_report.result()}")
        except RuntimeError as exc:
            print(f"dict: the report raised RuntimeError: {exc}")
        print(f"list: the report listed {jobs_report.result()}")


if __name__ == "__main__":
    main()
