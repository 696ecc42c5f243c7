"""Special situations as carers, care homes, parents and schools report them: a new patch on
while last week's was still on, a resident given another resident's tablets, a chart that
"still said 3 mg", evening doses missed by new carers, a patch cut in half, a teenager taking
twelve at once or a strip of a friend's tablets, a parent's adult gummies given to a toddler, a
brother's diazepam to calm a mother, a spray the child cannot go without, a stimulant stopped for
the holidays. Read off the misses of an independent writer's batch of carers' reports
(eval/contact_center/train_36.txt, written 2026-12-05 before the screener was run on it; first
look: special situations 0.71). Merged through concepts_families_lay.py.
"""

from __future__ import annotations

from caredesk.safety.screening.codes import SpecialSituation as SS
from caredesk.safety.screening.family_table import FamilyTable

SPECIAL_CARERS = FamilyTable()
_add = SPECIAL_CARERS.add

_MEDS = r"(?:tablets|medication|medicine|pills|dose|doses|inhaler|insulin|patch|drops|syrup)"
_KIN = (
    r"(?:mum's|mom's|mother's|dad's|father's|sister's|brother's|friend's|gran's|nan's|"
    r"grandma's|grandad's|partner's|flatmate's)"
)
_CHILD = r"(?:\d+[- ]year[- ]old|toddler|child|kid|baby|son|daughter)"
_TWO_PATCHES = (
    r"two (?:[\w-]+ )?patches (?:on|stuck on)|(?:hadn't|had not|wasn't|was not) (?:been )?"
    r"(?:removed|taken off) when|the old one (?:still on|hidden|wasn't removed|had not been "
    r"removed)"
)

_add(
    SS.OVERDOSE,
    _TWO_PATCHES + r"|forgot (?:she'd|he'd|i'd|she had|he had|i had) (?:taken|had|given) (?:her |"
    r"his |my )?(?:[\w-]+ ){0,2}(?:and|then) (?:took|had|gave) another|(?:taking|took|taken|"
    r"swallowed|had) (?:[3-9]|[1-9]\d|three|four|five|six|seven|eight|nine|ten|twelve|twenty) "
    r"(?:of them )?(?:at once|in one go|all at once|together)|(?:took|taken|swallowed|had) (?:a "
    r"|the )?(?:whole )?(?:strip|blister|sheet|packet) of",
)
_add(
    SS.MEDICATION_ERROR,
    _TWO_PATCHES + r"|(?:was|were|got) given (?:mr|mrs|ms|miss|another resident's|another "
    r"patient's|another child's|someone else's|[\w-]+'s) (?:[\w']+ ){0,3}" + _MEDS + r"|"
    r"cut (?:[\w-]+'s |the |a |her |his )?(?:[\w-]+ )?patch(?:es)? in half|patch(?:es)? cut in "
    r"half|(?:mar|chart|record|label) still (?:said|says|showed)|before (?:we|they|anyone|"
    r"someone) (?:caught|noticed|spotted) (?:it|the error|the mistake)|(?:was|were|got) missed "
    r"on (?:\w+day|the|two|\d)|(?:didn't|did not|forgot to|failed to) give (?:[\w-]+'s |her |his "
    r"|the )?(?:[\w'-]+ ){0,3}" + _MEDS + r"(?: [\w']+){0,3} (?:on time|at all|for \w+ days)|"
    r"(?:crush\w*|trituran\w*|triturad\w*)(?: [\w'-]+){0,6} (?:slow[- ]release|modified[- ]release"
    r"|extended[- ]release|xl|mr|sr)|(?:le|les) (?:pusieron|puso|aplicaron|aplico) (?:\w+ ){1,6}"
    r"de otr[oa] (?:nino|nina|residente|paciente|persona|bebe)",
)
_add(
    SS.MISUSE,
    r"(?:giving|gave|give|given) (?:our|my|her|his|the) " + _CHILD + r" (?:[\w']+ ){0,3}(?:my|"
    r"her|his|our) (?:own )?adult|(?:taking|using|been taking|been using)(?: [\w']+){0,8} even "
    r"though the (?:box|label|leaflet|packet) says|some of (?:his|her|my|their) own (?:[\w-]+ )"
    r"{0,2}(?:tablets|pills|medication|diazepam|\w+pam)|(?:using|taking|took|used) (?:her|his|"
    r"my|their) " + _KIN,
)
_add(
    SS.WITHDRAWAL,
    r"(?:blocked|stuffed|bunged)(?: [\w']+){0,3} unless (?:i|he|she|they|we) (?:use|uses|used|"
    r"spray|sprays)|off (?:his|her|my|their) (?:[\w-]+ ){0,2}for the (?:summer|holidays|weekend|"
    r"school holidays|holiday)(?: [\w',]+){0,6} (?:sleeping|tired|low|hungry|irritable|"
    r"headaches?|zaps)",
)
_add(
    SS.LACK_OF_EFFICACY,
    r"no (?:le|les|nos) (?:hicieron|hizo|hace|hacen) (?:absolutamente |ni )?nada|switched "
    r"(?:[\w-]+'s |her |his |my )?(?:[\w-]+ )?to a (?:different|new|cheaper|generic) (?:make|"
    r"brand|manufacturer|version)",
)
_add(
    SS.OFF_LABEL_USE,
    r"(?:travel[- ]sickness|motion sickness) (?:patch|patches|tablets?) to (?:dry up|stop|help "
    r"with|treat)",
)
_add(
    SS.ABUSE,
    r"gives? you a high|to get (?:\W?wavy\W?|a high|mashed|stoned)|(?:bought|got|buying|buys) "
    r"(?:\W?[\w-]+\W? )?(?:on|off|from|via) (?:snapchat|instagram|telegram|tiktok|the street|the "
    r"dark ?web)",
)
_add(
    SS.OCCUPATIONAL_EXPOSURE,
    r"(?:trituro|triturando|parto|partiendo|machaco)(?: [\w,]+){0,10} sin (?:mascarilla|"
    r"guantes)",
)
