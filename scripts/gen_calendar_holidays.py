"""Regenerate timeline/temporal/resources/calendar_holidays.yaml: the dates of holidays of the
lunar, lunisolar and Hebrew calendars (Lunar New Year, Diwali, Eid al-Fitr, Passover ...) for
1990-2040, from the `holidays` package (pip install holidays; not a runtime dependency).

    python scripts/gen_calendar_holidays.py > timeline/temporal/resources/calendar_holidays.yaml
"""

from __future__ import annotations

import sys
from datetime import date, timedelta

import holidays

YEARS = range(1990, 2041)
# our name -> (country, the holiday's name there); the first date of that name in the year
SOURCES: dict[str, tuple[str, str]] = {
    "lunar new year": ("CN", "Chinese New Year (Spring Festival)"),
    # (Hong Kong's table covers every year; mainland China's starts in 2008)
    "dragon boat festival": ("HK", "Dragon Boat Festival"),
    "chuseok": ("KR", "Chuseok"),
    "diwali": ("IN", "Diwali"),
    "holi": ("IN", "Holi"),
    "dussehra": ("IN", "Dussehra"),
    "janmashtami": ("IN", "Janmashtami (Vaishnava)"),
    "maha shivaratri": ("IN", "Maha Shivaratri"),
    "ram navami": ("IN", "Ram Navami"),
    "guru nanak jayanti": ("IN", "Guru Nanak's Birthday"),
    "nowruz": ("IR", "Nowruz"),
    "matariki": ("NZ", "Matariki"),
    "vesak": ("SG", "Vesak Day"),
    "rosh hashanah": ("IL", "Rosh Hashanah"),
    "yom kippur": ("IL", "Yom Kippur"),
    "passover": ("IL", "Pesach"),
    "purim": ("IL", "Purim"),
    # Tamil Nadu's Thai Pongal, Bali's Day of Silence, Bangladesh's Bengali New Year
    "pongal": ("IN-TN", "Pongal"),
    "nyepi": ("ID", "Day of Silence"),
    "pahela baishakh": ("BD", "Bengali New Year's Day"),
    "ganesh chaturthi": ("IN-MH", "Ganesh Chaturthi"),
    # Hong Kong's Chung Yeung (the Double Ninth) and Ching Ming (Qingming, the tomb-sweeping
    # day); Thailand's Loy Krathong (a workday there) and Makha Bucha
    "double ninth festival": ("HK", "Double Ninth Festival"),
    "qingming festival": ("HK", "Tomb-Sweeping Day"),
    "loy krathong": ("TH", "Loy Krathong"),
    "makha bucha": ("TH", "Makha Bucha"),
}
# other names of the same day; days counted from one ("the Lantern Festival" is the 15th day
# of the lunar year; Chuseok and the Mid-Autumn Festival are both the 15th of the 8th month)
ALIASES = {
    "chinese new year": "lunar new year",
    "chinese new year's day": "lunar new year",
    "lunar new year's day": "lunar new year",
    "spring festival": "lunar new year",
    # "the Jewish New Year", "the Persian new year": a calendar's own new year, not January 1
    "jewish new year": "rosh hashanah",
    "persian new year": "nowruz",
    "iranian new year": "nowruz",
    "korean new year": "lunar new year",
    "vietnamese new year": "lunar new year",
    "moon festival": "mid-autumn festival",
    "deepavali": "diwali",
    "dasara": "dussehra",
    "norouz": "nowruz",
    "novruz": "nowruz",
    "vijayadashami": "dussehra",
    "vijayadasami": "dussehra",
    "vijaya dashami": "dussehra",
    "eid ul-fitr": "eid al-fitr",
    "eid-ul-fitr": "eid al-fitr",
    "hari raya puasa": "eid al-fitr",
    "hari raya": "eid al-fitr",
    "hari raya aidilfitri": "eid al-fitr",
    "hari raya aidiladha": "eid al-adha",
    "rosh hashana": "rosh hashanah",
    "eid ul-adha": "eid al-adha",
    "eid-ul-adha": "eid al-adha",
    "hari raya haji": "eid al-adha",
    "bakrid": "eid al-adha",
    "bakri eid": "eid al-adha",
    "eid al adha": "eid al-adha",
    "eidul adha": "eid al-adha",
    "eidul azha": "eid al-adha",
    "eid ul azha": "eid al-adha",
    "eid-ul-azha": "eid al-adha",
    "eid-el-kabir": "eid al-adha",
    "eid al fitr": "eid al-fitr",
    "eidul fitr": "eid al-fitr",
    "eid-el-fitr": "eid al-fitr",
    # Lakshmi Puja is worshipped on Diwali's main day; Bhau Beej is Maharashtra's Bhai Dooj
    "lakshmi puja": "diwali",
    "laxmi puja": "diwali",
    "bhau beej": "bhai dooj",
    "vesak day": "vesak",
    "buddha purnima": "vesak",
    "pesach": "passover",
    "thai pongal": "pongal",
    "thiruvalluvar day": "mattu pongal",
    "pohela boishakh": "pahela baishakh",
    "pohela baishakh": "pahela baishakh",
    "pahela baisakh": "pahela baishakh",
    "bengali new year": "pahela baishakh",
    "bangla new year": "pahela baishakh",
    "hijri new year": "islamic new year",
    "awal muharram": "islamic new year",
    "mawlid al-nabi": "mawlid",
    "milad-un-nabi": "mawlid",
    "eid milad-un-nabi": "mawlid",
    "eid-e-milad-un-nabi": "mawlid",
    "day of arafat": "day of arafah",
    "arafat day": "day of arafah",
    "vinayaka chaturthi": "ganesh chaturthi",
    "chung yeung": "double ninth festival",
    "chung yeung festival": "double ninth festival",
    "chung yeung day": "double ninth festival",
    "double ninth": "double ninth festival",
    "qingming": "qingming festival",
    "ching ming": "qingming festival",
    "ching ming festival": "qingming festival",
    "tomb-sweeping day": "qingming festival",
    "tomb sweeping day": "qingming festival",
    "tuen ng": "dragon boat festival",
    "tuen ng festival": "dragon boat festival",
    "loi krathong": "loy krathong",
    "makha puja": "makha bucha",
    # Indonesia's and Malaysia's spellings
    "idul adha": "eid al-adha",
    "idul fitri": "eid al-fitr",
    "idul fitr": "eid al-fitr",
    "idulfitri": "eid al-fitr",
}
OFFSETS = {
    "lantern festival": ("lunar new year", 14),
    "chap goh meh": ("lunar new year", 14),
    "mid-autumn festival": ("chuseok", 0),
    "lunar new year's eve": ("lunar new year", -1),
    "chinese new year's eve": ("lunar new year", -1),
    # the days of the Diwali week around the main day
    "dhanteras": ("diwali", -2),
    "choti diwali": ("diwali", -1),
    "govardhan puja": ("diwali", 1),
    "bhai dooj": ("diwali", 2),
    # Ayudha Puja (Navami) is the day before Vijayadashami
    "ayudha puja": ("dussehra", -1),
    # the days of Pongal around Thai Pongal, and of Nyepi around the Day of Silence
    "bhogi": ("pongal", -1),
    "mattu pongal": ("pongal", 1),
    "kaanum pongal": ("pongal", 2),
    "pengerupukan": ("nyepi", -1),
    "ngembak geni": ("nyepi", 1),
    "day of arafah": ("eid al-adha", -1),
    # the tenth day after Ganesh Chaturthi, when the idols are immersed
    "anant chaturdashi": ("ganesh chaturthi", 10),
}


def first_dates(country: str, name: str, last: bool = False) -> dict[int, date]:
    """The first (or ``last``) date of ``name`` in each year, in ``country`` ("IN-TN": a
    subdivision's)."""
    country, _, subdiv = country.partition("-")
    out: dict[int, date] = {}
    for year in YEARS:
        try:
            # Purim is one of Israel's optional holidays, Loy Krathong a Thai workday
            categories = {"IL": ("public", "optional"), "TH": ("public", "workday")}.get(
                country, ("public",)
            )
            table = holidays.country_holidays(
                country, subdiv=subdiv or None, years=year, categories=categories
            )
        except (NotImplementedError, KeyError):
            continue
        # (two holidays on one day share an entry: "Double Ninth Festival; National Day")
        days = sorted(d for d, n in table.items() if name in n.split("; ") and d.year == year)
        if days:
            out[year] = days[-1] if last else days[0]
    return out


def islamic_dates(which: str) -> dict[int, date]:
    """The Eids by the Umm al-Qura calendar (Saudi Arabia's, which news mostly dates them by;
    Singapore's table, used before, runs a day late in some years: 2023's Eid al-Fitr was
    Friday, April 21)."""
    from holidays.calendars.islamic import _IslamicLunar

    calendar = _IslamicLunar()
    dates = getattr(calendar, f"{which}_dates")
    out: dict[int, date] = {}
    for year in YEARS:
        for found in dates(year):
            day = found[0] if isinstance(found, tuple) else found
            if day.year == year:
                out[year] = day
                break
    return out


def main() -> None:
    dates = {ours: first_dates(*source) for ours, source in SOURCES.items()}
    dates["eid al-fitr"] = islamic_dates("eid_al_fitr")
    dates["eid al-adha"] = islamic_dates("eid_al_adha")
    dates["islamic new year"] = islamic_dates("hijri_new_year")
    dates["mawlid"] = islamic_dates("mawlid")
    # Ashura, the 10th of Muharram, as Pakistan, Iran and Iraq mostly keep it: a day after the
    # Umm al-Qura date in most years (Pakistan's second day of Ashura)
    dates["ashura"] = first_dates("PK", "Ashura", last=True)
    for ours, (base, plus) in OFFSETS.items():
        dates[ours] = {y: d + timedelta(days=plus) for y, d in dates[base].items()}
    for name in sorted(dates):
        missing = [y for y in YEARS if y not in dates[name]]
        if missing:
            print(f"warning: {name} has no date in {missing}", file=sys.stderr)
    print("# Generated by scripts/gen_calendar_holidays.py from the `holidays` package: the date")
    print("# of each holiday of a lunar, lunisolar or Hebrew calendar, by year (MM-DD).")
    print("calendar_holidays:")
    for name in sorted(dates):
        days = ", ".join(f"{y}: {d:%m-%d}" for y, d in sorted(dates[name].items()))
        print(f"  {name}: {{{days}}}")
    print("aliases:")
    for alias, name in sorted(ALIASES.items()):
        print(f"  {alias}: {name}")


if __name__ == "__main__":
    main()
