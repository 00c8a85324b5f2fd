"""Exercises: broken programs for readers to fix, and a check of their answer.

    python -m exercises list
    python -m exercises check races/unsafe_counter.py [my_answer.py]

`<page>/<what_is_wrong>.py` is the program a reader starts from,
`<page>/solutions/<same name>.py` the reference solution, and `checks.py` holds
each exercise's behaviour check; `checking.py` runs an answer (see README.md,
"Exercises").
"""
