"""Behaviour the Threads page promises."""

import threading

from snippet_runner import snippet_output

from snippets.threads import io_bound_overlap, start_thread


def test_start_thread_runs_download_in_a_named_thread(monkeypatch, capsys):
    monkeypatch.setattr(start_thread, "TIME_SCALE", 0)
    seen = []
    real = start_thread.download

    def spy(url, retries=1):
        seen.append((threading.current_thread().name, url, retries))
        real(url, retries)

    monkeypatch.setattr(start_thread, "download", spy)
    start_thread.main()
    assert seen == [("downloader", "https://example.com/data.csv", 3)]
    assert capsys.readouterr().out.endswith("is_alive() is False\n")


def test_waits_overlap_instead_of_adding_up():
    """Three threads waiting 0.2 s each finish in well under 3 x 0.2 s."""
    run = snippet_output("threads/io_bound_overlap.py")
    assert run.stdout.startswith("['page 0', 'page 1', 'page 2']")
    # Measured directly, at a scale where thread start-up cost is negligible:
    import time

    io_bound_overlap.WAIT = 0.2
    results: dict[int, str] = {}
    threads = [
        threading.Thread(target=io_bound_overlap.fetch, args=(n, results))
        for n in range(3)
    ]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=5)
    elapsed = time.perf_counter() - start
    assert not any(t.is_alive() for t in threads)
    assert elapsed < 2 * 0.2, f"the waits did not overlap: {elapsed:.2f} s"
