"""Value templates of the grammar rules.

A template is text with ``{...}`` slots filled from the rule's named groups:

* ``{g}``: the text of group ``g``;
* ``{fn:g}`` / ``{fn:g1,g2}``: normalizer ``fn`` applied to the groups' texts (a missing group
  gives ``None``); an argument ``=text`` is a constant (``{dur:=1,u}``);
* ``{...|default}``: used when the group did not match or the normalizer gave nothing.

A slot without a default that yields nothing rejects the match (e.g. ``April 31``).
The rendered string is a TIMEX3 value, possibly with placeholders the resolver fills in
(``XXXX-04-16``, ``XXXX-WXX-1``) or a relative form (``@week-1``: see the resolver).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

Normalizer = Callable[..., str | None]
_SLOT = re.compile(r"\{([^{}]*)\}")


@dataclass(frozen=True)
class Slot:
    fn: str | None
    args: tuple[str, ...]  # group names (prefixed) or "=constant"
    default: str | None


@dataclass(frozen=True)
class Template:
    """A parsed value template: literal strings interleaved with slots."""

    parts: tuple[str | Slot, ...]
    source: str

    @classmethod
    def parse(cls, text: str, prefix: str, groups: set[str], where: str) -> Template:
        """Parse ``text``; group names are checked against the rule's pattern.

        >>> Template.parse("XXXX-{month:m}", "", {"m"}, "x").functions()
        {'month'}
        """
        parts: list[str | Slot] = []
        last = 0
        for m in _SLOT.finditer(text):
            if m.start() > last:
                parts.append(text[last : m.start()])
            body, _, default = m.group(1).partition("|")
            fn, sep, args = body.partition(":")
            if not sep:
                fn, args = "", body
            names: list[str] = []
            for arg in args.split(","):
                arg = arg.strip()
                if arg.startswith("="):
                    names.append(arg)
                    continue
                full = prefix + arg
                if full not in groups:
                    from timeline.temporal.grammar import GrammarError

                    raise GrammarError(f"{where}: template {text!r} names no group {arg!r}")
                names.append(full)
            parts.append(
                Slot(fn.strip() or None, tuple(names), default if "|" in m.group(1) else None)
            )
            last = m.end()
        if last < len(text):
            parts.append(text[last:])
        return cls(tuple(parts), text)

    def functions(self) -> set[str]:
        return {p.fn for p in self.parts if isinstance(p, Slot) and p.fn}

    def render(self, match: re.Match[str], normalizers: Mapping[str, Normalizer]) -> str | None:
        """Fill the slots from ``match``; ``None`` when a required slot yields nothing."""
        out: list[str] = []
        for part in self.parts:
            if isinstance(part, str):
                out.append(part)
                continue
            texts = [a[1:] if a.startswith("=") else match.group(a) for a in part.args]
            if part.fn is None:
                result = texts[0]
            elif all(t is None for t in texts):
                result = None
            else:
                result = normalizers[part.fn](*texts)
            if result is None:
                if part.default is None:
                    return None
                result = part.default
            out.append(str(result))
        return "".join(out)
