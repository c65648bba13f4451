"""Compile the rule tables (``resources/``) into the matcher the engine runs.

The grammar is data, HeidelTime and Duckling style:

* ``lexicon.yaml`` holds normalization tables (month names, units, number words ...). Each table
  is both a pattern macro (``%month_name`` matches any key) and a normalizer (``{month_name:g}``
  maps the matched phrase to its value).
* ``rules/macros.yaml`` holds shared macros (named regex pieces built from tables and macros);
  ``rules/<phenomenon>.yaml`` hold rules: ``pattern`` (a regex over lower-cased text, with
  ``%macros`` and named groups) -> ``value`` (a TIMEX3 template, see
  :mod:`timeline.temporal.templates`) plus a few options (type, dir, ref, grain, mod, quant,
  freq, timeml).

Each rule is compiled once. The matcher dispatches on the first two tokens at a position
(words, ``#`` for a number, signs): :func:`first_tokens` reads from the parsed regex which
tokens a rule can start with, so at any position only the few rules that can apply are tried.
Among them the longest match wins; on a tie, the rule listed first.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from timeline.temporal.templates import Template

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

RULE_FILES = ("time", "absolute", "relative", "duration", "set", "reference")
TYPES = ("DATE", "TIME", "DURATION", "SET")
RULE_KEYS = {
    "name",
    "unless_near",
    "only_near",
    "pattern",
    "type",
    "value",
    "dir",
    "ref",
    "grain",
    "mod",
    "quant",
    "freq",
    "timeml",
    "note",
    "extend",
    "update",
    "fallback",
    "past",
}
DIRS = (
    "tense",
    "tense_strict",
    "tense_past",
    "tense_future",
    "tense_this",
    "past",
    "future",
    "last",
    "last_far",
    "next",
    "next_far",
    "this",
    "nearest",
    "generic",
)
REFS = (
    "doc",
    "narrative",
    "period",
    "completed",
    "day",
    "anchor",
    "anchor_ahead",
    "anchor_back",
    "latest",
    "event",
    "scene",
    "story",
)

# A word boundary on lower-cased text (letters, digits) that also works after "a.m." or "Sept.".
_START = r"(?<![a-z0-9])"
_END = r"(?![a-z0-9])"
_MACRO = re.compile(r"%([a-z_][a-z0-9_]*)")


class GrammarError(ValueError):
    """A rule table that cannot be compiled (bad macro, bad regex, unknown option)."""


@dataclass
class Table:
    """A normalization table: phrase (lower case) -> value."""

    name: str
    values: dict[str, Any]
    title: frozenset[str] = frozenset()  # keys that must be capitalized in the text
    period: bool = False

    def lookup(self, phrase: str) -> Any:
        return self.values.get(table_key(phrase))


@lru_cache(maxsize=16384)
def table_key(phrase: str) -> str:
    """The lookup key of a matched phrase: lower case, one space, no trailing period.

    >>> table_key("Sept.")
    'sept'
    """
    key = re.sub(r"[\s\-]+", " ", phrase.lower().replace("’", "'")).strip()
    return key[:-1] if key.endswith(".") and key[:-1] else key


@dataclass
class Rule:
    """One compiled grammar rule."""

    index: int
    name: str
    type: str
    pattern: str
    value: Template
    dir: str = "tense"
    ref: str = "doc"
    grain: str | None = None
    mod: Template | None = None
    quant: Template | None = None
    freq: Template | None = None
    timeml: bool = True
    extend: bool = True
    update: bool = True
    fallback: Template | None = None
    past: Template | None = None  # the value when the clause is told in the past
    unless_near: str | None = None  # a table: no match when its sentence holds one of its words
    only_near: str | None = None  # a table: no match unless the text near it holds one of its words
    title_groups: list[str] = field(default_factory=list)
    first: frozenset[tuple[str, str]] | None = None  # (first, second) tokens; None: any
    source: str = ""
    _regex: re.Pattern[str] | None = None

    @property
    def regex(self) -> re.Pattern[str]:
        """The compiled pattern (compiled on first use: most texts need few rules)."""
        if self._regex is None:
            self._regex = re.compile(self.pattern)
        return self._regex


@dataclass
class Grammar:
    """Tables, rules and the dispatch the engine runs."""

    tables: dict[str, Table]
    rules: list[Rule]
    holidays: dict[str, dict]
    modifiers: dict[str, dict]
    # (first token, second token or "*") of a match -> rules, in file order
    dispatch: dict[tuple[str, str], list[Rule]]
    anywhere: list[Rule]
    starts: frozenset[str]  # every first token of the dispatch
    # every word a match can contain: where to stop looking back from a trigger
    vocabulary: frozenset[str]
    trigger: re.Pattern[str]
    title_triggers: frozenset[str]
    premodifier: re.Pattern[str]


def _phrase_regex(key: str, period: bool) -> str:
    parts = re.split(r"[\s\-]+", key)
    out = r"[\s\-]*".join(re.escape(p).replace("'", "['’]?").replace(r"\.", r"\.?") for p in parts)
    if period:
        out += r"\.?"
    return out


def _table_regex(table: Table, title: bool | None = None) -> str:
    """Alternation of the table's keys (longest first); ``title`` picks keys by case rule."""
    keys = sorted(table.values, key=len, reverse=True)
    if title is not None:
        keys = [k for k in keys if (k in table.title) == title]
    return "(?:" + "|".join(_phrase_regex(k, table.period) for k in keys) + ")"


def _expand(
    pattern: str,
    macros: dict[str, str],
    where: str,
    depth: int = 0,
    title: set[str] | None = None,
    groups: list[str] | None = None,
) -> str:
    """Expand %macros; tables in ``title`` get a fresh group each, named in ``groups``."""
    if depth > 12:
        raise GrammarError(f"{where}: macros nest too deeply (a cycle?)")

    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in macros:
            raise GrammarError(f"{where}: unknown macro %{name}")
        body = _expand(macros[name], macros, f"{where} > %{name}", depth + 1, title, groups)
        if title is not None and groups is not None and name in title:
            # Names that must be capitalized in the original text get a group to check it by.
            groups.append(f"_tc{len(groups) + 1}")
            return f"(?P<{groups[-1]}>{body})"
        return body

    return _MACRO.sub(sub, pattern)


class _Unknown(Exception):
    """The start of a pattern cannot be told (a wide class, a back reference ...)."""


_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz")
_DIGITS = frozenset("0123456789")
SIGNS = frozenset("'’©(")  # characters that are tokens of their own
ANY = "*"
_MAX_STATES = 50000

_NUMBER_SEPARATORS = frozenset(".,:/-")

# A state of the walk: (tokens done, partial token, separator). A partial token is "" (between
# tokens), a run of letters, or "#" (inside a run of digits). The separator is the one character
# seen since the last token ("." in 1.5), " " for anything else, or "".
_State = tuple[tuple[str, ...], str, str]


def first_tokens(parsed: Any) -> frozenset[tuple[str, str]] | None:
    r"""The (first, second) tokens a parsed pattern's matches can start with.

    Tokens are what the engine cuts text into: runs of letters, ``#`` for a run of digits, and
    the signs in :data:`SIGNS`; anything else separates tokens. A number right after a number
    is named by the separator between them (``.#`` in 1.5, ``:#`` in 10:35, `` #`` otherwise).
    ``*`` as second token means any (or none). ``None``: the start cannot be told, the rule is
    tried everywhere.

    >>> from re import _parser
    >>> sorted(first_tokens(_parser.parse(r"(?:the\s+)?(?:last|next)\s+week|[0-9]+")))
    [('#', '*'), ('last', 'week'), ('next', 'week'), ('the', 'last'), ('the', 'next')]
    """
    try:
        done, states = _walk(list(parsed), {((), "", "")})
    except _Unknown:
        return None
    for state in states:
        done |= _finish(state)
    if any(pair[0] == ANY for pair in done):
        return None
    return frozenset(done)


def second_token(first: str, separator: str, token: str) -> str:
    """The dispatch name of the token after ``first`` (see :func:`first_tokens`)."""
    if token == "#" and first == "#":
        return (separator if len(separator) == 1 and separator in _NUMBER_SEPARATORS else " ") + "#"
    return token


def _finish(state: _State) -> set[tuple[str, str]]:
    tokens, partial, sep = state
    tokens = _close(tokens, partial, sep)
    if not tokens:
        return {(ANY, ANY)}
    return {(tokens[0], tokens[1] if len(tokens) > 1 else ANY)}


def _close(tokens: tuple[str, ...], partial: str, sep: str) -> tuple[str, ...]:
    if not partial:
        return tokens
    if len(tokens) == 1:
        partial = second_token(tokens[0], sep, partial)
    return (*tokens, partial)


def _step(state: _State, ch: str) -> _State:
    tokens, partial, sep = state
    if ch in _WORD_CHARS:
        if partial == "#":
            return _close(tokens, "#", sep), ch, ""
        return tokens, partial + ch, sep
    if ch in _DIGITS:
        if partial == "#":
            return state
        if partial:
            return _close(tokens, partial, sep), "#", ""
        return tokens, "#", sep
    if partial:
        tokens = _close(tokens, partial, sep)
        sep = ""
    if ch in SIGNS:
        return _close(tokens, ch, sep), "", ""
    return tokens, "", (ch if not sep and ch in _NUMBER_SEPARATORS else " ")


def _representatives(chars: set[str]) -> set[str]:
    """One character per class that tokenizes alike: letters, signs and number separators
    stand for themselves, one digit for all digits, one space for other separators."""
    out = {c for c in chars if c in _WORD_CHARS or c in SIGNS or c in _NUMBER_SEPARATORS}
    if chars & _DIGITS:
        out.add("0")
    if any(
        c not in _WORD_CHARS and c not in SIGNS and c not in _DIGITS and c not in _NUMBER_SEPARATORS
        for c in chars
    ):
        out.add(" ")
    return out


def _advance(states: set[_State], chars: set[str]) -> tuple[set[tuple[str, str]], set[_State]]:
    done: set[tuple[str, str]] = set()
    out: set[_State] = set()
    chars = _representatives(chars)
    for state in states:
        for ch in chars:
            new = _step(state, ch)
            if len(new[0]) >= 2:
                done.add((new[0][0], new[0][1]))
            else:
                out.add(new)
    return done, out


def _walk(
    items: list, states: set[_State], groups: dict[int, list] | None = None
) -> tuple[set[tuple[str, str]], set[_State]]:
    groups = {} if groups is None else groups
    done: set[tuple[str, str]] = set()
    for op, av in items:
        if not states:
            break
        if len(states) > _MAX_STATES:
            raise _Unknown
        name = str(op)
        if name == "LITERAL":
            more, states = _advance(states, {chr(av)})
            done |= more
        elif name == "IN":
            chars = _charset(av)
            if chars is None or len(chars & _WORD_CHARS) > 6:
                # A wide class: the second token is unknown (or the first, which fails).
                for state in states:
                    if not state[0]:
                        raise _Unknown  # the first token itself is unknown
                    done.add((state[0][0], ANY))
                states = set()
                continue
            more, states = _advance(states, chars)
            done |= more
        elif name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue
        elif name == "SUBPATTERN":
            if av[0] is not None:
                groups[av[0]] = list(av[-1])
            more, states = _walk(list(av[-1]), states, groups)
            done |= more
        elif name == "GROUPREF" and av in groups:
            more, states = _walk(groups[av], states, groups)
            done |= more
        elif name == "BRANCH":
            new_states: set[_State] = set()
            for alt in av[1]:
                more, sub = _walk(list(alt), set(states), groups)
                done |= more
                new_states |= sub
            states = new_states
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, high, sub_items = av
            reachable = set(states) if low == 0 else set()
            current = states
            for count in range(1, min(high, 4) + 1):
                previous = current
                more, current = _walk(list(sub_items), current, groups)
                done |= more
                if count >= low:
                    reachable |= current
                if not current or (current == previous and count >= low):
                    break  # nothing left, or a fixed point (a run of spaces)
            else:
                # Long repeats: states that could still grow are cut to "second token: any".
                if high > 4 and current:
                    for state in current:
                        if not state[0] and state[1] not in ("", "#"):
                            raise _Unknown  # letters repeated: the first word is unknown
                        if state[0]:
                            done.add((state[0][0], ANY))
                        else:
                            reachable.add(state)
            states = reachable
        else:
            raise _Unknown
    return done, states


def _charset(items: list) -> set[str] | None:
    out: set[str] = set()
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            out.add(chr(av))
        elif name == "RANGE":
            lo, hi = av
            if hi - lo > 400:
                return None
            out.update(chr(c) for c in range(lo, hi + 1))
        elif name == "CATEGORY":
            cat = str(av)
            if cat == "CATEGORY_DIGIT":
                out.update("0123456789")
            elif cat == "CATEGORY_SPACE":
                out.update(" \t\n\r\f\v")
            else:
                return None
        else:
            return None
    return out


def _read_yaml(name: str) -> Any:
    text = resources.files("timeline.temporal").joinpath("resources", name).read_text("utf-8")
    return yaml.load(text, Loader=_Loader)


_STOP = {"the", "a", "an", "at", "of", "in", "for", "to", "as", "so", "this", "that", "and", "on"}
_TRIGGER_TABLES = (
    "month_name",
    "month_abbr",
    "weekday_name",
    "weekday_plural",
    "weekday_abbr",
    "unit",
    "unit_adj",
    "frequency",
    "season",
    "part_of_day",
    "decade_word",
    "ref_word",
)


def _trie(words: list[str]) -> str:
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


@cache
def load_grammar() -> Grammar:
    """Load and compile the packaged grammar once (cached).

    >>> g = load_grammar(); len(g.rules) > 50
    True
    """
    lexicon = _read_yaml("lexicon.yaml")
    tables: dict[str, Table] = {}
    for name, spec in lexicon["tables"].items():
        values = {table_key(str(k)): v for k, v in spec["values"].items()}
        title = spec.get("title") or []
        title_keys = set(values) if title == "all" else {table_key(str(k)) for k in title}
        if title_keys - set(values):
            raise GrammarError(
                f"lexicon.yaml: {name}: title keys {sorted(title_keys - set(values))}"
            )
        tables[name] = Table(name, values, frozenset(title_keys), bool(spec.get("period")))
    holidays = {table_key(k): v for k, v in lexicon.get("holidays", {}).items()}
    # holidays of lunar, lunisolar and Hebrew calendars: a date for each year
    calendar = _read_yaml("calendar_holidays.yaml")
    for name, by_year in calendar["calendar_holidays"].items():
        dates = {int(y): str(md) for y, md in by_year.items()}
        holidays[table_key(name)] = {"dates": dates, "title": True}  # proper names only
    for alias, name in calendar["aliases"].items():
        holidays[table_key(alias)] = holidays[table_key(name)]
    for name, spec in holidays.items():
        if "any_of" in spec:  # a name shared by several holidays: each one's own spec
            members = [holidays[table_key(member)] for member in spec["any_of"]]
            holidays[name] = {**spec, "any_of": members}
    tables["holiday"] = Table("holiday", {k: k for k in holidays})
    named = {table_key(str(k)): v for k, v in lexicon.get("named_dates", {}).items()}
    tables["named_date"] = Table("named_date", named)
    modifiers = {table_key(k): v for k, v in lexicon.get("modifiers", {}).items()}

    macros: dict[str, str] = {}
    title_macros: set[str] = set()
    for name, table in tables.items():
        if table.title:
            # The keys that must be capitalized get their own macro (a group checks the case).
            title_macros.add(f"{name}_title")
            macros[f"{name}_title"] = _table_regex(table, title=True)
            if len(table.title) < len(table.values):
                macros[name] = f"(?:%{name}_title|{_table_regex(table, title=False)})"
            else:
                macros[name] = f"%{name}_title"
        else:
            macros[name] = _table_regex(table)

    docs = {file: _read_yaml(f"rules/{file}.yaml") or {} for file in ("macros", *RULE_FILES)}
    extra_triggers: list[str] = []
    for file, doc in docs.items():
        for name, body in (doc.get("macros") or {}).items():
            if name in macros:
                raise GrammarError(f"rules/{file}.yaml: macro %{name} defined twice")
            macros[name] = str(body)
        extra_triggers += [str(t).lower() for t in doc.get("triggers") or []]
    cache = _AnalysisCache()
    rules: list[Rule] = []
    for file in RULE_FILES:
        for spec in docs[file].get("rules") or []:
            rules.append(_compile_rule(spec, len(rules), macros, title_macros, file, cache))
    cache.save()
    for rule in rules:
        for table in (rule.unless_near, rule.only_near):
            if table is not None and table not in tables:
                raise GrammarError(f"{rule.source}: rule {rule.name!r}: no table {table!r}")

    dispatch: dict[tuple[str, str], list[Rule]] = {}
    for rule in rules:
        for pair in rule.first or ():
            dispatch.setdefault(pair, []).append(rule)
    anywhere = [r for r in rules if r.first is None]
    vocabulary = frozenset(w for rule in rules for w in _words(rule.pattern))
    trigger, title_triggers = _build_trigger(tables, holidays, extra_triggers)
    # "the first Monday in October", "the last Friday of March": holidays made on the fly,
    # keyed nth<n>w<weekday>m<month> (n = -1 for the last one); not words of the text.
    for nth in (1, 2, 3, 4, 5, -1):
        for weekday in range(1, 8):
            for month in range(1, 13):
                spec = {"month": month, "weekday": weekday, "nth": nth}
                holidays[f"nth{nth}w{weekday}m{month:02d}"] = spec
    premod_keys = sorted(modifiers, key=len, reverse=True)
    premodifier = re.compile(
        r"(?<![a-z0-9])(?P<mod>"
        + "|".join(_phrase_regex(k, False) for k in premod_keys)
        + r")(?:\s+|\s*-\s*)\Z"
    )
    return Grammar(
        tables,
        rules,
        holidays,
        modifiers,
        dispatch,
        anywhere,
        frozenset(first for first, _ in dispatch) if not anywhere else _AnyToken(),
        vocabulary,
        trigger,
        title_triggers,
        premodifier,
    )


class _AnyToken(frozenset):
    """When some rule can start anywhere, every token is a start."""

    def __contains__(self, item: object) -> bool:
        return True


def _words(pattern: str) -> set[str]:
    """Words a pattern can match (a superset: every letter run of its text)."""
    text = re.sub(r"\(\?P<\w+>|\(\?P=\w+\)|\\[a-zA-Z]", " ", pattern)
    return set(re.findall(r"[a-z]+", text))


class _AnalysisCache:
    """Group names and first tokens of each pattern, kept on disk: reading them from the parsed
    regex takes a second or two, and the patterns seldom change. Keyed by the pattern text,
    so an edited rule is analysed again; any problem with the file means no cache."""

    def __init__(self) -> None:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        # The analysis code is part of the key: editing this module invalidates the cache.
        version = hashlib.sha1(Path(__file__).read_bytes()).hexdigest()[:12]
        self.path = Path(base) / "timeline" / f"grammar-analysis-{version}.json"
        self.entries: dict[str, list] = {}
        self.used: dict[str, list] = {}
        try:
            data = json.loads(self.path.read_text("utf-8"))
            if isinstance(data, dict):
                self.entries = data
        except (OSError, ValueError):
            pass

    def analyse(
        self, pattern: str, where: str
    ) -> tuple[set[str], frozenset[tuple[str, str]] | None]:
        key = hashlib.sha1(pattern.encode()).hexdigest()
        entry = self.entries.get(key)
        if entry is None:
            try:
                from re import _parser  # type: ignore[attr-defined]

                parsed = _parser.parse(pattern)
            except re.error as exc:
                raise GrammarError(f"{where}: bad pattern: {exc}") from None
            first = first_tokens(parsed)
            entry = [
                sorted(parsed.state.groupdict),
                None if first is None else sorted(list(p) for p in first),
            ]
        self.used[key] = entry
        groups, first_list = entry
        return set(groups), None if first_list is None else frozenset(map(tuple, first_list))

    def save(self) -> None:
        if self.used == self.entries:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps(self.used), "utf-8")
            os.replace(tmp, self.path)
            for old in self.path.parent.glob("grammar-analysis-*.json"):
                if old != self.path:
                    old.unlink(missing_ok=True)
        except OSError:
            pass


def _compile_rule(
    spec: dict,
    index: int,
    macros: dict[str, str],
    title_macros: set[str],
    file: str,
    cache: _AnalysisCache,
) -> Rule:
    where = f"rules/{file}.yaml: rule {spec.get('name', index)!r}"
    unknown = set(spec) - RULE_KEYS
    if unknown:
        raise GrammarError(f"{where}: unknown option(s) {sorted(unknown)}")
    for key in ("name", "pattern", "value"):
        if key not in spec:
            raise GrammarError(f"{where}: missing {key!r}")
    title_groups: list[str] = []
    body = _expand(str(spec["pattern"]), macros, where, 0, title_macros, title_groups)
    full = f"{_START}(?:{body}){_END}"
    groups, first = cache.analyse(full, where)
    kind = spec.get("type", "DATE")
    if kind not in TYPES:
        raise GrammarError(f"{where}: type must be one of {TYPES}")
    direction = spec.get("dir", "tense")
    if direction not in DIRS:
        raise GrammarError(f"{where}: dir must be one of {DIRS}")
    ref = spec.get("ref", "doc")
    if ref not in REFS:
        raise GrammarError(f"{where}: ref must be one of {REFS}")

    def template(key: str) -> Template | None:
        if not spec.get(key):
            return None
        return Template.parse(str(spec[key]), "", groups, where)

    return Rule(
        index=index,
        name=str(spec["name"]),
        type=kind,
        pattern=full,
        value=Template.parse(str(spec["value"]), "", groups, where),
        dir=direction,
        ref=ref,
        grain=spec.get("grain"),
        mod=template("mod"),
        quant=template("quant"),
        freq=template("freq"),
        timeml=bool(spec.get("timeml", True)),
        extend=bool(spec.get("extend", True)),
        update=bool(spec.get("update", True)),
        fallback=template("fallback"),
        past=template("past"),
        unless_near=spec.get("unless_near"),
        only_near=spec.get("only_near"),
        title_groups=title_groups,
        first=first,
        source=f"rules/{file}.yaml",
    )


# A number that can be (part of) a time: not money ($5), not a decimal (5.3 million, but
# 15.04.2013 is a date), not thousands (12,000), not a percentage.
# A number triggers unless it is an amount: a decimal (but "7.30pm" and "07.02 BST" are British
# clock times), a thousands group, a percentage.
_NUMBER_TRIGGER = (
    r"(?<![$€£¥.,0-9])[0-9]+"
    r"(?![0-9]|\.[0-9](?![0-9]\.)(?![0-9]\s*[ap]\.?\s?m(?![a-z]))"
    r"(?![0-9]\s+(?:gmt|bst|utc|cet|cest|msk|est|edt|cst|cdt|pst|pdt)\b)|,[0-9]{3}|\s*(?:%|percent))"
)

# A British 24-hour clock with a dot after a preposition of time ("at 17.52", "from 09.00").
# (The digits come first and the lookbehinds after them, so they run only at such digits.)
_DOTTED_CLOCK_TRIGGER = (
    r"(?:[01][0-9]|2[0-3])\.[0-5][0-9](?:"
    + "|".join(
        rf"(?<=\b{w} [0-9]{{2}}\.[0-9]{{2}})"
        for w in ("at", "by", "until", "from", "after", "before", "since", "about", "around")
    )
    + ")"
)


# An hour told in a word after a preposition of time ("at two", "by nine"): the word comes
# first and the lookbehinds after it, so they run only where such a word stands.
_HOUR_WORDS = (
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
)
_WORD_HOUR_TRIGGER = (
    "(?:"
    + "|".join(_HOUR_WORDS)
    + ")(?![a-z])(?:"
    + "|".join(
        rf"(?<=\b{p} {w})"
        for p in ("at", "by", "until", "till", "since", "about", "around", "before", "after")
        for w in _HOUR_WORDS
    )
    + ")"
)


def _build_trigger(
    tables: dict[str, Table], holidays: dict[str, dict], extra: list[str]
) -> tuple[re.Pattern[str], frozenset[str]]:
    words: set[str] = set(extra)
    title: set[str] = set()
    plain: set[str] = set(extra)
    for name in _TRIGGER_TABLES:
        table = tables[name]
        for key in table.values:
            # The head of a phrase is enough: "now" for "right now", "future" for "the future".
            word = re.split(r"[\s\-]+", key)[-1].strip(".'")
            if word and word not in _STOP and not word.isdigit():
                words.add(word)
                (title if key in table.title else plain).add(word)
    for key in holidays:
        parts = [re.sub(r"['’]s$", "", w).strip(".'") for w in re.split(r"[\s\-]+", key)]
        if not any(p in words for p in parts):
            words.add(max(parts, key=len))
            plain.add(max(parts, key=len))
    # Names (months, weekdays) only trigger when capitalized: "may", "sun", "march" are words.
    title -= plain
    signs = "".join(re.escape(w) for w in sorted(words) if len(w) == 1 and not w.isalnum())
    ordered = sorted(w for w in words if len(w) > 1 or w.isalnum())
    trigger = re.compile(
        r"(?<![a-z0-9])(?:"
        + _trie(ordered)
        + r")(?![a-z])|"
        + _NUMBER_TRIGGER
        + "|"
        + _DOTTED_CLOCK_TRIGGER
        + "|"
        + _WORD_HOUR_TRIGGER
        + (f"|[{signs}]" if signs else "")
    )
    return trigger, frozenset(title)
