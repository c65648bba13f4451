"""Tense and aspect cues from the clause around a mention (no parser: word lists, nearest cue wins).

Past: ``said``, ``was``, irregular past forms, ``-ed`` verbs, ``ago``. Future: ``will``,
``'ll``, ``is to``, ``is set to``, ``is likely to``, ``scheduled``, ``upcoming`` ...
The cue nearest to the mention inside its sentence decides; a modal in front of the mention
("will meet ... Tuesday") counts double against a reporting verb further away ("said").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

Tense = Literal["past", "future", "present"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_PAST = _words(
    "sued died tied lied owed eyed axed dyed "  # short -ed forms the length test skips
    "said told was were had did got went came made took gave met left found began fell rose "
    "won lost held brought thought saw sent spent sold paid led kept became ran shot spoke "
    "wrote struck fought caught taught bought built felt heard meant stood understood knew "
    "grew drew threw flew broke chose drove ate forgot froze hid rode rang sang sank swam tore "
    "wore woke bit blew dealt dug fed fled forgave hung laid lent lit slid sought spun stole "
    "stuck swept swore swung wept withdrew arose awoke bore overtook undertook upheld withheld "
    "sat beat bled bred clung crept forbade leapt mistook overcame overran overthrew rebuilt "
    "shook shone slew slept sped sprang strove thrust trod wove ago wasn't weren't didn't "
    "hadn't "
    # participles of the perfect ("have risen", "has fallen"); not "given", "known", "seen",
    # "done", which are prepositions or adjectives as often ("given the weather")
    "risen fallen taken gone written driven grown shown thrown flown drawn broken chosen "
    "spoken stolen frozen forgotten hidden ridden eaten beaten bitten shaken sworn torn "
    "arisen withdrawn begun sunk"
)
# -ed words that are seldom past-tense verbs.
_NOT_PAST = _words(
    "need red bed hundred speed feed seed shed breed proceed exceed succeed indeed united "
    "based related armed limited reed creed weed bleed greed steed wed sled shred naked "
    "wicked sacred kindred rugged ragged beloved alleged"
)
_FUTURE = _words(
    "will shall won't would upcoming forthcoming scheduled slated tomorrow next coming "
    "'ll ’ll gonna planned expected due should expect expects anticipate anticipates "
    "await awaits awaiting"
)
# Reporting verbs date the report, not the event: "said the vote is on Tuesday".
_REPORTING = _words("said says say told tells announced added noted reported stated according")
_REPORTED = _words("said told announced added noted reported stated")
REPORTING_VERBS = _REPORTING  # "Election officials said Monday": the date is the saying's
# Verbs of timetables in the present tense: "meet Monday", "opens Tuesday", "votes Sunday".
_SCHEDULED = _words(
    "meet meets begin begins start starts open opens resume resumes vote votes travel travels "
    "leave leaves arrive arrives visit visits convene convenes expire expires close closes "
    "launch launches play plays host hosts hold holds face faces return returns fly flies "
    "end ends reopen reopens debut debuts premiere premieres reports releases loom looms airs "
    "sails lands departs"
)
# Those of them seldom a noun or a state, which date a timetable from further away in the
# clause: "the Knicks play the Heat on Sunday", "the ceasefire expires at midnight Sunday".
_TIMETABLE = _words(
    "meet meets begin begins start starts open opens resume resumes convene convenes expire "
    "expires reopen reopens arrive arrives travel travels play plays host hosts debut debuts "
    "premiere premieres end ends go goes publish publishes leaves departs closes airs sails "
    "lands"
)
_MONTH_DAY = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b", re.IGNORECASE
)
_DATED_EVENT = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:elections?|midterms?|primary|primaries|runoff|deadline|vote|referendum|"
    r"summit|hearing|launch|opening|trial|sentencing|date|ballot|caucus(?:es)?)\b",
    re.IGNORECASE,
)
_UNTIL_WORDS = _words("until till through")
_RELATIVES = _words("that which who")
# Present verbs of what lasts to a deadline ("a bill that funds the government through ...").
_PRESENT_DEADLINE = _words(
    "funds extends keeps runs lasts covers continues remains stays suspends delays freezes allows"
)
_PRICES = _words("price prices level levels value values bell")
_QUOTE_CLOSED = re.compile(r"[,.!?][\"”]\s")
_PUSHED = _words(
    "extended extends extend postponed postpones pushed moved delayed rescheduled adjourned "
    "adjourns remanded over off"
)  # ("put over to Tuesday", "put off to Monday")
_FRONTING = _words("at in on during after before following over from")
# A preposition right before the mention: "until Tuesday", "by Jan. 14", "since Monday".
_FUTURE_PREPOSITIONS = _words("until till by through thru before")
# "<word> to" that announces the future: "is set to", "plans to", "is likely to".
_FUTURE_BEFORE_TO = _words(
    "going set due scheduled expected likely slated poised planned planning about plans plan "
    "intends intend aims aim hopes hope expects expect is are am was were has have need needs "
    "promised promise promises pledged pledge pledges vowed vow vows agreed agree agrees hoped "
    "decided decide decides threatened threaten threatens listed want wants told track"
)
# What an appeal wants to learn about, a time gone by: "police want to trace his movements
# between 10pm on Friday and 2am on Saturday", "want to hear from anyone who was there"
_INQUIRY = _words("trace hear speak talk know establish identify find understand learn question")
# Verbs a participle leans on after a modal ("will be paid", "will stay closed").
_STATE_VERBS = _words("be stay remain")
_DEGREE = _words("more less much")
# Prepositions before which a participle is an adjective ("at reduced speed").
_ADJECTIVE_AFTER = _words("at with")
_NOT = _words("not never")
# Words that start another clause after a mention ("on Saturday and would not leave").
_CLAUSE_JOINS = _words("and but or while whereas")
YEAR_DIGITS = re.compile(r"\b(?:1[0-9]|20)[0-9]{2}\b")  # a year written out ("2012", "1998")
# Words joining a day to today/tomorrow/yesterday ("today and Saturday", "today until Friday").
_JOINING = _words("and or through until till into")
# Verbs whose past is their base form, and the subjects that show it is the past.
_INVARIANT = _words(
    "forecast broadcast cut set put hit cost shut quit let bet spread upset split burst cast "
    "hurt beat"
)
_SINGULAR = _words("it he she")
_MODALS = _words("will would shall should must may might can cannot to 'll ’ll")
# ("that", "those" are pronouns as often: "bombs that killed three", "those arrested")
_DETERMINERS = _words("a an the his her its their our my your some any no every each")
# Words before a scheduled verb that leave the tense to the rest of the clause: an infinitive
# or a modal ("had been due to expire Friday"), or a determiner ("at the close Monday").
_NOT_SCHEDULE = _words("to will would") | _DETERMINERS
_ADVERBS = _words("still newly recently so very most more less long well widely")
_PRESENT_BE = _words("is are am i'm we're they're you're i’m we’re they’re you’re")
_PRESENT = _PRESENT_BE | _words("says say remains continues")
_TOKEN = re.compile(r"[a-z]+(?:['’][a-z]+)?|['’]ll", re.IGNORECASE)
# Words worth a closer look (everything _kind can say something about).
_CUE_ENDINGS = ("ed", "'ll", "’ll", "'d", "’d")
# Adverbs between "we'd" and its verb ("we'd never heard")
_D_ADVERBS = frozenset(["never", "already", "just", "not", "long", "always", "only"])
# A period after a lone letter ("a.m.", "U.S.", "John F. Kennedy") or a month or title
# abbreviation ("Sept. 30", "Gov. Brown") ends no sentence.
_ABBREVIATIONS = (
    "jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr gov sen rep gen col lt sgt "
    "st jr sr co corp inc ltd vs"
)
# The lookbehinds come after the period, so they run only where there is one (before it,
# they ran at every character: a third of the engine's time).
NOT_ABBREVIATION = "".join(
    rf"(?<!\b{w}\.)" for w in _ABBREVIATIONS.split() + [w.title() for w in _ABBREVIATIONS.split()]
)
# "a.m." and "p.m." end a sentence when a capital word that is not the clock's day or zone
# follows ("start at 9 a.m. The first day is Aug. 17"; "at 9 a.m. Sunday", "9 a.m. EDT" go on).
_CLOCK_SENTENCE_END = (
    r"|\.(?<=\b[ap]\.m\.)\s+(?=[\"“]?[A-Z])(?!(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|"
    r"May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|[ECMP][SD]?T|GMT|UTC|BST|Eastern|Central|Mountain|Pacific|"
    r"Atlantic|Local|Tomorrow|Today|Tonight)[a-z]*\b)"
)
_SENTENCE_END = re.compile(
    rf"\.(?<![\s.][A-Za-z]\.){NOT_ABBREVIATION}[\"'”’)]*\s|[!?][\"'”’)]*\s|\n\s*\n|;\s"
    + _CLOCK_SENTENCE_END
)
_WINDOW = 150
_UNIT_AFTER = [[w] for w in ("morning", "afternoon", "evening", "night", "day", "week", "weekend")]


def _kind(tokens: list[str], i: int) -> Tense | None:
    word = tokens[i]
    if word in _REPORTING:
        return None
    if (
        word.endswith("ed")
        and i > 0
        and tokens[i - 1] in _PREPOSITION_BEFORE_ADJECTIVE
        and i + 1 < len(tokens)
        and tokens[i + 1].endswith("s")
        and tokens[i + 1] not in _NOT_A_NOUN
    ):
        return None  # an adjective: "a webinar for affected customers", "of injured workers"
    if word in _FUTURE and word.endswith("ed") and _after_determiner(tokens, i):
        return None  # an adjective: "the hastily planned trip", "the expected ruling"
    if word == "next" and tokens[i + 1 : i + 2] == ["to"]:
        return None  # a preposition: "the blasts next to the embassies"
    if word == "next" and i > 0 and tokens[i - 1] == "the" and tokens[i + 1 : i + 2] in _UNIT_AFTER:
        return None  # a day told from another: "until about 6 the next morning"
    if word in _PLAN_NOW:
        # "they plan a memorial service Saturday" (not "the plan", "vacation plans for")
        verb = (
            not _after_determiner(tokens, i)
            and tokens[i + 1 : i + 2]
            and (tokens[i + 1] in _DETERMINERS)
        )
        return "future" if verb else None
    if (
        word in _CALLED
        and tokens[i + 1 : i + 2] == ["for"]
        and _EVENT_NOUNS & set(tokens[i + 2 : i + 6])
    ):
        return "future"  # "called for a general strike Monday": what is called for
    if word.endswith(("'d", "’d")):
        # "she'd be home on Tuesday" is "would"; "he'd left on Tuesday" is "had"
        j = i + 1
        while j < len(tokens) and tokens[j] in _D_ADVERBS:
            j += 1  # "we'd never heard of", "she'd already left"
        follower = tokens[j] if j < len(tokens) else ""
        if follower == "been" or _kind([follower], 0) == "past":
            return "past"
        return "future" if follower and follower not in _PERFECT_AUX else None
    if word in _FUTURE or word.endswith(("'ll", "’ll")):
        # "had been scheduled to", "was expected", "had expected" look back from the past
        if i >= 2 and tokens[i - 1] == "been" and tokens[i - 2] == "had":
            return "past"
        if i >= 1 and tokens[i - 1] in _PERFECT and word.endswith("ed"):
            return "past"
        if word == "due" and i >= 1 and tokens[i - 1] in ("was", "were"):
            return None  # "a result that was due at 6 p.m. Sunday": the clause tells
        return "future"
    if word in _PREDICTING and not _after_determiner(tokens, i):
        if i >= 1 and tokens[i - 1] == "had":
            return "past"  # "it had forecast 28 percent on Monday": a forecast made before
        return "future"  # "predicted a record fourth quarter": what is foreseen lies ahead
    if word in _POSSIBLE:
        # "lows could dip Thursday", "the vote may come Tuesday" look ahead; "could not be
        # reached Monday", "may have left Sunday" look back
        if i >= 2 and tokens[i - 2] in _RELATIVE_WORDS and tokens[i - 1] in _PRONOUNS:
            return None  # "left with what we could carry on Thursday": a clause of its own
        follower = tokens[i + 1 : i + 2]
        rest = tokens[i + 2 : i + 4] if follower and follower[0] in _NOT else tokens[i + 1 : i + 3]
        if (
            rest[:1] == ["have"]
            and len(rest) > 1
            and not _participle(rest[1])
            and rest[1] != "been"
        ):
            # "may not have power back until Friday": "have" owns something, no perfect
            return "future"
        return None if not follower or follower[0] in _NOT | _PERFECT_AUX else "future"
    if word == "to" and tokens[i + 1 : i + 2] == ["blame"]:
        return None  # "was to blame for the crash on Monday"
    if (
        word == "to"
        and i > 0
        and tokens[i - 1] in ("want", "wants")
        and tokens[i + 1 : i + 2]
        and tokens[i + 1] in _INQUIRY
    ):
        return None  # "police want to trace his movements on Friday": what they ask about
    if word == "to" and i > 0 and tokens[i - 1] in _FUTURE_BEFORE_TO:
        # "had been due to expire Friday": a plan seen from the past, and past now
        if tokens[max(0, i - 3) : i - 1] == ["had", "been"] or tokens[i - 2 : i - 1] == ["had"]:
            return "past"  # "had planned to hold the vote on Thursday": a plan given up
        return "future"
    if word == "to" and i > 2 and tokens[i - 1] in _DATE_WORDS:
        # "agreed on Jan. 30 to ban imports": the date of the agreeing stands between
        j = i - 1
        while j > 0 and tokens[j] in _DATE_WORDS:
            j -= 1
        if tokens[j] in _FUTURE_BEFORE_TO - _BE_FORMS and tokens[j - 1 : j] != ["had"]:
            return "future"
    if word == "for" and i > 0 and tokens[i - 1] in _EVENT_FOR:
        return "future"  # "organized a vigil for 6 p.m. Sunday", "a hearing for Friday"
    if (
        word in ("from", "starting", "beginning")
        and i > 0
        and tokens[i - 1] in _STOPPAGES
        and any(t in _CALLING for t in tokens[max(0, i - 6) : i - 1])
    ):
        return "future"  # "called a 48-hour strike from 6 a.m. on Thursday": a stoppage to come
    if word == "for" and any(
        tokens[j] in _EVENT_FOR and tokens[j + 1] in ("at", "in", "outside", "near")
        for j in range(max(0, i - 6), i - 2)
    ):
        return "future"  # "organized a vigil at the Grange for 8 p.m. Wednesday"
    if word == "for" and i > 2 and tokens[i - 3] in _PLANNED_FOR and tokens[i - 2] in _DETERMINERS:
        return "future"  # "scheduled a hearing for June 5"
    if word == "for" and i > 1 and tokens[i - 2] in _PLANNED_FOR and tokens[i - 1] not in _NOT:
        return "future"  # "set sentencing for June 5"
    if word == "for" and i > 0 and tokens[i - 1] in _PLANNED_FOR:
        # "is set for Friday", "surgeries booked for Tuesday", "operations planned for Monday"
        before = tokens[max(0, i - 4) : i - 1]
        if before[-2:] in (["has", "been"], ["have", "been"]):
            return "future"  # "a hearing has been set for 27 September": a plan still standing
        if (_BE_PAST | {"been", "originally", "initially", "previously"}) & set(before):
            # "was (had been) originally set for March 24", "elections, originally set for
            # March 3": a plan in the past
            return None
        return "future"
    participle = _participle(word)
    if participle and _perfect_infinitive_ahead(tokens, i):
        return "future"  # "hope to have the fire contained by Monday"
    # "be fully restored", "be more settled"
    k = i - 2 if i > 1 and (tokens[i - 1].endswith("ly") or tokens[i - 1] in _DEGREE) else i - 1
    if participle and k > 0 and tokens[k] in _STATE_VERBS:
        # "will be paid Dec. 14", "to be completed by Nov. 1", "will stay closed", "may not be
        # allowed home until the weekend", "might not be fully restored until Wednesday"
        j = k - 1
        while (
            j > 0
            and j >= k - 2
            and (tokens[j] in _NOT or tokens[j] in _MODAL_ADVERBS or tokens[j].endswith("ly"))
        ):
            j -= 1  # "may not be allowed", "would probably be rested"
        if j >= 0 and (
            tokens[j] in _MODALS or (tokens[j] == "could" and not _NOT & set(tokens[j + 1 : k]))
        ):
            # "could be announced before Christmas" (but "could not be reached Monday" is a
            # try that failed)
            return "future"
    if (
        word in _BE_PAST
        and tokens[i + 1 : i + 2]
        and tokens[i + 1] in _PLANNING
        and (tokens[i + 1] != "set" or tokens[i + 2 : i + 3] in (["to"], ["for"]))
    ):
        # "were planning to drive around the airport on Monday" (but "the fire was set
        # deliberately late Tuesday night" is a deed)
        return "future"
    if word in _PAST:
        if i > 0 and (tokens[i - 1] in _DETERMINERS or tokens[i - 1] == "another"):
            return None  # a noun: "gets another shot", "a bid", "the left"
        return "past"
    if word in _INVARIANT and i > 0 and tokens[i - 1] in _SINGULAR:
        return "past"  # "it forecast in July", "she cut", "he set": the present would be "-s"
    if participle:
        if _after_determiner(tokens, i):
            return None  # an adjective: "a still unspecified date", "the revised plan"
        if i > 0 and tokens[i - 1] in _ADJECTIVE_AFTER:
            return None  # an adjective: "run at reduced speed", "with added security"
        if i > 0 and tokens[i - 1] in _PRESENT_BE:
            return "present"  # "I'm worried about Saturday", "the road is closed"
        if i > 0 and tokens[i - 1].endswith(("'s", "’s")) and word in _STATE_PARTICIPLES:
            return "present"  # "what's closed over the weekend" ("he's left" is "has")
        return "past"
    if word in _PRESENT and not (i + 1 < len(tokens) and tokens[i + 1] == "to"):
        if tokens[i + 1 : i + 2] and tokens[i + 1] in _FUTURE | _PLANNING:
            return None  # "is expected to", "are due": the next word tells
        return "present"
    return None


def _perfect_infinitive_ahead(tokens: list[str], i: int) -> bool:
    """True when the participle ``tokens[i]`` completes a perfect infinitive of a plan or hope
    ("hope to have the fire contained", "expects to have finished"), which lies ahead; "was
    believed to have fled" and "was to have landed" do not.

    >>> _perfect_infinitive_ahead("they hope to have the fire contained".split(), 6)
    True
    >>> _perfect_infinitive_ahead("he is believed to have fled".split(), 5)
    False
    """
    for j in range(max(2, i - 6), i):
        if tokens[j] == "have" and tokens[j - 1] == "to":
            return tokens[j - 2] in _FUTURE_BEFORE_TO - _BE_FORMS
    return False


def _prefixed_past(word: str) -> bool:
    """True for an irregular past form with a prefix ("repaid", "rebuilt", "overtook" is listed;
    "outran", "undersold", "mistook" are made here).

    >>> _prefixed_past("repaid"), _prefixed_past("outran"), _prefixed_past("repair")
    (True, True, False)
    """
    return any(word.startswith(p) and word[len(p) :] in _PAST for p in _PAST_PREFIXES)


_PREPOSITION_BEFORE_ADJECTIVE = _words("for to of with from among about between")
_NOT_A_NOUN = _words("is was has as its this his us")


def _after_determiner(tokens: list[str], i: int) -> bool:
    """True when ``tokens[i]`` follows a determiner, maybe with an adverb between ("the revised
    plan", "a still unspecified date", "the hastily planned trip"): an adjective, not a verb."""
    before = tokens[i - 1] if i > 0 else ""
    if before in _DETERMINERS:
        return True
    adverb = before in _ADVERBS or (len(before) > 4 and before.endswith("ly"))
    return adverb and i > 1 and tokens[i - 2] in _DETERMINERS


_COUNT_OR_NAME_FALLS = re.compile(
    r"(?:\b(?:two|three|four|five|six|several|many|more|few|[0-9]+)\s+falls|Falls)\s+on\s+\Z"
)
_FORECAST_ADJECTIVES = _words(
    "first second third latest last next new own official initial revised updated final annual "
    "monthly quarterly weekly daily seasonal"
)


def _forecast_noun(words: list[str], i: int) -> bool:
    """True when the prediction word ``words[i]`` is a noun: after a determiner, or after one
    and an adjective of forecasts ("its forecast", "its first forecast").

    >>> _forecast_noun("will issue its first forecast".split(), 4)
    True
    >>> _forecast_noun("officials forecast on".split(), 1)
    False
    """
    if i > 0 and words[i - 1] in _DETERMINERS:
        return True
    return i > 1 and words[i - 1] in _FORECAST_ADJECTIVES and words[i - 2] in _DETERMINERS


# A month or weekday that "since" took before the mention: "since April just before the Labor
# Day weekend" (the weekend is not what "since" counts from).
_SINCE_TOOK = re.compile(
    r"\bsince\s+(?:(?:early|mid|late)[\s\-]+)?(?:january|february|march|april|may|june|july|"
    r"august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b\.?\s+\S"
)


def adjacent_tense(text: str, start: int) -> Tense | None:
    """A cue right before the mention that fixes its direction outright: a verb ("ended June
    30", "killed Sunday") or "since" ("since January").

    >>> adjacent_tense("Shares have doubled since January.", 26)
    'past'
    """
    begin = max(0, start - 40)
    for cut in _CLAUSE_END.finditer(text, begin, start):
        begin = cut.end()  # '... she said.\n\nOn Monday, Marsh will be sworn in': not said then
    before = _lower(text[begin:start])
    words = _WORD.findall(before)
    if not words:
        return None
    since = before.rfind("since")
    if (
        "since" in words[-4:]
        and not YEAR_DIGITS.search(before, since)
        and not _SINCE_TOOK.search(before, since)
    ):
        # "since shortly after the Oct. 23 slaying" (but "its first budget since 2009 on
        # Friday": the year is what "since" took)
        return "past"
    if words[-1] == "to" and len(words) > 1 and words[-2] in _PERIOD_NOUNS:
        return "past"  # "in the 12 months to June", "the year to March": a period reported on
    if (
        words[-3:-1] == ["end", "of"]
        and len(words) > 4
        and words[-4] == "to"
        and words[-5] in _PERIOD_NOUNS
    ):
        return "past"  # "the year to the end of June"
    if words[-1] in _PREDICTING and _FORECAST_PERIOD.match(text, start):
        return "future"  # "forecast fourth-quarter revenue": the period is what is foreseen
    predicting = next(
        (k for k in (len(words) - 1, len(words) - 2) if k >= 0 and words[k] in _PREDICTING), None
    )
    if (
        predicting is not None
        and (predicting == len(words) - 1 or words[-1] in ("on", "in"))
        and not _forecast_noun(words, predicting)
    ):
        # "Cuba predicted Wednesday": the day of the prediction (but "will issue its first
        # forecast on April 26" is a noun, which leaves the tense to the clause)
        return "past"
    if len(words) >= 6 and words[-6] in _REPORTED and words[-5] in _PLACE_OF_SAYING:
        return "past"  # "said in a telephone interview on Monday night"
    for k in range(len(words) - 1, max(-1, len(words) - 6), -1):
        word = words[k]
        # "said Monday that it will bid", "told a news conference on Tuesday": the day is
        # when it was said
        if word in _REPORTED:
            if (
                k == len(words) - 2
                and words[-1] == "that"
                and _CLAUSE_VERB_AFTER.match(text, start)
            ):
                return None  # "noted that Christmas falls on a Thursday": the clause tells it
            if k >= 2 and words[k - 1] == "be" and words[k - 2] in _MODALS_AHEAD | _MAY | {"to"}:
                # "nominations will be announced July 12", "a deal could be announced before
                # Christmas": a saying to come
                return "future"
            return "past"
        if word in _CUE_WORDS or word.endswith(_CUE_ENDINGS) or word in _STARTING:
            break  # ("said that beginning March 1, apps will pay": the day is what begins)
    if (
        len(words) > 2
        and words[-1] in _UNTIL_WORDS
        and words[-2] in ("runs", "lasts")
        and words[-3] not in _NOT_SCHEDULE | _NOT
    ):
        return "future"  # "the ban runs through March 31": a season still on ("did not run")
    if _will_before(words):
        return "future"  # "will face court on Tuesday", "will miss Saturday's trip"
    if words[-1] in _REPORTING or words[-1] in _FUTURE_PREPOSITIONS:
        return None
    # "the Senate votes on Tuesday", "the ministers meet again Monday": an adverb or "on"
    # between the timetable verb and the day
    skip = len(words) > 1 and (words[-1].endswith("ly") or words[-1] in _VERB_LINKS)
    verb = words[-2] if skip else words[-1]
    # the word before the verb, numbers included ("The 10K starts": not "the starts")
    raw = _RAW_WORD.findall(before)
    before = raw[-3:-2] if skip else raw[-2:-1]
    ahead_of = raw[-4:-3] if skip else raw[-3:-2]
    # "their trading debut on Thursday", "the market close Friday": a noun phrase
    further = raw[-5:-4] if skip else raw[-4:-3]
    noun_phrase = bool(ahead_of and before) and (
        _noun_after_determiner([*further, ahead_of[0], before[0], verb], 2 + len(further))
        # "the coast guard suspended sea travel on Friday": the object of a past verb
        or _object_of_past_verb([ahead_of[0], before[0], verb], 2)
    )
    if (
        words[-2:] == ["falls", "on"]
        and not (before and before[0] in _NOT_SCHEDULE)
        and not _COUNT_OR_NAME_FALLS.search(text, max(0, start - 40), start)
    ):
        # "Halloween, which falls on Wednesday", "the vote falls on Nov. 3": a calendar's
        # timetable (not "two falls on Saturday", "Niagara Falls on Sunday")
        return "future"
    if (
        verb in _SCHEDULED
        and not (before and (before[0] in _NOT_SCHEDULE or _modifies_noun(before[0])))
        and not noun_phrase
        and not in_headline(text, start)
    ):
        # "the ministers meet Monday": the present of a timetable (an infinitive or a modal
        # leaves it to the clause: "had been due to expire Friday")
        return "future"
    if (
        len(words) > 1
        and words[-2] in ("is", "are", "stay", "stays", "remain", "remains")
        and _kind(words, len(words) - 1) == "past"
    ):
        # "Courts are closed Monday", "the library stays closed Thursday": a state to come,
        # not a happening told
        return "future"
    if (
        len(words) > 2
        and words[-1] in ("on", "in")
        and words[-3] in ("is", "are", "stay", "stays", "remain", "remains")
        and _kind(words, len(words) - 2) == "past"
    ):
        return "future"  # "when the new rankings are published on Monday", "is heard in May"
    if (
        len(words) > 1
        and words[-1] in _PLACE_IN_TIME
        and _kind(words, len(words) - 2) == "past"
        and words[-3:-2] not in (["is"], ["are"], ["be"], ["being"])
    ):
        # "Whitcombe resigned in January" (but "the case is heard in May" looks ahead)
        return "past"
    if (
        len(words) > 2
        and words[-1] in ("on", "in")
        and (words[-2] in _COMPLEMENTS or words[-2] in _PARTICLES)
        and _kind(words, len(words) - 3) == "past"
    ):
        # "was found guilty on Nov. 22", "was pronounced dead on Monday", "talks broke off on
        # March 11"
        return "past"
    return _kind(words, len(words) - 1)


# Adjectives a past verb takes before a date: "found guilty on", "pronounced dead on".
_COMPLEMENTS = _words("guilty innocent dead alive missing bankrupt liable unconscious insolvent")
# Particles of a phrasal verb told in the past before a date: "broke off on", "walked out on".
_PARTICLES = _words("off out up away back over down")


def _reported_object(words: list[str]) -> bool:
    """True when a verb of saying in the past, with its object and nothing else between, is
    the last verb before a mention: the day dates the saying.

    >>> _reported_object("the retailer reported a smaller drop in sales on".split())
    True
    >>> _reported_object("announced that the plant closes on".split())
    False
    """
    k = next((k for k in range(len(words) - 1, -1, -1) if words[k] in _REPORTED), None)
    if k is None or len(words) - k > 9 or (k > 0 and words[k - 1] in _BE | {"be", "been"}):
        return False
    return not (_NOT_REPORTED_OBJECT & set(words[k + 1 :]))


_NOT_REPORTED_OBJECT = _words(
    "that to would will could should might may can it he she they we i if whether when"
)


def _will_before(words: list[str]) -> bool:
    """True when "will" (or "'ll", "shall") opens the last few words before a mention and
    no saying or past verb stands between ("will face court on", "will miss").

    >>> _will_before("a man will face court on".split())
    True
    >>> _will_before("will say it began on".split())
    False
    >>> _will_before("he'll face court on".split()), _will_before("her will signed on".split())
    (True, False)
    """
    for k in range(len(words) - 1, max(-1, len(words) - 5), -1):
        if words[k] in ("will", "shall") or words[k].endswith(("'ll", "’ll")):
            between = words[k + 1 :]
            return bool(between) and not any(
                w in _REPORTED
                or w in _REPORTING
                or w in _TOLD_BEFORE
                or (w.endswith("ed") and (i == 0 or between[i - 1] not in _PARTICIPLE_AFTER))
                for i, w in enumerate(between)
            )
    return False


_TOLD_BEFORE = frozenset({"began", "started", "opened", "was", "were", "had"})
_PARTICIPLE_AFTER = frozenset({"be", "been", "have"})


def _state_now(words: list[str]) -> bool:
    """True when ``words`` hold a present state told with a participle ("schools are closed",
    "the office is shut"): what holds today and a day joined to it lies ahead.

    >>> _state_now("schools are closed".split()), _state_now("schools were closed".split())
    (True, False)
    """
    return any(
        words[k] in ("is", "are") and _kind(words, k + 1) in ("past", "present")
        for k in range(len(words) - 1)
    )


def _modifies_noun(word: str) -> bool:
    """True when ``word`` before a timetable verb makes it a noun: a preposition or a
    participle ("placed on paid leave on May 24", "went on leave").

    >>> _modifies_noun("paid"), _modifies_noun("on"), _modifies_noun("ministers")
    (True, True, False)
    >>> _modifies_noun("000"), _modifies_noun("three")
    (True, True)
    """
    return (
        word in _PREPOSITIONS
        or word in _PAST
        or (len(word) > 3 and word.endswith("ed"))
        or "-" in word  # "a four-day visit on Wednesday"
        # a count: "logged 112,000 visits on Friday", "3 meetings" (not a year: "last held in
        # February 2020, returns on Saturday")
        or (word.isdigit() and not (len(word) == 4 and word[:2] in ("19", "20")))
        or word in _COUNT_WORDS
    )


_COUNT_WORDS = _words(
    "two three four five six seven eight nine ten eleven twelve dozen dozens hundred hundreds "
    "thousand thousands million millions several many"
)


def _copula_before(words: list[str]) -> bool:
    """True when the words before a mention end in "is"/"are", maybe with a preposition, a clock
    time, a word of likelihood or a first day between ("the deadline is Friday", "the primary
    is on Tuesday", "kickoff is at 3 p.m. on Sunday", "storms are possible between Monday
    night and Wednesday").

    >>> _copula_before(["kickoff", "is", "at", "p", "m", "on"]), _copula_before(["it", "was"])
    (True, False)
    >>> _copula_before(["storms", "are", "possible", "between", "monday", "night", "and"])
    True
    """
    rest = list(words)
    if rest[-1:] and rest[-1] in _JOINING and len(rest) > 2:
        # a first day before "and": "between Monday night and (Wednesday)"
        k = len(rest) - 2
        if rest[k] in _PARTS_OF_DAY:
            k -= 1
        if rest[k] in _WEEKDAYS:
            rest = rest[:k]
    if rest[-1:] and rest[-1] in _COPULA_PREPOSITIONS:
        rest = rest[:-1]
    if rest[-3:-2] == ["at"] and rest[-2:] in (["a", "m"], ["p", "m"]):
        rest = rest[:-3]  # "at 3 p.m." (the digits are no words)
    elif rest[-1:] == ["at"]:
        rest = rest[:-1]  # "at 10am" (no word at all)
    elif rest[-2:] in (["at", "noon"], ["at", "midnight"]):
        rest = rest[:-2]
    if rest[-1:] and rest[-1] in _LIKELY:
        rest = rest[:-1]  # "a stray storm is possible Sunday afternoon"
    return rest[-1:] in (["is"], ["are"])


def in_headline(text: str, start: int) -> bool:
    """True when the mention sits in a headline: a short line of its own, capitalized, with no
    final period ("Police arrest two suspects Monday").

    >>> in_headline("Leaders meet Monday\\n\\nThe leaders of ...", 13)
    True
    """
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    if line_end < 0:
        return False  # the last line of a text is its body, not a headline
    line = text[line_start:line_end].strip()
    if not line or not line[0].isupper() or line[-1] in ".!?:;,\"'”’)":
        return False
    return 2 <= len(line.split()) <= _HEADLINE_WORDS


_HEADLINE_WORDS = 20


def looks_like_verb(word: str) -> bool:
    """True for words that are likely verbs in news prose (tense cues: "went", "began", "said").

    >>> looks_like_verb("went"), looks_like_verb("leak")
    (True, False)
    """
    return _kind([word], 0) is not None or word in _REPORTING or word in _PRESENT


# "May" or "Will" inside a sentence is a month or a name ("the May River", "Theresa May", "Will
# Carter"), not the modal.
_CAPITAL_MAY = re.compile(r"(?<=[A-Za-z0-9,;] )(?:May|Will)\b")


def _lower(text: str) -> str:
    """``text`` in lower case for reading tense cues, a capitalized "May" or "Will" inside a
    sentence kept apart from the modal.

    >>> _lower("struck a dock on the May River")
    'struck a dock on the mxy river'
    """
    if "May" not in text and "Will" not in text:
        return text.lower()
    return _CAPITAL_MAY.sub(lambda m: m.group()[0] + "x" + m.group()[2:], text).lower()


def past_form(word: str) -> bool:
    """True for a verb's past form ("froze", "peaked"), told alone.

    >>> past_form("froze"), past_form("peaks")
    (True, False)
    """
    return _kind([word], 0) == "past"


_RAW_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?(?:-[a-z0-9]+)*|['’]ll")
_LAST_WORD = re.compile(r"([a-zA-Z]+(?:['’][a-zA-Z]+)?)\s+\Z")
# "left-hander" is one word; letters glued to a number ("10am", "3rd") are none ("am" is no verb)
# (not the "am" of a clock time, "8:45 am", which is no "I am")
_WORD = re.compile(r"(?<![0-9])(?!(?<=[0-9] )[ap]m\b)[a-z]+(?:['’][a-z]+)?(?:-[a-z]+)*|['’]ll")


def _participle(word: str) -> bool:
    """True for a past participle or past form ("left", "reached"); "top-seeded",
    "long-awaited", "state-owned" are adjectives."""
    return (
        word in _PAST
        or (len(word) > 4 and word.endswith("ed") and word not in _NOT_PAST and "-" not in word)
        or _prefixed_past(word)
    )


_HAVE = _words("has have 've hasn't haven't")
_PERFECT_SKIP = _words("not never only also already just long steadily")


def present_perfect(text: str, start: int, end: int) -> bool:
    """True when the sentence around ``text[start:end]`` is in the present perfect ("officials
    have spoken", "fighting has intensified").

    >>> t = "Since May, officials have spoken only by video link."
    >>> present_perfect(t, 6, 9), present_perfect("Since May, they spoke.", 6, 9)
    (True, False)
    """
    a, b = sentence_around(text, start, end)
    words = _WORD.findall(text[a:b].lower())
    for i, word in enumerate(words):
        if word in _HAVE:
            j = i + 1
            while j < len(words) and words[j] in _PERFECT_SKIP:
                j += 1
            if j < len(words) and (_participle(words[j]) or words[j] == "been"):
                return True
    return False


def _noun_after_determiner(words: list[str], i: int) -> bool:
    """True when ``words[i]``, a base form after a determiner and one or two singular words,
    is a noun: "their trading debut", "the market close", "her first consular visit" ("the
    ministers meet" is a verb)."""
    if i < 2 or words[i].endswith("s") or words[i - 1].endswith("s"):
        return False
    if words[i - 2] in _DETERMINERS:
        return True
    return i > 2 and words[i - 3] in _DETERMINERS and not words[i - 2].endswith("s")


def _object_of_past_verb(words: list[str], i: int) -> bool:
    """True when ``words[i]``, after a past "-ed" verb and one singular word, is the verb's
    object: "the coast guard suspended sea travel on Friday" (not a timetable).

    >>> _object_of_past_verb(["guard", "suspended", "sea", "travel"], 3)
    True
    """
    return (
        i > 1
        and words[i - 2].endswith("ed")
        and _kind(words, i - 2) == "past"
        and words[i - 1] not in _DETERMINERS
        and not words[i - 1].endswith("s")
        and not words[i].endswith("s")
    )


def _cue(words: list[str], i: int) -> Tense | None:
    word = words[i]
    if word in _CUE_WORDS or word.endswith(_CUE_ENDINGS) or _prefixed_past(word):
        return _kind(words, i)
    if word in _TIMETABLE and i > 0 and words[i - 1] in ("was", "were"):
        return "past"  # "polls were open from 6 a.m. to 9 p.m. on Tuesday": a state told as over
    if word in _TIMETABLE and i > 1 and words[i - 1] == "not" and words[i - 2] == "did":
        return "past"  # "we did not open until Dec. 14"
    if (
        word in _TIMETABLE
        and i > 0
        and words[i - 1] not in _NOT_SCHEDULE
        and not _noun_after_determiner(words, i)
        and not _object_of_past_verb(words, i)
    ):
        # A timetable told in the present: "the Knicks play the Heat on Sunday", "the inquiry
        # publishes in the autumn" (a first word is a subject, not a verb: "Meets on Sunday")
        return "future"
    if (
        word in _HOLD
        and i > 0
        and words[i - 1] not in _NOT_SCHEDULE
        and _EVENT_NOUNS & set(words[i + 1 : i + 4])
    ):
        return "future"  # "both candidates hold final rallies Friday" (not "holds a stake")
    if (
        word in _REPORTS
        and i > 0
        and words[i - 1] not in _NOT_SCHEDULE
        and _RESULTS & set(words[i + 1 : i + 4])
    ):
        return "future"  # "Lorimer Stores reports fourth-quarter results Tuesday"
    if (
        word in _REPORTS
        and i > 0
        and (i == len(words) - 1 or (i == len(words) - 2 and words[-1] == "on"))
        and not _NOT_SCHEDULE & set(words[max(0, i - 2) : i])
        and not words[i - 1].endswith(("'s", "’s", "s'"))
    ):
        # "Harlan Home reports Wednesday", "rivals report on Thursday" (not "in a separate
        # report Thursday", "the agency's report Tuesday")
        return "future"
    particle = _PHRASAL_TIMETABLE.get(word)
    if (
        particle
        and words[i + 1 : i + 2] in particle
        and not (i > 0 and words[i - 1] in _NOT_SCHEDULE)
    ):
        return "future"  # "voters head to the polls Sunday", "the match kicks off Saturday"
    if word == "effect" and i > 0 and words[i - 1] in _TAKE:
        return "future"  # "the law takes effect on New Year's Day"
    if (
        word in ("effect", "force")
        and i > 1
        and words[i - 1] == "in"
        and _kind(words, i - 2) != "past"
    ):
        return "future"  # "an advisory, in effect from noon Saturday", "a warning is in force
        # from 3pm on Friday" (not "was in effect")
    return None


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence holding ``text[start:end]`` (looking at most ``_WINDOW``
    characters to each side).

    >>> t = "Sales fell. Smith scored in the second half. Fans left."
    >>> a, b = sentence_around(t, t.index("second"), t.index("half") + 4)
    >>> t[a:b]
    'Smith scored in the second half.'
    """
    left = max(0, start - _WINDOW)
    for cut in _SENTENCE_END.finditer(text, left, start):
        left = cut.end()
    # a mention may end on the sentence's period ("... at 9 a.m. The first day ...")
    from_ = end - 1 if end > start and text[end - 1] == "." else end
    stop = _SENTENCE_END.search(text, from_, min(len(text), end + _WINDOW))
    return left, (max(end, stop.start() + 1) if stop else min(len(text), end + _WINDOW))


# A weekday that is the subject of the present: "Monday is a formality".
_DAY_IS = re.compile(r"(?:'s|’s)?\s+(?:is|will\s+be|would\s+be)\s+(?!the\s+day\b)")
# What may open the clause a weekday is the subject of: a sentence, "so", "and", "but", or a
# verb of saying whose object the clause is ("said Thursday would be a normal day"), or
# "that" after a word ("reminded employers that Monday is a public holiday").
_CLAUSE_OPENS = re.compile(
    r"(?:^|[.!?;:\"“”]\s*|\b(?:so|and|but|said|says|say)\s+|[a-z]\s+that\s+)$", re.IGNORECASE
)
# Headline verbs of a happening, told in the present of what is over ("Police arrest two
# suspects Monday", "Quake kills 12 Sunday").
_HEADLINE_HAPPENED = _words(
    "arrest arrests kill kills hit hits strike strikes crash crashes die dies win wins beat beats "
    "lose loses rescue rescues attack attacks seize seizes shoot shoots injure injures wound "
    "wounds resign resigns quit quits charge charges"
)
# Headline words that tell of what is over ("doubles in size overnight", "last week").
_HEADLINE_BACK = re.compile(r"(?i)(?:overnight|last|yesterday|earlier|the\s+past|this\s+morning)\b")
_LIST_HEAD = re.compile(r"[ \t]*[:\-–—][ \t]")
_WEEKDAY_HEAD = re.compile(
    r"(?:early\s+|late\s+|overnight\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.IGNORECASE,
)


def _listed_day(text: str, start: int, end: int) -> Tense | None:
    """The tense of a mention heading a line of a list ("Sunday morning: Wind picks up",
    "Saturday: Mostly clear. Low 75."): what follows tells it ("Monday: The storm made
    landfall"), and with no past in it, the list looks ahead (a forecast, a timetable); None
    when the mention heads no such line.

    >>> _listed_day("HOUR BY HOUR\\nSunday night: Snow tapers off", 13, 25)
    'future'
    >>> _listed_day("Monday: Protesters gathered outside", 0, 6)
    'past'
    """
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip() or not _LIST_HEAD.match(text, end):
        return None
    line_end = text.find("\n", end)
    words = _WORD.findall(text[end : line_end if line_end >= 0 else len(text)].lower())
    if any(_cue(words, i) == "past" for i in range(len(words))):
        return "past"
    return "future"


_CLAUSE_CUT = re.compile(
    r"[,;:.!?\"“”]|\b(?:and|but|or|because|while|when|that|who|which)\b", re.IGNORECASE
)


def clause_tense(text: str, start: int, end: int) -> Tense | None:
    """The tense the words of the mention's own clause show, no further than a comma, a
    quotation mark or a conjunction on either side; None when they show none or several.

    >>> clause_tense('"Tonight the voters spoke," he said.', 1, 8)
    'past'
    >>> clause_tense('"We lost, and tonight we are still standing."', 14, 21)
    'present'
    """
    cuts = list(_CLAUSE_CUT.finditer(text, max(0, start - 80), start))
    left = cuts[-1].end() if cuts else max(0, start - 80)
    cut = _CLAUSE_CUT.search(text, end, end + 80)
    right = cut.start() if cut else min(len(text), end + 80)
    words = _WORD.findall((text[left:start] + " " + text[end:right]).lower())
    kinds = {k for i in range(len(words)) if (k := _cue(words, i)) is not None}
    kinds |= {"present" for w in words if w in _PRESENT or w.endswith(("'re", "’re", "'m", "’m"))}
    return next(iter(kinds)) if len(kinds) == 1 else None


# An imperative opening the sentence or the quotation the mention is in: "Ask me on
# Wednesday," he said; "Check back Friday for updates"; "Call us Monday" (what is asked for lies
# ahead). The verb must be followed by an object or a particle ("Watch parties" is a noun).
_IMPERATIVE = re.compile(
    r"(?:\A|[.!?:;]\s+|\n\s*|[\"“]\s*)(?:please\s+|just\s+|then\s+)?(?:ask|call|come|check|join|"
    r"watch|visit|book|bring|meet|try|remember|wait|tune|see|plan|go|keep|stop|make|take|vote|"
    r"register|apply|contact|email|phone|drop|stay|get|look|head|return|send|give|tell|write)\s+"
    r"(?:me|us|him|her|them|back|in|out|on|by|the|your|our|it|again|early|over)\b[^.!?\"”;:]*\Z",
    re.I,
)


def _told_as_imperative(text: str, start: int) -> bool:
    """Whether the mention at ``start`` is in a clause that opens with an imperative.

    >>> _told_as_imperative('"Ask me on Wednesday," he said.', 15)
    True
    >>> _told_as_imperative("He asked me on Wednesday.", 15)
    False
    """
    if start < len(text) and text[start].isdigit():
        return False  # (a clock: "Watch our full report on the 10 p.m. news")
    m = _IMPERATIVE.search(text, max(0, start - 80), start)
    return m is not None and _BACK_TO.search(m.group()) is None


_BACK_TO = re.compile(r"\bback\s+to\s*\Z", re.I)  # "Take us back to Monday": a day gone by


def _mandated(words: list[str]) -> bool:
    """True when the words before a date run from a verb of urging or ordering through "that"
    and a subject to a plain base verb (the mandative subjunctive): "recommended that the
    district report on its staffing by", "urged that audits be completed by".

    >>> _mandated("the coroner recommended that the district report on its staffing by".split())
    True
    >>> _mandated("she said that the district reported on its staffing by".split())
    False
    """
    for k in range(len(words) - 2, 0, -1):
        if words[k] != "that":
            continue
        if words[k - 1] not in _MANDATING:
            return False
        rest = words[k + 1 :]
        if any(
            (w in _BE and w != "be")
            or w in ("and", "but")
            or (_kind(rest, j) == "past" and rest[j - 1 : j] != ["be"])
            for j, w in enumerate(rest)
        ):
            return False  # ("recommended that ..., and the state adopted the rule the next year")
        return any(
            word == "be" or (j > 0 and word in _BASE_VERB_HINTS) for j, word in enumerate(rest[:10])
        )
    return False


def _gapped_future(words: list[str]) -> bool:
    """True when the words before a date are a second clause that leaves out the "will be" of
    the first: "... will be said at 7 p.m. Thursday and a funeral Mass celebrated at" (a
    subject of one to three words after "and", then a past participle and a preposition).

    >>> _gapped_future("a rosary will be said thursday and a funeral mass celebrated at".split())
    True
    >>> _gapped_future("a rosary was said thursday and a funeral mass celebrated at".split())
    False
    """
    if len(words) < 6 or words[-1] not in ("at", "on", "in"):
        return False
    k = len(words) - 2
    if _kind(words, k) != "past":
        return False
    for j in range(k - 2, max(0, k - 5), -1):
        if words[j] == "and":
            subject = words[j + 1 : k]
            if not subject or any(_kind(words, i) for i in range(j + 1, k)):
                return False
            head = words[max(0, j - 10) : j]
            return any(w == "will" and head[i + 1 : i + 2] == ["be"] for i, w in enumerate(head))
    return False


_MANDATING = _words(
    "recommended recommends recommend urged urges ordered orders demanded demands required "
    "requires insisted insists proposed proposes suggested suggests directed directs"
)
# Base verbs a mandate most often asks for ("that the council review ...", "that staff
# complete ..."); a bare base form is hard to tell from a noun, so only these count.
_BASE_VERB_HINTS = _words(
    "report review retrain train audit publish complete install replace fix check inspect "
    "introduce adopt appoint hire employ ensure provide pay repay submit hold carry consider "
    "develop update upgrade issue stop start begin end set establish create remove reduce "
    "increase improve test monitor notify tell write commission apologise apologize"
)


@lru_cache(maxsize=256)  # the same mention is asked about a few times in a row
def tense_at(text: str, start: int, end: int) -> Tense | None:
    """The tense governing the mention at ``text[start:end]``, or None when there is no cue.

    >>> tense_at("The team will meet Tuesday.", 19, 26)
    'future'
    >>> tense_at("Two men set off bombs Monday that killed three.", 22, 28)
    'past'
    >>> tense_at("All but two had gone home by Tuesday.", 29, 36)
    'past'
    """
    listed = _listed_day(text, start, end)
    if listed is not None:
        return listed
    if _told_as_imperative(text, start):
        return "future"
    if (
        _WEEKDAY_HEAD.match(text, start)
        and _DAY_IS.match(text, end)
        and _CLAUSE_OPENS.search(text[max(0, start - 12) : start])
    ):
        return "future"  # "Monday is a formality", "Thursday is worth a look"
    left_start = max(0, start - _WINDOW)
    for cut in _CLAUSE_END.finditer(text, left_start, start):
        left_start = cut.end()
    for cut in _QUOTE_CLOSED.finditer(text, left_start, start):
        # '"For years I have set a place," she said on Thursday': the quotation is a clause
        # of its own
        left_start = cut.end()
    left_text = _ASIDE.sub(_blank, _lower(text[left_start:start]))
    left = [(m.group(), m.end()) for m in _WORD.finditer(left_text)]
    words = [w for w, _ in left]
    gap = len(left_text)
    if _gapped_future(words):
        # "A rosary will be said at 7 p.m. Thursday and a funeral Mass celebrated at 10:30
        # a.m. Friday": the second clause leaves out the "will be" of the first
        return "future"
    if _mandated(words) and "," not in left_text[left_text.rfind(" that ") :]:
        # "recommended that the city retrain its dispatchers by Sept. 1": what is urged or
        # ordered lies ahead of the urging
        return "future"
    if len(words) > 2 and words[-1] in ("and", "or"):
        # "planned for Monday and Tuesday": the second day takes the first one's tense
        k = len(words) - 3 if words[-2] in _PARTS_OF_DAY else len(words) - 2
        if k >= 0 and words[k] in _WEEKDAYS:
            end_k = left_start + left[k][1]
            return tense_at(text, end_k - len(words[k]), end_k)
    if (
        _DATED_EVENT.match(text, end)
        and _MONTH_DAY.match(text, start)
        and not any(_cue(words, i) == "past" for i in range(len(words)))
    ):
        # "the Nov. 4 midterm elections", "the Feb. 27 date is firm": a date that names an
        # event to come, unless the clause tells it as over
        return "future"
    tail = [w for w in words[-4:] if w not in ("on", "of", "at")]
    if len(tail) >= 2 and tail[-2] == "closing" and tail[-1] in _PRICES:
        return "past"  # "a 29% premium over the closing price Monday": the last close
    if words[-1:] == ["to"] and _PUSHED & set(words[-6:]) and _WEEKDAY_HEAD.search(text[start:end]):
        return "future"  # "extended its warning to 6am on Sunday", "postponed the vote to Monday"
    if words[-1:] and words[-1] in _UNTIL_WORDS:
        rel = max((i for i, w in enumerate(words) if w in _RELATIVES), default=-1)
        clause = words[rel + 1 : -1]
        if (
            rel >= 0
            and any(w.endswith("s") and _cue(clause, i) is None for i, w in enumerate(clause))
            and not any(_cue(clause, i) in ("past", "present") for i in range(len(clause)))
            and any(w in _PRESENT_DEADLINE for w in clause)
        ):
            return "future"  # "a bill ... that funds the government through Sept. 30"
    if words[-2:-1] and words[-2] in ("has", "have") and words[-1] in ("until", "till"):
        return "future"  # "admitted students have until May 1 to choose", "has until Tuesday"
    if words[-1:] and words[-1] in _STARTING and not _STARTED & set(words):
        return "future"  # "declared three days of mourning beginning Wednesday"
    if words and words[0] in _SPEAKING and "," not in left_text:
        return "past"  # "Speaking at a conference on Saturday, the premier said ...": the speech
    aside = _WORD.findall(left_text[left_text.rfind(",") + 1 :]) if "," in left_text else []
    if aside and aside[0] in _SPEAKING:
        return "past"  # "The president, speaking at a factory on Tuesday, said ...": the speech
    if any(
        words[k] in _URGING and "to" in words[k + 1 : k + 6]
        for k in range(max(0, len(words) - 8), len(words) - 1)
    ):
        return "future"  # "has urged passengers to travel on Friday": what is urged is ahead
    if _WEEKDAY_HEAD.match(text, start) and _asked_to(words):
        return "future"  # "agreed to meet again Thursday", "told me to come back Thursday"
    if words and words[-1] in _DECLARING and _DECLARED_AS.match(text, end):
        return "future"  # "has declared Friday a national day of mourning": a day set aside
    recent = words[-6:-1]
    if (
        words[-1:] in (["until"], ["till"])
        and _ORDERS_SHUT & set(recent)
        and not (_BE_PAST | {"been", "had", "be"}) & set(recent)
    ):
        return "future"  # "the government closed schools until Monday": an order still in force
    if words[-1:] and words[-1] in _ORDERS_SHUT and "ordered" in words[-8:-1]:
        return "future"  # "ordered schools near the parliament closed Monday"
    strict = adjacent_tense(text, start)
    if strict in ("past", "future"):
        return strict
    copula = _copula_before(words)
    if copula and not in_headline(text, start):
        # "the deadline is Friday", "the primary is on Tuesday" (a bias only for dates:
        # "his birthday is March 2")
        return "future"
    if in_headline(text, start):
        # Headlinese: the present tells what happened ("Police arrest suspect Monday"), "to"
        # what will ("Leaders to meet Monday").
        ahead = any(w in _FIRM_FUTURE or w in _POSSIBLE or w == "to" for w in words)
        if words[-1:] and words[-1] in _FUTURE_PREPOSITIONS:
            ahead = True  # "Heat advisory through Monday": a deadline
        if not any(_cue(words, i) == "past" for i in range(len(words))) and (
            any(w in _OPENING for w in words) or _HEADLINE_EVENTS & set(words[-3:])
        ):
            # a listing: "Farmers market opens Saturday", "Holiday parade Saturday", "jury
            # selection Tuesday" (blind-annotated sets: 15 of 17 headline weekdays ahead)
            ahead = True
        if (
            not ahead
            and not _HEADLINE_BACK.match(text, start)
            and not _HEADLINE_HAPPENED & set(words)
            and not any(_cue(words, i) == "past" for i in range(len(words)))
        ):
            # a headline's day or month that is not today mostly lies ahead ("Students head
            # back Monday", "filing closes Friday", "sets June election"; blind sets' weekdays:
            # 44 ahead, 6 back): with no past form in it, it looks ahead
            ahead = True
        return "future" if ahead else "past"
    best: tuple[float, Tense] | None = None
    relative_past = False  # the day ends a relative clause told in the past
    for i in range(len(words) - 1, -1, -1):
        kind = _cue(words, i)
        if kind is None:
            continue
        if (
            kind == "past"
            and i >= 2
            and words[i].endswith("ed")
            and words[i - 2] in _MODALS_AHEAD
            and words[i - 1] not in _BE | _PERFECT_AUX | {"has", "had", "been", "not"}
        ):
            continue  # "would hold closed consultations": an adjective after the modal's verb
        distance = float(gap - left[i][1])
        if kind == "future":
            distance *= 0.5  # a modal governs the clause even from a few words away
        if best is None or distance < best[0]:
            best = (distance, kind)
            relative_past = kind == "past" and i > 0 and words[i - 1] in _RELATIVES
        if kind != "present":
            break
    # "In January, a week after the 25th anniversary of the decision, a bombing in
    # Birmingham killed a guard": a phrase fronting its sentence takes the main verb's tense,
    # however far on it stands
    opening = best is None and len(words) <= 1 and text[end : end + 1] == ","
    right_end = min(len(text), end + (_WINDOW + 50 if opening else _WINDOW // 2))
    stop = _SENTENCE_END.search(text, end, right_end)
    if stop is not None:
        right_end = stop.start() + 1
    if text[end - 1 : end] == "." and _NEW_SENTENCE.match(text, end):
        right_end = end  # "... starting at 7 p.m. Feld said ...": the period ends the sentence
    right_text = _lower(text[end:right_end])
    right = [(m.group(), m.start()) for m in _WORD.finditer(right_text)]
    rwords = [w for w, _ in right]
    # "On Monday, the company said ...", "At a meeting on Thursday evening, he said ...": the
    # day opens the clause, alone or in a fronted phrase with no verb of its own
    fronted = len(words) <= 2 or (
        words[0] in _FRONTING and not any(_cue(words, i) for i in range(len(words)))
    )
    for i in range(len(rwords)):
        between = right_text[: right[i][1]]
        if (i <= 3 or opening) and rwords[i] in _REPORTED and ("," not in between or fronted):
            # "the county on Sunday announced that ...": the day is when it was said
            best = min(best or (99.0, "past"), (right[i][1] * 1.5 + 4, "past"))
            break
        if rwords[i] in _CONDITIONS:
            break  # "by Monday if the wind eased": a condition's tense is not the clause's
        if relative_past:
            break  # "a storm that coated Texas with ice Friday is expected to ...": the clause's
        if best is not None and ("," in between or (i > 0 and rwords[i - 1] in _CLAUSE_JOINS)):
            break  # "flew in on Saturday and would not leave": another clause, the left decides
        kind = _cue(rwords, i)
        if kind is None:
            continue
        if kind == "future" and rwords[i].endswith("ed") and (i == 0 or rwords[i - 1] not in _BE):
            # "On Friday, the government planned to pay": the time dates the planning, told in
            # the past ("is expected", "had been scheduled" keep their own reading)
            kind = "past"
        distance = right[i][1] * 1.5 + 4
        if best is None or distance < best[0]:
            best = (distance, kind)
        break
    tense = None if best is None else best[1]
    if tense is None and _reported_object(words):
        return "past"  # "which reported a smaller drop in sales on Tuesday": the report's day
    if tense in (None, "present") and "if" in words[-8:] and not in_headline(text, start):
        return "future"  # "if the game cannot be finished Friday night, it will resume"
    # A day joined to today, tomorrow or yesterday: "continues today and Saturday" is ahead
    # unless told in the past, "closed yesterday and Monday" is behind.
    if words[-1:] and words[-1] in _JOINING and len(words) > 1:
        if words[-2] == "tomorrow" or (
            words[-2] in ("today", "tonight")
            and (tense != "past" or _state_now(words[max(0, len(words) - 7) : len(words) - 2]))
        ):
            return "future"
        if words[-2] == "yesterday":
            return "past"
    # "until Thursday", "by Jan. 14", "as soon as Tuesday": a deadline, usually ahead, unless
    # the clause tells of it as done: "had gone home by Tuesday", "were back by Wednesday",
    # "until Thursday they had not called him" (but "postponed until Tuesday" is ahead).
    if _deadline_before(words) and any(
        words[k] in _DIRECTIVE and ("to" in words[k + 1 : k + 4] or words[k + 1] == "not")
        for k in range(max(0, len(words) - 12), len(words) - 1)
    ):
        return "future"  # "fishermen have been told not to venture out till Wednesday"
    until = [
        k
        for k in range(max(0, len(words) - 8), len(words) - 2)
        if words[k] in ("until", "till")
        and words[k + 1] in _DETERMINERS | _PRONOUNS
        and words[k + 1 : k + 3] != ["a", "m"]  # "until 9 a.m." is no clause
    ]
    if (
        until
        and tense == "past"
        and not any(_kind(words, k) == "past" for k in range(until[-1] + 1, len(words)))
    ):
        return "future"  # "dangerous until a cool change reaches the ranges on Sunday evening"
    if _WARNED_OF.search(left_text) and tense == "past":
        return "future"  # "warned of heavy rain on Monday and Tuesday": what is warned of
    if words[-2:] in (["soon", "as"], ["early", "as"]) or (
        words[-3:-1] in (["no", "later"], ["no", "earlier"], ["no", "sooner"])
        and words[-1] == "than"
    ):
        return "future"  # "as soon as Tuesday", "no later than Friday", "no earlier than Tuesday"
    # "until 09:00 GMT on Monday": the day of a deadline's clock time is the deadline's
    clocked = _DEADLINE_CLOCK.search(left_text)
    preposition = clocked.group(1) if clocked else (words[-1] if words else "")
    if (
        words[-1:] == ["from"]
        and tense == "past"
        and {"has", "have"} & set(words)
        and not (_PERFECT | {"been", "since"}) & set(words)
    ):
        return "future"  # "has declared three days of mourning from Sunday": a start ahead
    if len(words) > 1 and words[-1] in ("to", "until") and words[-2] in _MOVING:
        # "the service has been moved to 2 p.m. Saturday": where a date is moved to is ahead
        return "past" if _PERFECT & set(words) else "future"
    if preposition in _FUTURE_PREPOSITIONS:
        if tense == "past" and (
            _PERFECT & (set(words) | set(rwords))
            or (preposition == "by" or not _EXTENDING & set(words))
        ):
            return "past"
        return "future"
    return tense


_LIKELY = _words("possible likely unlikely probable")
_COPULA_PREPOSITIONS = _words("on between from after before until")
_WEEKDAYS = _words("monday tuesday wednesday thursday friday saturday sunday")
# The words of a date told between a verb and its "to" ("agreed on Jan. 30 to", "voted last
# week to", "decided on Monday night to").
_DATE_WORDS = _WEEKDAYS | _words(
    "on in at last this week month year night morning afternoon evening jan feb mar apr may "
    "jun jul aug sep sept oct nov dec january february march april june july august september "
    "october november december"
)
_PARTS_OF_DAY = _words("morning afternoon evening night")
# A sentence's end, or a colon before a clause of its own ("gave the Senate a deadline: he
# wants a deal by Friday"), bounds what the tense of a mention is read from on its left.
_CLAUSE_END = re.compile(_SENTENCE_END.pattern + r"|:\s")
_NEW_SENTENCE = re.compile(r"\s+[\"“]?[A-Z]")
_DEADLINE_CLOCK = re.compile(
    r"\b(until|till|by)\s+(?:about\s+|around\s+)?\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?\s?m\.?)?"
    r"\s*(?:(?:gmt|bst|utc|[ecmp][sd]?t)\s+|local\s+time\s+)?,?\s*(?:on\s+)?\Z"
)
# "hold" and "face" are timetable verbs only with an event for their object ("hold talks
# Monday", "faces an election in September"; not "holds a stake", "face amount").
_HOLD = _words("hold holds face faces")
_EVENT_NOUNS = _words(
    "rally rallies talks meeting meetings vote votes election elections hearing hearings "
    "trial runoff deadline sentencing "
    "summit ceremony referendum primary session sessions funeral vigil conference auction "
    "march marches protest protests celebration celebrations debate debates convention "
    "congress strike strikes boycott walkout stoppage"
)
# Verbs that move an event to another date ("moved to Saturday", "postponed until May").
_MOVING = _words(
    "moved move moves postponed postpone postpones delayed delay delays rescheduled "
    "reschedule reschedules pushed switched shifted brought"
)
_BE_FORMS = _words("is are am was were be been being")
_PRONOUNS = _words("he she it they we i you")
# "beginning Wednesday", "effective Friday": the start of something declared (unless the clause
# tells it has started: "took effect starting Monday").
_STARTING = _words("beginning starting effective")
_PLACE_OF_SAYING = _words("in at during on to")
_PERIOD_NOUNS = _words("months weeks year quarter period days")
_STARTED = _words("took began started had went came was were")
# Participles that open a clause dating a speech ("Speaking to reporters on Monday, ...").
_SPEAKING = _words("speaking addressing testifying writing briefing")
# Verbs that direct someone to do something until a time ("told not to venture out till").
_DIRECTIVE = _words("told asked ordered urged advised instructed allowed directed")
# Verbs urging someone to do something: what they are urged to do lies ahead.
_URGING = _words("urged urges urge urging advised advises advising encouraged encourages")
# Verbs of asking, agreeing and deciding, whose infinitive right before the mention is what is
# to come: "agreed to meet again Thursday", "told me to come back Thursday", "invited both
# sides to talks on Wednesday".
_ASKING = _words(
    "told asked invited agreed instructed ordered wanted decided promised vowed pledged "
    "arranged intended"
)  # (not "allowed": "was allowed to go home Monday" tells what happened)


def _asked_to(words: list[str]) -> bool:
    """True when the words before a mention end in an asking verb and a short infinitive.

    >>> _asked_to("the three men agreed on little except to meet again".split())
    True
    >>> _asked_to("he told the court he went to".split())
    False
    """
    for k in range(max(0, len(words) - 9), len(words)):
        if words[k] not in _ASKING:
            continue
        tail = words[k + 1 :]
        if "to" not in tail[:5]:
            continue
        after = tail[tail.index("to") + 1 :]
        between = tail[: tail.index("to")]
        if (
            0 < len(after) <= 4
            and not {"and", "since", "but"} & set(after)
            and not any(_cue(between, i) == "past" for i in range(len(between)))
            and not any(_cue(after, i) == "past" for i in range(len(after)))
        ):
            return True
    return False


# "warned of heavy rain (on) Monday": a warning is of what is to come.
_WARNED_OF = re.compile(
    r"\b(?:(?:warned|warns|warning|warnings)\s+(?:of|about)|(?:forecasters|forecast|forecasts|"
    r"meteorologists|weather\s+service|met\s+office)\s+(?:called|calls|call)\s+for|"
    r"warnings?\b[^.;]{0,60},\s+covering)\b[^,;]{0,60}\Z",
    re.I,
)  # ("Forecasters called for snow across the peninsula Sunday night": the weather foretold)


def _deadline_before(words: list[str]) -> bool:
    """True when the mention follows a preposition of a deadline ("until", "till", "by")."""
    return bool(words) and words[-1] in _FUTURE_PREPOSITIONS


# Past perfect: the clause looks back from a past moment ("had gone home by Tuesday").
_PERFECT = _words("had hadn't")
# Verbs that move a deadline: what follows "until" is still ahead ("postponed until Tuesday").
_EXTENDING = _words(
    "extended extend extends postponed postpone postpones delayed delay delays adjourned "
    "deferred suspended gave give gives granted grant moved pushed put set"
)


# A relative clause set off by commas right before the mention tells of something else: "will
# report results for the quarter, which ended Nov. 2, on Thursday" ("ended" dates no Thursday).
_ASIDE = re.compile(
    r",\s+(?:which|who|whose)\b[^,;]{0,80},(?=\s*(?:(?:on|at|in|by|over|during)(?:\s+the)?)?\s*\Z)"
)


def _blank(m: re.Match) -> str:
    return " " * len(m.group())


def _sentence_words(text: str, start: int) -> list[str]:
    """The words of the sentence before ``start`` (at most ``_WINDOW`` characters back)."""
    left_start = max(0, start - _WINDOW)
    for cut in _SENTENCE_END.finditer(text, left_start, start):
        left_start = cut.end()
    return _WORD.findall(text[left_start:start].lower())


def firm_future(text: str, start: int) -> bool:
    """True when the clause before the mention says plainly that it is ahead: "will", "shall",
    "'ll" with no past-tense cue in between ("will be held on March 3").

    >>> firm_future("The vote will be held on March 3.", 25), firm_future("He said it was May 3.", 16)
    (True, False)
    """
    words = _sentence_words(text, start)
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if word in _FIRM_FUTURE or word.endswith(("'ll", "’ll")):
            return True
        if word in _FIRM_PLANNED and i > 0 and words[i - 1] in ("is", "are"):
            return True  # "elections are due in the fall", "the vote is scheduled for May"
        kind = _cue(words, i)
        if kind == "past":
            return False
    return False


def copula_before(text: str, start: int) -> bool:
    """True when the mention follows "is"/"are" in its clause ("The last day of school is June
    8", "kickoff is at 3 p.m. on Sunday"), outside a headline.

    >>> copula_before("The last day of school is June 8.", 25)
    True
    """
    words = _sentence_words(text, start)
    return bool(words) and _copula_before(words) and not in_headline(text, start)


def reported_future(text: str, start: int) -> bool:
    """True when the clause before the mention is a future told in reported speech: "said
    ... would" with no past-tense cue between ("said the board would review it in the fall").

    >>> reported_future("Vos said the board would review it in the fall.", 38)
    True
    >>> reported_future("The board would review it in the fall.", 30)
    False
    """
    words = _sentence_words(text, start)
    for i in range(len(words) - 1, -1, -1):
        if words[i] == "would":
            return any(w in _REPORTED or w in ("says", "say") for w in words[:i])
        if _cue(words, i) == "past":
            return False
    return False


_FIRM_FUTURE = _words("will shall")
_MODALS_AHEAD = _words("will would shall 'll ’ll")
_MAY = _words("may might could should must")
# Setting a day aside: "declared Friday a national day of mourning", "named Monday as".
_DECLARING = _words(
    "declared declares declare designated designates named names announced added proclaimed"
)
_DECLARED_AS = re.compile(r"\s+(?:a|an|as)\s", re.I)
# Orders that shut something for a while: "closed schools until Monday".
_ORDERS_SHUT = _words("closed shut suspended banned halted cancelled canceled closes suspends")
# The mention as the subject of a clause of its own: "Christmas falls on", "Friday's vote will".
_CLAUSE_VERB_AFTER = re.compile(
    r"[A-Z][\w.]*(?:\s+[A-Z0-9][\w.]*){0,2}(?:['’]s\s+[a-z]+)?\s+(?:is|was|will|would|falls|fell|"
    r"could|may|might|should|marks|marked)\b"
)
# Headline verbs and nouns of a listing, which announce what is ahead.
_OPENING = _words(
    "opens open begins begin starts start returns return kicks resumes resume loom looms"
)
_HEADLINE_EVENTS = _EVENT_NOUNS | _words(
    "parade selection festival fair market concert race marathon game match opening auction sale"
)
_PLAN_NOW = _words("plan plans intend intends")
_CALLED = _words("call calls called")
_FIRM_PLANNED = _words("due scheduled slated")
_TAKE = _words("take takes")
_VERB_LINKS = _words("on again home back out away")
_BE_PAST = _words("was were")
_PLANNING = _words("planning preparing expecting going hoping scheduled slated due set poised")
# Timetable verbs that are nouns as often, counted only with their particle ("the head of the
# agency", "a free kick" are no timetable).
_HEADING = [["to"], ["for"], ["into"], ["back"], ["home"]]
_PHRASAL_TIMETABLE = {
    "head": _HEADING,
    "heads": _HEADING,
    "kick": [["off"]],
    "kicks": [["off"]],
    "step": [["off"]],
    "steps": [["off"]],
    "get": [["underway"], ["under"]],
    "gets": [["underway"], ["under"]],
    "come": [["out"]],
    "comes": [["out"]],
    # "an EU patrol takes over Saturday", "the festival wraps up on Sunday", "schools break up
    # for half-term on Friday"
    "takes": [["over"]],
    "wraps": [["up"]],
    "winds": [["up"], ["down"]],
    "breaks": [["up"]],
    "break": [["up"]],
}
# "reports results Tuesday": a company's timetable
_REPORTS = _words("reports report releases release")
# Participles that tell a state after "'s" ("what's closed", "it's scheduled"), where "'s" is
# "is"; after others it is as often "has" ("he's left", "she's won").
_STATE_PARTICIPLES = _words(
    "closed opened shut cancelled canceled scheduled planned expected booked banned allowed "
    "delayed postponed set"
)
_RESULTS = _words("results earnings figures numbers data sales")
_BE = _words("is are am was were be been being has have had 's ’s")
# Modals of possibility: ahead before a verb ("could dip"), behind with "not"/"have".
_POSSIBLE = _words("could may might must")
_RELATIVE_WORDS = _words("what which that whatever as")
# Prefixes of irregular past forms ("repaid", "outran", "mistook").
_PAST_PREFIXES = ("re", "over", "under", "out", "mis")
# Between a past verb and its date: "resigned in January", "arrested on Monday".
_PLACE_IN_TIME = _words("in on during")
# Events set for a time ("a vigil for 6 p.m. Sunday") and plans made for one ("booked for").
_EVENT_FOR = _words(
    "strike strikes protest protests walkout stoppage shutdown referendum "
    "vigil vigils rally meeting hearing hearings session ceremony funeral memorial service "
    "appointment forecast forecasts outlook guidance"
)
_STOPPAGES = _words("strike strikes walkout walkouts stoppage stoppages shutdown blockade boycott")
_CALLING = _words("called calls call announced announces announce threatened threatens set named")
_PLANNED_FOR = _words(
    "set booked planned scheduled slated pencilled penciled earmarked canceled cancelled promised"
)
_CONDITIONS = _words("if unless")
# Adverbs between a modal and "be" that keep its future ("will also be closed").
_MODAL_ADVERBS = _words("also still again even then now")
# Words before a timetable verb that make it a noun ("went on leave", "paid leave").
_PREPOSITIONS = _words("on of in at for from with without after before during under")
# Verbs of foreseeing: their object lies ahead, though the verb is past ("predicted a record
# fourth quarter"); a day right after one dates the foreseeing ("Cuba predicted Wednesday").
# A period that is the object of a forecast ("forecast fourth-quarter revenue").
_FORECAST_PERIOD = re.compile(
    r"(?:fiscal\s+)?(?:first|second|third|fourth|full|1st|2nd|3rd|4th)[\s\-](?:quarter|half|year)\b",
    re.IGNORECASE,
)
_PREDICTING = _words("predicted projected forecasted anticipated forecast")
_PERFECT_AUX = _words("have've")
_CUE_WORDS = (
    _PREDICTING
    | _POSSIBLE
    | _FUTURE
    | _PAST
    | _PRESENT
    | _REPORTING
    | _INVARIANT
    | _PLAN_NOW
    | _CALLED
    | {"to", "for"}
)


def past_in_sentence(text: str, start: int, end: int) -> bool:
    """True when some word of the sentence around ``text[start:end]`` (the mention left out)
    tells the past ("On Sunday a shell hit my brother's house. Yesterday we left" is not: the
    next sentence is another).

    >>> t = "On Friday, when the minister set aside her plans, aides were relieved."
    >>> past_in_sentence(t, 3, 9)
    True
    >>> past_in_sentence("Carols by candlelight: St Michael's Church, Sunday, 6.30pm.", 44, 50)
    False
    >>> past_in_sentence("The storm hit on Saturday.", 17, 25)
    True
    """
    a, b = sentence_around(text, start, end)
    words = _WORD.findall(_lower(text[a:start] + " " + text[end:b]))
    return any(
        w in _REPORTED or w in _SAME_IN_PAST or _cue(words, i) == "past"
        for i, w in enumerate(words)
    )


# Verbs whose past is their plain form, which no ending tells: "The storm hit on Saturday",
# "On Tuesday the loaf cost 25 piastres" (in a sentence with no other tense, the past).
_SAME_IN_PAST = _words("hit cost put cut shut set spread struck quit burst")
