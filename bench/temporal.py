"""Placeholder: the temporal engine benchmark (issue 3)."""


def main() -> None:
    print("bench.temporal: not written yet")
