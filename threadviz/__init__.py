"""Record what threads do, and draw it as a timeline.

`recorder` needs only the standard library: it provides stand-ins for the
`threading` and `queue` modules whose primitives record, for every thread, when
it ran, waited for a lock, held one, or was blocked on a queue, a barrier or an
event. `chart` draws the recorded timeline with matplotlib; `scenarios` runs
the site's own examples under the recorder; `measure` holds the workloads of
the "Measure it yourself" notebook.
"""
