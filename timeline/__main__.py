"""``python -m timeline``: the same command line as ``timeline``."""

from timeline.cli import main

if __name__ == "__main__":
    main()
