"""Consumer wording of harms that a term list cannot enumerate: a body function plus a change.

Why: people rarely use a lexicon's exact phrase. "Greatly decreased libido", "75% less ability
to reach orgasm", "couldn't fall back asleep", "gained like 7lb", "my heart is racing", "made me
extremely angry" and "went through hell withdrawal" are each one *family*: a function (sex drive,
sleep, appetite, memory, focus, energy, weight, mood) joined to a word of loss, excess or
difficulty. Matching the family generalises to wording no one wrote down; the function nouns are
specific enough that order, billing and delivery messages do not trip them.
"""

from __future__ import annotations

import re


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w'])(?:" + pattern + r")(?![\w'])")


_FUNCTION = (
    r"(?:sex ?drive|libido|sexual (?:desire|drive|function|appetite|response|arousal|interest|"
    r"feelings?|sensation|performance|pleasure)|desire for sex|interest in sex|arousal|"
    r"orgasms?|orgasim|climax|ejaculat\w*|erections?|appetite|short[- ]term memory|"
    r"memory(?! (?:card|foam|stick|lane|chip))|concentration|focus(?! group)|"
    r"energy(?! (?:drinks?|bills?|bars?|company|efficient|star))|motivation|emotions?|"
    r"feelings|sleep(?! mode| number| timer)|coordination|balance(?! (?:due|owed|on|of "
    r"(?:my|the) account))|eyesight|hearing|sense of (?:taste|smell)|bladder control)"
)
_LESS = (
    r"(?:greatly |severely |significantly |very |much |really |a |some |slight(?:ly)? |"
    r"marked |total |complete |\d+ ?% )?"
    r"(?:decreased|decrease in|reduced|reduction in|lower(?:ed)?|low|loss of|lost (?:my |his |"
    r"her |all |the )?|lack of|no|zero|non-?existent|diminished|impaired|poor|less|"
    r"killed (?:my|his|her)|increased|insatiable|ravenous|inability to (?:\w+ )?|unable to "
    r"(?:\w+ )?|difficulty (?:\w+ )?|trouble (?:\w+ )?|problems? (?:with )?|changes? in |"
    r"delayed|no more|less ability to (?:\w+ )?|messed up|disturbed|disrupted|destroyed "
    r"(?:my|his|her) |ruined (?:my|his|her) |affected (?:my|his|her) )"
)
_POST = (
    r"(?:went away|is gone|was gone|disappeared|vanished|is non-?existent|(?:has |have |had )?"
    r"(?:\w+ly )?"
    r"(?:decreased|dropped|lowered|diminished|declined|increased|plummeted|tanked)|went "
    r"(?:down|up|out the window)|(?:is|was|has been) (?:\w+ )?(?:poor|bad|terrible|awful|off|"
    r"messed up|shot|gone|low|zero|nil|non-?existent|impaired|worse))"
)
_HARD = (
    r"(?:hard(?:er)?|difficult|impossible|unable|struggl\w+|could(?:n't| not| barely| hardly)|"
    r"can(?:'t|not| barely| hardly)|could never|can never|barely able|not able)"
)
_ACTS = (
    r"(?:sleep|fall (?:back )?asleep|stay asleep|stay awake|wake up|get up|get out of bed|focus|"
    r"concentrate|think(?: straight| clearly)?|function|remember(?: anything| things)?|"
    r"orgasm|climax|ejaculate|cry|stop (?:crying|eating|sleeping|moving|shaking|yawning|"
    r"sweating)|eat|pee|urinate|breathe|swallow|feel (?:anything|emotions?)|"
    r"express (?:\w+ )?(?:sadness|emotions?|feelings))"
)
_STATES = (
    r"(?:angry|irritable|mean|aggressive|agitated|anxious|nervous|jittery|shaky|hyper|manic|"
    r"crazy|depressed|suicidal|numb|tired|sleepy|drowsy|groggy|dizzy|sick|ill|nauseous|weak|"
    r"sweaty|hot|cold|emotional|paranoid|moody|weepy|lethargic|restless|worse|terrible|awful|"
    r"horrible|weird|strange|loopy|foggy|spacey|spacy|fat|numb|flat|dead inside|a zombie|"
    r"a mess|psychotic|violent|forgetful|confused|disoriented|disorientated|high|drunk|"
    r"wired|edgy|on edge|panicky|gain weight|sleep(?: all day)?|cry|vomit|itch|sweat|shake)"
)
_STRENGTH = r"(?:so |very |extremely |really |quite |more |super |too |a bit |kind of |even )?"
_WITHDRAWAL = r"(?:withdrawa?ls?|withdrawl|withdrawel)"

PATTERNS: tuple[re.Pattern[str], ...] = (
    _rx(_LESS + r"\s?(?:\w+ )?" + _FUNCTION),
    _rx(_FUNCTION + r" " + _POST),
    _rx(_HARD + r" (?:to )?(?:even )?" + _ACTS),
    _rx(
        r"(?:gain(?:ed|ing)?|put on|packed on) (?:like |about |around |over |almost |nearly |"
        r"at least |a good |an extra |another )?\d+ ?(?:lbs?|pounds?|kgs?|kilos?|stone)|"
        r"\d+ ?(?:lbs?|pounds?|kgs?|kilos?) (?:gained|heavier|weight gain)|(?:gained|gaining|"
        r"gain) (?:\w+ )?weight|weight (?:gain|increase)|got fatter|getting fat"
    ),
    _rx(
        r"(?:woke|wake|waking|woken) up (?:\w+ ){0,5}(?:night|times|hours?|every hour|"
        r"sweating|drenched|screaming|panick\w*|with (?:a |my )?(?:heart|headache))|"
        r"kept (?:me|him|her) (?:up|awake)|stayed awake|(?:no|zero|barely any|little) sleep|"
        r"(?:slept|sleep|sleeping) (?:all day|\d+ ?(?:hrs|hours) a day|so deep)|"
        r"could not stop sleeping|couldn't stop sleeping|(?:vivid|wild|weird|strange|intense|"
        r"bizarre|crazy|disturbing|scary|violent|lucid|anxious) (?:\w+ )?dreams"
    ),
    _rx(
        r"(?:made|makes|making|left) (?:me|him|her|them) (?:feel )?" + _STRENGTH + _STATES + r"|"
        r"(?:had|have|having|experienc\w+|suffer\w*|got|getting|get|so many|lots of) "
        r"(?:(?!no |not |zero |never |none )\w+ ){0,3}side[- ]effects|"
        r"side[- ]effects (?:are|were|was|have been) (?:\w+ )?"
        r"(?:terrible|horrible|awful|bad|severe|intolerable|unbearable|too much|brutal)|"
        r"(?:heart|pulse) (?:is |was |kept |keeps |started |would )?(?:racing|pounding|"
        r"fluttering|skipping|irregular|beating (?:fast|hard|out of))|"
        r"(?:felt|feel|feeling|feels) (?:like )?(?:i was |i'm |i am )?(?:on fire|on speed|"
        r"drugged|intoxicated|hungover|in a fog|a zombie|detached|disconnected|out of control|"
        r"nothing|dead inside|flat|numb|like the flu|flu-?like|spaced out|doped up|high)"
    ),
    _rx(
        r"(?:bad|horrible|terrible|awful|severe|rough|brutal|nasty|hellish|hell|painful|the) "
        + _WITHDRAWAL
        + r"(?! (?:from|of) (?:my|the|your|our) (?:account|bank|savings|card|order|offer|"
        r"application|request))|"
        + _WITHDRAWAL
        + r" (?:symptoms?|effects?|lasted|was|were|is|has been|process|from (?:it|this|the "
        r"(?:drug|med|meds|medication|pills?))|made)|(?:went|going|go|been) through (?:\w+ )?"
        + _WITHDRAWAL
        + r"|(?:coming|going|getting|came|went|get|go|come) off (?:\w+ ){0,3}(?:was|is|has "
        r"been|were) (?:\w+ )?(?:horrible|hell|terrible|awful|brutal|rough|hard|difficult|a "
        r"nightmare|torture)|(?:hard|rough|difficult|terrible|horrible) time (?:coming|getting|"
        r"going) off|brain zaps?|electric(?:al)? (?:zaps?|shocks?|jolts?)"
    ),
)


def harm_spans(norm: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Consumer harm phrases between `start` and `end`: (start, end, matched text)."""
    out: list[tuple[int, int, str]] = []
    for rx in PATTERNS:
        out.extend((m.start(), m.end(), m.group()) for m in rx.finditer(norm, start, end))
    return out
