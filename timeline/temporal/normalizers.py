"""Normalizers the value templates call: small pure functions over the lexicon tables.

Each takes the matched text of one or more groups (``None`` when a group did not match) and
returns the normalized string, or ``None`` to reject the match (an impossible day, say).
Every lexicon table is also available as a normalizer of the same name (plain lookup).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from fractions import Fraction

from timeline.temporal.grammar import Grammar, Table, table_key
from timeline.temporal.resolver import MOVING_KEYS
from timeline.temporal.templates import Normalizer

# Duration letters of each unit (TIMEX3 / ISO 8601); decades and centuries become years.
_DURATION_UNIT = {
    "second": ("T", "S", 1),
    "minute": ("T", "M", 1),
    "hour": ("T", "H", 1),
    "day": ("", "D", 1),
    "week": ("", "W", 1),
    "fortnight": ("", "W", 2),
    "month": ("", "M", 1),
    "quarter": ("", "M", 3),  # "three quarters" P9M (TimeBank, blind sets 25 of 27)
    "year": ("", "Y", 1),
    "decade": ("", "Y", 10),
    "century": ("", "Y", 100),
    "millennium": ("", "Y", 1000),
}
# A fraction of a unit expressed in the next smaller one (2.5 years -> P2Y6M).
_SMALLER = {"year": ("month", 12), "month": ("day", 30), "day": ("hour", 24), "hour": ("minute", 60),
            "minute": ("second", 60), "week": ("day", 7), "decade": ("year", 10),
            "century": ("year", 100)}  # fmt: skip
_X_UNIT = {"decade": "E", "century": "C", "millennium": "L"}
_DIGITS = re.compile(r"^\d+(?:[.,]\d+)?$")
_SCALED = re.compile(r"^(a|one|\d+(?:\.\d+)?)\s+(thousand|million|billion)$")
_MIXED = re.compile(r"^(\d+)?\s*(\d+)\s*/\s*(\d+)$")


def build_normalizers(grammar: Grammar) -> dict[str, Normalizer]:
    """All normalizers, by name: the functions below plus one lookup per lexicon table."""
    tables = grammar.tables
    out: dict[str, Normalizer] = {}
    for name, table in tables.items():
        out[name] = _lookup(table)

    def number(text: str | None) -> Fraction | str | None:
        return parse_number(text, tables)

    def month(text: str | None) -> str | None:
        if text is None:
            return None
        if text.strip().isdigit():
            n = int(text)
            return f"{n:02d}" if 1 <= n <= 12 else None
        for name in ("month_name", "month_abbr"):
            value = tables[name].lookup(text)
            if value is not None:
                return f"{int(value):02d}"
        return None

    def weekday(text: str | None) -> str | None:
        for name in ("weekday_name", "weekday_abbr", "weekday_plural"):
            value = tables[name].lookup(text or "")
            if value is not None:
                return str(value)
        return None

    def ordinal(text: str | None) -> str | None:
        if text is None:
            return None
        digits = re.match(r"^(\d+)(?:st|nd|rd|th)?$", text.strip())
        if digits:
            return str(int(digits.group(1)))
        value = tables["ordinal_word"].lookup(text)
        return None if value is None else str(value)

    def days_into(text: str | None) -> str | None:
        """The days after the first an ordinal counts ("second" 1)."""
        n = ordinal(text)
        return None if n is None or int(n) < 1 else str(int(n) - 1)

    def weeks_in_days(n: str | None, start: str | None = None) -> str | None:
        """The days in ``n`` weeks, one more from tomorrow ("two", "tomorrow" -> "15")."""
        weeks = num(n)
        if weeks is None or not str(weeks).isdigit():
            return None
        return str(int(weeks) * 7 + (1 if table_key(start or "") == "tomorrow" else 0))

    def day(text: str | None) -> str | None:
        n = ordinal(text)
        if n is None:
            parsed = number(text)
            n = str(parsed) if isinstance(parsed, Fraction) and parsed.denominator == 1 else None
        if n is None or not 1 <= int(n) <= 31:
            return None
        return f"{int(n):02d}"

    def num(text: str | None, half: str | None = None) -> str | None:
        value = number(text)
        if value is None:
            return None
        if half and isinstance(value, Fraction):
            value += Fraction(1, 2)
        if isinstance(value, str):
            return value
        return str(value.numerator) if value.denominator == 1 else str(float(value))

    def dur(n: str | None, unit: str | None, half: str | None = None) -> str | None:
        if n is not None and table_key(n) == "other":
            amount: Fraction | str | None = Fraction(2)
        else:
            amount = number(n) if n is not None else Fraction(1)
        if half and isinstance(amount, Fraction):
            amount += Fraction(1, 2)
        name = tables["unit"].lookup(unit or "") or tables["unit_adj"].lookup(unit or "") or unit
        if half and amount == Fraction(3, 2) and name == "year":
            return "P18M"  # "a year and a half" is told in months (blind sets 9 of 10)
        if n is not None and not half and _DECIMAL.fullmatch(n.strip()):
            spec = _DURATION_UNIT.get(str(name))
            if spec is not None and spec[2] == 1:
                # "3.1 hours" keeps its decimal (PT3.1H), as TIMEX3 allows in the last unit
                return f"P{spec[0]}{n.strip()}{spec[1]}"
        return duration_value(amount, str(name))

    def dur_sum(*parts: str | None) -> str | None:
        """A length told in several units ("2 hours, 24 minutes" -> PT2H24M): the groups come in
        (amount, unit) pairs, largest unit first; a missing last pair is skipped."""
        pairs = zip(parts[::2], parts[1::2], strict=True)
        values = [dur(n, u) for n, u in pairs if n is not None]
        if not all(values):
            return None
        return sum_durations([v for v in values if v is not None])

    def race_seconds(minutes: str | None, seconds: str | None, fraction: str | None) -> str | None:
        """A race time with hundredths ("1:48.62" -> PT1M48.62S, "1:59.40" -> PT1M59.4S)."""
        if minutes is None or seconds is None:
            return None
        frac = (fraction or "").rstrip("0")
        secs = f"{int(seconds)}.{frac}" if frac else str(int(seconds))
        return f"PT{int(minutes)}M{secs}S" if int(minutes) else f"PT{secs}S"

    def year(text: str | None) -> str | None:
        if text is None:
            return None
        digits = re.sub(r"\D", "", text)
        if len(digits) == 4:
            return digits
        if len(digits) == 2:
            return ("19" if int(digits) >= 30 else "20") + digits
        return None

    def split_end(first: str | None, second: str | None) -> str | None:
        """The year a split period ends in ("2012", "13" -> "2013"; "1999", "00" -> "2000")."""
        if not first or not second or not first.isdigit() or not second.isdigit():
            return None
        end = int(first[:2] + second)
        end = end + 100 if end <= int(first) else end
        # a split period spans a year or a few ("2019-20", "2021-23"); "2014/06" is a month
        return str(end) if end - int(first) <= 5 else None

    def bc_year(text: str | None) -> str | None:
        """A year before Christ as TimeML writes it ("1000 BC" -> "BC1000", "44 BC" ->
        "BC0044")."""
        digits = re.sub(r"\D", "", text or "")
        return f"BC{int(digits):04d}" if digits and 0 < int(digits) < 10000 else None

    def ad_year(text: str | None) -> str | None:
        """A year of the Christian era as TimeML writes it ("AD 36" -> "0036")."""
        digits = re.sub(r"\D", "", text or "")
        return f"{int(digits):04d}" if digits and 0 < int(digits) < 10000 else None

    def spelled_year(text: str | None) -> str | None:
        return spelled_year_value(text, tables)

    def decade(text: str | None) -> str | None:
        if text is None:
            return None
        bare = re.sub(r"^the\s+", "", text.strip().lower())
        word = tables["decade_word"].lookup(bare)
        if word is not None:
            return f"19{word}"
        spelled = re.fullmatch(r"(eighteen|nineteen)[\s\-]+(\w+)", bare)
        if spelled and tables["decade_word"].lookup(spelled[2]) is not None:
            # "the nineteen seventies", "the eighteen forties"
            century = "18" if spelled[1] == "eighteen" else "19"
            return f"{century}{tables['decade_word'].lookup(spelled[2])}"
        digits = re.sub(r"\D", "", text)
        if len(digits) == 4:
            return digits[:3]
        if len(digits) == 2:
            return ("19" if int(digits) >= 30 else "20") + digits[0]
        return None

    def century(text: str | None) -> str | None:
        n = ordinal(text)
        if n is None:
            parsed = number(text)
            n = str(parsed) if isinstance(parsed, Fraction) and parsed.denominator == 1 else None
        if n is None or not 1 <= int(n) <= 30:
            return None
        return f"{int(n) - 1:02d}"

    def quarter(text: str | None) -> str | None:
        if table_key(text or "") in ("final", "last"):
            return "4"  # "the final quarter of this year"
        n = ordinal(text)
        return n if n in ("1", "2", "3", "4") else None

    def month_quarter(text: str | None) -> str | None:
        """The calendar quarter a month is in ("the June quarter" -> 2)."""
        m = month(text)
        return str((int(m) - 1) // 3 + 1) if m else None

    def month_half(text: str | None) -> str | None:
        """The half-year a month ends ("the December half" -> 2, "the June half" -> 1)."""
        m = month(text)
        return {"06": "1", "12": "2"}.get(m or "")

    def half(text: str | None) -> str | None:
        n = ordinal(text)
        return n if n in ("1", "2") else None

    def clock(hour: str | None, minute: str | None = None, ampm: str | None = None) -> str | None:
        return clock_value(hour, minute, ampm, tables)

    def range_start(
        hour: str | None, minute: str | None, end_hour: str | None, ampm: str | None
    ) -> str | None:
        """The start of a clock range told with one a.m./p.m. ("1 to 4 p.m." 13:00, "11 to 2
        p.m." 11:00, "9-11 a.m." 09:00, "10 to 2 a.m." 22:00): the same half of the day unless
        that puts it after the end."""
        if hour is None or end_hour is None or ampm is None:
            return None
        h, end = int(hour), int(end_hour)
        marker = re.sub(r"[^a-z]", "", ampm.lower())
        if marker.startswith("p") and h != 12 and h > end and end != 12:
            return clock_value(hour, minute, "am", tables)
        if marker.startswith("a") and h != 12 and h > end and end != 12 and h >= 6:
            # "between 10 and 2 a.m.", "from 11 to 3 a.m.": from the evening past midnight
            return clock_value(hour, minute, "pm", tables)
        return clock_value(hour, minute, ampm, tables)

    def night_clock(hour: str | None, minute: str | None = None) -> str | None:
        """A clock time told with "last night" or "tonight" and no a.m./p.m.: from 6 to 11 it
        is the evening's ("9:45 last night" 21:45); a small hour stays one."""
        if hour is None:
            return None
        parsed = int(hour) if hour.isdigit() else number_words(table_key(hour), tables)
        if parsed is None:
            return None  # ("six o'clock last night" is 18:00, as "6 last night" is)
        h = int(parsed)
        return clock_value(str(h), minute, "pm" if 6 <= h <= 11 else None, tables)

    def secs(text: str | None) -> str | None:
        """The seconds of a clock time ("6:14:07 a.m." -> ":07")."""
        return f":{int(text):02d}" if text and text.isdigit() and int(text) < 60 else None

    def spoken_clock(
        minutes: str | None, relation: str | None, hour: str | None, ampm: str | None = None
    ) -> str | None:
        """A clock told in words: "a quarter to one" 12:45, "half past nine" 09:30, "ten past
        six" 06:10 (twelve-hour when no a.m./p.m. or part of the day is told: "half past seven
        in the evening" is 19:30); "twenty to midnight" 23:40, "ten past noon" 12:10."""
        # midnight and noon name their half of the day, as a.m./p.m. would
        named = {"midnight": "24:00", "noon": "12:00", "midday": "12:00"}.get(
            table_key(hour) if hour else ""
        )
        if named == "24:00" and relation in ("past", "after"):
            named = "00:00"  # "ten past midnight" is the next day's first minutes
        base = named or clock_value(hour, None, ampm, tables)
        whole_day = named is not None or bool(ampm)
        if base is None or minutes is None or relation is None:
            return None
        key = table_key(minutes)
        if key.endswith("quarter"):
            n = 15
        elif key == "half":
            n = 30
        else:
            parsed = number_words(key, tables) if not key.isdigit() else Fraction(int(key))
            if parsed is None or not 1 <= parsed < 60:
                return None
            n = int(parsed)
        total = int(base[:2]) * 60 + (n if relation in ("past", "after") else -n)
        if whole_day:
            h, m = divmod(total % (24 * 60), 60)
            return f"{h:02d}:{m:02d}"
        h, m = divmod(total % (12 * 60), 60)
        return f"{h or 12:02d}:{m:02d}"

    def numdate(first: str | None, second: str | None, sep: str | None = None) -> str | None:
        """Month and day of a numeric date: 04/23 (US), 23/04 (day > 12), 23.04 and 23-04
        (European, South Asian and African papers: "due on 12-11-2024" is 12 November)."""
        if first is None or second is None:
            return None
        a, b = int(first), int(second)
        # US order unless the first number cannot be a month or the separator is European.
        if a > 12 >= b or (sep in (".", "-") and b <= 12):
            a, b = b, a
        if not (1 <= a <= 12 and 1 <= b <= 31):
            return None
        return f"{a:02d}-{b:02d}"

    def dmy(first: str | None, second: str | None) -> str | None:
        """Day-first numeric date (30-04-2013): month and day, swapping when the day is <= 12."""
        if first is None or second is None:
            return None
        d, m = int(first), int(second)
        if m > 12 >= d:
            d, m = m, d
        if not (1 <= m <= 12 and 1 <= d <= 31):
            return None
        return f"{m:02d}-{d:02d}"

    def holiday(text: str | None) -> str | None:
        key = table_key(text or "")
        spec = grammar.holidays.get(key)
        if spec is None and key.endswith("'s"):
            key += " day"  # "St Stephen's" (night) is St Stephen's Day's
            spec = grammar.holidays.get(key)
        if spec is None:
            return None
        if "date" in spec and not MOVING_KEYS & set(spec):
            return str(spec["date"])
        return "#" + key

    def mod(text: str | None) -> str | None:
        spec = grammar.modifiers.get(table_key(text or ""))
        return None if spec is None else str(spec["mod"])

    def times(text: str | None) -> str | None:
        key = table_key(text or "")
        if key in ("once",):
            return "1X"
        if key in ("twice",):
            return "2X"
        if key in ("thrice",):
            return "3X"
        value = number(re.sub(r"\s*times?$", "", key))
        if isinstance(value, Fraction) and value.denominator == 1:
            return f"{value.numerator}X"
        return None

    def halfword(text: str | None) -> str | None:
        key = table_key(text or "")
        return {
            "first": "1",
            "last": "2",
            "second": "2",
            "1st": "1",
            "2nd": "2",
            "front": "1",
            "back": "2",
        }.get(key)

    def halfmod(text: str | None) -> str | None:
        return "START" if table_key(text or "") == "first" else "END"

    def unit_pod(text: str | None) -> str | None:
        """The unit to step by: a part of day steps by days ("the following morning")."""
        key = table_key(text or "")
        if tables["part_of_day"].lookup(key) is not None:
            return "day"
        if key == "weekend":
            return "weekend"
        value = tables["unit"].lookup(key)
        return None if value is None else str(value)

    def pod_suffix(text: str | None) -> str | None:
        value = tables["part_of_day"].lookup(text or "")
        return None if value is None else f"T{value}"

    def sign(text: str | None) -> str | None:
        return {
            "before": "-",
            "after": "+",
            "earlier": "-",
            "later": "+",
            "following": "+",
            "next": "+",
            "preceding": "-",
            "previous": "-",
            "prior to": "-",
            "ahead of": "-",
        }.get(table_key(text or ""))

    def thislastnext(text: str | None) -> str | None:
        return {"this": "+0", "last": "-1", "next": "+1"}.get(table_key(text or ""))

    def frequency_value(text: str | None) -> str | None:
        value = tables["frequency"].lookup(text or "")
        if value is None:
            return None
        return f"XXXX-XX-XX{value}" if str(value).startswith("T") else str(value)

    def frequency_quant(text: str | None) -> str | None:
        first = table_key(text or "").split(" ")[0]
        return first.upper() if first in ("every", "each") else None

    def relday(text: str | None) -> str | None:
        return {"today": "+0", "tonight": "+0", "yesterday": "-1", "tomorrow": "+1"}.get(
            table_key(text or "")
        )

    def upper(text: str | None) -> str | None:
        return None if text is None else text.upper()

    def iso_week(text: str | None) -> str | None:
        """An ISO week number, two digits ("7" -> "07"; 1 to 53)."""
        if text is None or not text.isdigit() or not 1 <= int(text) <= 53:
            return None
        return f"{int(text):02d}"

    def negative(text: str | None) -> str | None:
        value = num(text)
        return None if value is None else f"-{value}"

    functions: dict[str, Callable[..., str | None]] = {
        "month": month,
        "weekday": weekday,
        "ordinal": ordinal,
        "days_into": days_into,
        "weeks_in_days": weeks_in_days,
        "day": day,
        "iso_week": iso_week,
        "num": num,
        "neg": negative,
        "dur": dur,
        "year": year,
        "bc_year": bc_year,
        "ad_year": ad_year,
        "split_end": split_end,
        "spelled_year": spelled_year,
        "decade": decade,
        "century": century,
        "quarter": quarter,
        "month_quarter": month_quarter,
        "month_half": month_half,
        "half": half,
        "clock": clock,
        "night_clock": night_clock,
        "spoken_clock": spoken_clock,
        "secs": secs,
        "range_start": range_start,
        "numdate": numdate,
        "dmy": dmy,
        "holiday": holiday,
        "mod": mod,
        "times": times,
        "upper": upper,
        "relday": relday,
        "halfword": halfword,
        "halfmod": halfmod,
        "unit_pod": unit_pod,
        "pod_suffix": pod_suffix,
        "sign": sign,
        "thislastnext": thislastnext,
        "frequency_value": frequency_value,
        "frequency_quant": frequency_quant,
        "dur_sum": dur_sum,
        "race_seconds": race_seconds,
    }
    out.update(functions)
    return out


def _lookup(table: Table) -> Normalizer:
    def lookup(text: str | None) -> str | None:
        value = table.lookup(text or "")
        return None if value is None else str(value)

    return lookup


# "two and a half", "six and three-quarter": the part added to the whole number
_AND_A_PART = {
    " and a half": Fraction(1, 2),
    " and one half": Fraction(1, 2),
    " and a quarter": Fraction(1, 4),
    " and three quarter": Fraction(3, 4),
    " and three quarters": Fraction(3, 4),
}


def parse_number(text: str | None, tables: dict[str, Table]) -> Fraction | str | None:
    """A number phrase as a Fraction, ``"X"`` for vague amounts, or ``None``.

    Handles digits (``14``, ``1,000``, ``2.5``, ``2 1/2``), words (``twenty-four``,
    ``a hundred``, ``two and a half``) and vague amounts (``several`` -> ``X``).
    """
    if text is None:
        return None
    key = table_key(text)
    if not key:
        return None
    half = False
    for tail, fraction in _AND_A_PART.items():
        if key.endswith(tail):
            half = True
            extra = fraction
            key = key[: -len(tail)].strip()
            break
    vague = tables["vague_amount"].values.get(key)
    if vague is not None:
        if vague == "X":
            return "X"
        base: Fraction | None = Fraction(str(vague))
    elif _DIGITS.match(key):
        base = Fraction(key.replace(",", ""))
    elif _SCALED.match(key):
        # "4.5 billion", "a million" (years of the Earth, not of the news)
        amount, scale = _SCALED.match(key).groups()  # type: ignore[union-attr]
        size = {"thousand": 10**3, "million": 10**6, "billion": 10**9}[scale]
        base = (Fraction(1) if amount in ("a", "one") else Fraction(amount)) * size
    elif _MIXED.match(key):
        whole, top, bottom = _MIXED.match(key).groups()  # type: ignore[union-attr]
        if int(bottom) == 0:
            return None
        base = Fraction(int(whole or 0)) + Fraction(int(top), int(bottom))
    else:
        base = number_words(key, tables)
    if base is None:
        return None
    return base + extra if half else base


def number_words(key: str, tables: dict[str, Table]) -> Fraction | None:
    total = 0
    current = 0
    seen = False
    for word in key.split():
        if word == "and":
            continue
        if word in ("a", "an", "one") and not seen:
            current = 1
            seen = True
            continue
        for name in ("ones", "teens", "tens"):
            value = tables[name].values.get(word)
            if value is not None:
                current += int(value)
                seen = True
                break
        else:
            scale = tables["scale"].values.get(word)
            if scale is None:
                return None
            current = max(current, 1) * int(scale)
            if scale >= 1000:
                total += current
                current = 0
            seen = True
    return Fraction(total + current) if seen else None


_DATE_LETTERS = "YMWD"
_TIME_LETTERS = "HMS"
_PART = re.compile(r"(\d+(?:\.\d+)?)([A-Z])")


def sum_durations(values: list[str]) -> str | None:
    """One TIMEX3 duration for lengths told unit by unit, largest first; None when a unit
    repeats, comes out of order or is vague.

    >>> sum_durations(["PT2H", "PT24M"]), sum_durations(["P1Y", "P6M"]), sum_durations(["P3D", "PT4H"])
    ('PT2H24M', 'P1Y6M', 'P3DT4H')
    >>> sum_durations(["PT24M", "PT2H"]), sum_durations(["PT4H", "P3D"]), sum_durations(["PXY", "P2M"])
    (None, None, None)
    """
    order = [*_DATE_LETTERS, *("T" + u for u in _TIME_LETTERS)]  # Y M W D TH TM TS
    parts: list[tuple[int, str]] = []
    for value in values:
        date_text, _, time_text = value[1:].partition("T")
        for text, prefix in ((date_text, ""), (time_text, "T")):
            pieces = _PART.findall(text)
            if "".join(n + u for n, u in pieces) != text:
                return None  # vague (X) or a fraction
            for n, u in pieces:
                if prefix + u not in order:
                    return None
                parts.append((order.index(prefix + u), n + u))
    ranks = [r for r, _ in parts]
    if ranks != sorted(set(ranks)):
        return None
    date_text = "".join(p for r, p in parts if r < len(_DATE_LETTERS))
    time_text = "".join(p for r, p in parts if r >= len(_DATE_LETTERS))
    return "P" + date_text + ("T" + time_text if time_text else "")


_DECIMAL = re.compile(r"[0-9]+\.[0-9]+")


def duration_value(amount: Fraction | str | None, unit: str) -> str | None:
    """TIMEX3 duration of ``amount`` units (``X`` when unknown).

    >>> duration_value(Fraction(5, 2), "year"), duration_value("X", "week"), duration_value(Fraction(2), "decade")
    ('P2Y6M', 'PXW', 'P20Y')
    """
    if unit not in _DURATION_UNIT or amount is None:
        return None
    time_part, letter, factor = _DURATION_UNIT[unit]
    if amount == "X":
        return f"P{time_part}X{_X_UNIT.get(unit, letter)}"
    assert isinstance(amount, Fraction)
    amount = amount * factor
    base = {"decade": "year", "century": "year", "millennium": "year", "fortnight": "week"}.get(
        unit, unit
    )
    whole = amount.numerator // amount.denominator
    rest = amount - whole
    out = f"{whole}{letter}" if whole else ""
    if rest:
        smaller = _SMALLER.get(base)
        if smaller is None:
            return f"P{time_part}{float(amount):g}{letter}"
        small_unit, ratio = smaller
        part = rest * ratio
        if part.denominator != 1:
            return f"P{time_part}{float(amount):g}{letter}"
        small_time, small_letter, _ = _DURATION_UNIT[small_unit]
        tail = f"{part.numerator}{small_letter}"
        if small_time and not time_part:
            return f"P{out}T{tail}"
        out += tail
    if not out:
        return None
    return f"P{time_part}{out}"


def spelled_year_value(text: str | None, tables: dict[str, Table]) -> str | None:
    """``nineteen ninety-six`` -> 1996, ``two thousand one`` -> 2001, ``twenty thirteen`` -> 2013."""
    if text is None:
        return None
    words = table_key(text).split()
    if "thousand" in words:
        value = number_words(" ".join(words), tables)
        return str(value) if value is not None and 1000 <= value <= 2999 else None
    for split in range(1, len(words)):
        head = number_words(" ".join(words[:split]), tables)
        tail = number_words(" ".join(words[split:]), tables)
        if head is not None and tail is not None and 10 <= head <= 29 and 0 < tail < 100:
            return f"{int(head)}{int(tail):02d}"
    return None


_CLOCK_WORDS = {"noon": (12, 0), "midday": (12, 0), "midnight": (24, 0)}


def clock_value(
    hour: str | None, minute: str | None, ampm: str | None, tables: dict[str, Table]
) -> str | None:
    """24-hour ``HH:MM`` of a clock time (``24:00`` for midnight, TimeML style)."""
    if hour is None:
        return None
    key = table_key(hour)
    if key in _CLOCK_WORDS:
        h, m = _CLOCK_WORDS[key]
        return f"{h:02d}:{m:02d}"
    if key.isdigit():
        h = int(key)
    else:
        parsed = number_words(key, tables)
        if parsed is None:
            return None
        h = int(parsed)
    m = int(minute) if minute and minute.isdigit() else 0
    if minute and re.fullmatch(r"[a-z\s\-]+", minute.lower()):
        # a spoken clock's minutes ("four-fifteen", "two-forty", "eight oh-five")
        words = table_key(minute).replace("oh ", "").replace("oh-", "")
        spoken = number_words(words, tables)
        if spoken is None or not 0 <= int(spoken) < 60:
            return None
        m = int(spoken)
    if ampm:
        marker = re.sub(r"[^a-z]", "", ampm.lower())
        if not 1 <= h <= 12:
            return None
        if marker in ("inthemorning", "thismorning"):
            h = 0 if h == 12 else h
        elif marker in (
            "intheafternoon",
            "intheevening",
            "atnight",
            "thisafternoon",
            "thisevening",
            "tonight",
        ):
            h = h + 12 if h < 12 else h
        elif marker == "morning":
            h = 0 if h == 12 else h
        elif marker in ("afternoon", "evening") or (marker == "night" and 6 <= h <= 11):
            h = h + 12 if h < 12 else h
        elif marker == "night":
            pass
        elif marker.startswith("p") and h != 12:
            h += 12
        elif marker.startswith("a") and h == 12:
            h = 0
    if not (0 <= h <= 24 and 0 <= m <= 59) or (h == 24 and m):
        return None
    return f"{h:02d}:{m:02d}"
