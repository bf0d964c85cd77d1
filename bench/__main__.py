"""`make bench`: run the benchmarks and print their figures.

    python -m bench            every benchmark
    python -m bench search     one of them

Each benchmark is a module of this package with a main() that prints its own
figures. They measure; they assert nothing.
"""

import importlib
import os
import sys

BENCHMARKS = ["pages", "search", "stats", "readership", "speed"]


def main(argv):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    names = argv or BENCHMARKS
    for name in names:
        try:
            module = importlib.import_module(f"bench.{name}")
        except ModuleNotFoundError:
            print(f"== {name}: not written yet")
            continue
        print(f"== {name}")
        module.main()


if __name__ == "__main__":
    main(sys.argv[1:])
