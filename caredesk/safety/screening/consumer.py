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

from caredesk.safety.screening.text import word_rx as _rx

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


# Families that carry their own negation or hypothetical word: the trigger sits inside the match,
# so the scope rules (context.py) do not silence it. "Not worth the side effects" and "the side
# effects went away" both say there were side effects; "if I miss a dose I get brain zaps" is a
# withdrawal the writer has had, not a question.
_SIDE = r"side[- ]?(?:effects?|affects?)"
_DOSE_SLIP = (
    r"(?:miss|missing|missed|skip|skipping|skipped|forget|forgetting|forgot|late with|"
    r"delay|delaying|delayed) (?:even |just )?(?:a|one|my|two|a single|the) (?:\w+ )?(?:doses?|"
    r"pills?|days?)"
)
IMMUNE: tuple[re.Pattern[str], ...] = (
    _rx(
        r"not worth (?:\w+ ){0,2}" + _SIDE + r"|" + _SIDE + r" (?:\w+ ){0,3}(?:went away|wore off|"
        r"subsided|faded|disappeared|eased|lessened|settled|got better|calmed down)|"
        r"(?:all|most|the|these|those|my) (?:\w+ )?" + _SIDE + r" (?:are|were) (?:gone|better|"
        r"fading|over)|worth (?:\w+ ){0,2}" + _SIDE + r"|"
        r"(?:could not|couldn't|can't|cannot|can not|not able to|unable to) (?:\w+ )?(?:tolerate|"
        r"handle|stand|deal with|take) (?:\w+ ){0,2}" + _SIDE
    ),
    _rx(
        r"(?:if|when|whenever|once|after|every time) (?:i |he |she |you )?"
        + _DOSE_SLIP
        + r"(?:[, ]+(?:\w+ ){0,5}(?:get|got|gets|feel|felt|feels|would|i'd|was|am|is|'d|"
        r"start|started))|" + _DOSE_SLIP + r" (?:is|was|makes|made|=) (?:\w+ )?(?:bad|hell|"
        r"awful|terrible|horrible|brutal|miserable|a nightmare|not an option|rough)"
    ),
    _rx(
        r"(?:don't|do not|didn't|did not|couldn't|could not|can't|cannot|no longer) (?:even |"
        r"really |seem to |much )?care (?:about|for) (?:anything|anyone|anybody|much|"
        r"nothing|people|my (?:family|friends|kids|job|work|life))|(?:no|zero|lost (?:all |my )?)"
        r" ?(?:interest|pleasure|joy|enjoyment) in (?:anything|life|doing|seeing|usual|my "
        r"(?:hobbies|friends|family|kids|usual)|hobbies|things i|people)|"
        r"(?:can't|cannot|couldn't|could not|unable to|can not|not able to|hard to|trouble|"
        r"difficulty) (?:\w+ )?(?:have|having|reach|reaching|achieve|get|getting) (?:an? )?"
        r"(?:orgasms?|orgasim|climax|erection|aroused|hard)|(?:no|zero|lost (?:my |all )?)"
        r" ?(?:desire|urge|interest|want) (?:to have|for|in) sex|(?:hurts?|painful) to have sex"
    ),
)
# Consumer wording of harms the body-function families above do not cover.
MORE: tuple[re.Pattern[str], ...] = (
    _rx(
        r"(?:losing|lost|shedding) (?:\w+ )?(?:clumps|handfuls|chunks|lots|tons) of hair|"
        r"hair (?:is |was |has been |started |kept )?(?:falling out|coming out|thinning|"
        r"shedding)|(?:lost|dropped|losing) (?:like |about |around |over |almost |nearly )?"
        r"\d+ ?(?:lbs?|kgs?|kilos?)|(?:gone|went|moved) up (?:\w+ )?(?:\d+|one|two|three|a) "
        r"(?:pant|dress|jean|trouser|clothes|clothing|shirt) sizes?|"
        r"(?:gain|gained|gaining|put on|packed on) (?:\w+ ){1,3}weight|"
        r"(?:sexual|sex) (?:side[- ]?effects?|problems?|dysfunction|issues?|delay|difficult\w*)"
    ),
    _rx(
        r"(?:thought|thoughts|thinking|think) (?:about|of) (?:suicide|killing myself|"
        r"ending (?:it|my life)|hurting myself|dying)|(?:wanted|want|wanting) to (?:die|kill "
        r"myself|end (?:it|my life))|(?:cut|cutting|hurt|hurting|harm|harming|burn|burning) "
        r"myself|self[- ]?harm\w*|suicidal \w+|semi-suicidal"
    ),
    _rx(
        r"(?:barely|hardly|can't|cannot|couldn't|don't) remember (?:\w+ ){0,3}(?:last|past|"
        r"months?|weeks?|days?|anything|things|what i|conversations|names)|"
        r"forget(?:ting)? (?:what i (?:just )?(?:read|said|was (?:saying|doing))|words|names|"
        r"everything|things constantly)|cognitive (?:\w+ )?(?:loss|decline|problems?|"
        r"impairment|capacity|function)|(?:memory|brain|head) (?:is|was|feels|felt) "
        r"(?:\w+ )?(?:shot|mush|foggy|cloudy|fuzzy)|"
        r"(?:feel|felt|feeling|i'm|i am|was) (?:like )?(?:a )?(?:junkie|addict|zombie|robot|"
        r"vegetable|shell of (?:my|a)|walking dead)|"
        r"(?:felt|feel|feeling) (?:as though|as if|like) (?:i (?:had|have|was getting|was "
        r"coming down with) )?(?:the |a )?(?:flu|hangover|bad trip|badtrip)|"
        r"(?<!to )(?:feel|felt|feeling) (?:so |really |very |always |constantly )?(?:crummy|lousy|"
        r"out of it|wiped out|depleted|drugged up)|depleted of (?:all )?energy"
    ),
    _rx(
        r"(?:stomach|gut|bowels?|digestion) (?:is|was|has been) (?:\w+ )?(?:a wreck|a mess|"
        r"messed up|wrecked|ruined|upset|in knots|killing me)|"
        r"(?:pee|peeing|urinate|urinating) (?:\w+ )?(?:every (?:\w+ )?(?:minutes?|hour)|"
        r"all night|constantly|nonstop)|(?:dilated|dialated|huge|pinpoint) pupils|pupils "
        r"(?:were |are |got )?(?:dilated|dialated|huge)|"
        r"(?:destroyed|ruined|wrecked|messed up|screwed up) (?:my|his|her) (?:\w+ )?"
        r"(?:sleep\w*|metabolism|stomach|memory|libido|sex life|appetite|teeth|skin|liver)|"
        r"(?:metabolism|sleep(?:ing)? (?:patterns?|cycle|schedule)) (?:is|was|has been|got) "
        r"(?:\w+ )?(?:messed up|ruined|wrecked|destroyed|off|screwed up)|broken sleep|"
        r"(?:discontinuation|withdrawal|serotonin) syndrome|"
        r"(?:(?:weaning|weening|tapering)(?: [\w']+){0,4}|(?:stopping|quitting|coming off|"
        r"getting off|going off|cutting down)(?: on| of)? (?:it|them|(?:this|these|the|my|those)"
        r"(?: [\w'-]+)? (?:med\w*|drugs?|pills?|tablets?|stuff|antidepressants?|dose)))"
        r" (?:is|was|has been|it is|it's|are|were) (?:\w+ )?(?:hell|horrible|"
        r"awful|brutal|a nightmare|torture|the (?:difficult|hard|worst) part)|"
        r"(?:physical|mental|emotional) (?:and (?:physical|mental|emotional) )?anguish|"
        r"seeing (?:spiders|bugs|insects|things|people|shapes|faces|animals|snakes|rats)"
        r"(?: [\w']+){0,3} (?:on the walls?|in the room|that (?:weren't|aren't|were not|are not) "
        r"there|crawling|everywhere)|(?:haven't|have not|hasn't|can't|cannot|couldn't|not) "
        r"slep[td]? (?:more than|longer than|over|for more than) (?:\d+|one|two|three|four|a "
        r"couple of|a few) hours?|lost (?:a|half a|two|three|\d+) stones?(?! of)|(?:not|never) "
        r"hungry (?:at all|any ?more)|(?:pulled|ripped|took|tore|peeled) (?:the |some |a layer "
        r"of )?skin off|(?:cracked|chipped|broke|broken) (?:a |my |his |her |their |one of my )?"
        r"(?:tooth|teeth|filling|crown|molar)|(?:soft|thin)[- ]shell(?:ed)? eggs|shell-?less eggs|"
        r"(?:missing|without|no) (?:\w+ )?(?:fingers|toes|fingernails|limbs?|thumbs?)|"
        r"scratch\w*(?: \w+){0,2} (?:till|until) (?:it|they|i|he|she) bled|"
        r"tongue (?:has |had )?(?:gone|turned|is|was|went) (?:all )?(?:black|brown|furry|hairy)|"
        r"(?:bald|scabby|raw|sore|hairless|weeping) (?:\w+ )?patch(?:es)?|(?:break|breaking|broke|"
        r"broken) out in (?:spots|a rash|hives|pimples|acne|boils|blisters|welts|bumps|sores)|"
        r"heart (?:race|racing|raced|races|pounding|pounded|pound|fluttering|flutters)|"
        r"bringing up (?:stuff|blood|food|bile|everything)|cut (?:the inside of )?(?:(?:his|her|my|"
        r"their|our)(?: \w+'s)?|the baby's) (?:mouth|lips?|tongue|gums?)|(?:with |positive )"
        r"ketones|"
        r"(?:i|he|she|we|they) (?:was|were|got|felt|am|is|are|became|went) (?:so |really |very |"
        r"super |totally |all )?hyper(?:active)?(?=[.,;!]| (?:for|all|and|at|every|since|after|on|"
        r"from|like)(?![\w'])|$)"
    ),
)


def harm_spans(norm: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Consumer harm phrases between `start` and `end`: (start, end, matched text)."""
    out: list[tuple[int, int, str]] = []
    for rx in (*PATTERNS, *IMMUNE, *MORE):
        out.extend((m.start(), m.end(), m.group()) for m in rx.finditer(norm, start, end))
    return out
