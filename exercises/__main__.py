"""python -m exercises list | check <page>/<name>.py [answer.py]"""

import argparse
import sys
from pathlib import Path

from exercises.checking import check_answer
from exercises.checks import EXERCISES


def main() -> int:
    parser = argparse.ArgumentParser(
        prog="python -m exercises",
        description="Check your answer to an exercise of the site.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("list", help="list the exercises")
    check = commands.add_parser("check", help="check an answer")
    check.add_argument("exercise", help="e.g. races/unsafe_counter.py")
    check.add_argument(
        "answer",
        nargs="?",
        type=Path,
        help="the file to check (default: the exercise's own file, as you edited it)",
    )
    args = parser.parse_args()
    if args.command == "list":
        for exercise in EXERCISES.values():
            print(f"{exercise.name:45} {exercise.level}")
        return 0
    chosen = EXERCISES.get(args.exercise.removeprefix("exercises/"))
    if chosen is None:
        print(f"no exercise named {args.exercise}; see: python -m exercises list")
        return 2
    verdict = check_answer(chosen, args.answer)
    print(verdict.message)
    return 0 if verdict.passed else 1


if __name__ == "__main__":
    sys.exit(main())
