"""Overdoses, medication errors and withdrawal told by clock times, hands and measures rather
than named: a dose taken "again at 9", two days' compartments opened, the syringe from another
medicine, a strength filled against a script for another, two carers each giving the dose,
a spray that cannot be skipped. Read off the misses of the seventeenth to twenty-first writers'
batches (eval/contact_center/train_28.txt … train_32.txt) and the clinicians' and pharmacists'
wording of the twenty-second (train_33.txt), all written 2026-12-05 before the screener was run
on them. Merged through concepts_families_lay.py.
"""

from __future__ import annotations

from caredesk.safety.screening.codes import SpecialSituation as SS
from caredesk.safety.screening.family_table import FamilyTable

SPECIAL_DOSES = FamilyTable()
_add = SPECIAL_DOSES.add

_DOSED = (
    r"(?:took|taken|take|gave|given|give|had|received|administered|tome|tomo|tomamos|di|dio|"
    r"dimos|dieron)"
)
_TABLETS = r"(?:tablets|pills|capsules|meds|medication|tabs|pastillas|comprimidos)"
_MEASURE = r"(?:syringe|spoon|cup|dropper|measure|doser|pipette|jeringa|vasito|cucharita)"
_TWICE_IN_A_DAY = (
    r"(?:twice|two times|dos veces) (?:yesterday|today|this morning|that day|in one day|in a "
    r"day|hoy|ayer|el mismo dia|en un dia)"
)
# Both an overdose and a medication error: a dilution made at double strength, a weekly dose
# taken daily, a dose given by a second carer who did not know, the same dose given twice.
_DOUBLE_DILUTION = r"al doble de lo (?:indicado|recomendado|que)"
_DAILY_NOT_WEEKLY = r"(?:every day|daily|each day) instead of (?:once )?(?:a |per )?week(?:ly)?"
_ALREADY_GIVEN = r"(?:didn't|did not) know (?:\w+ ){0,2}had already (?:given|had|taken)"
_GIVEN_TWICE = r"(?:se le dio|le dieron|le dio|recibio) (?:la|el) (?:\w+ ){0,5}dos veces"

# The same dose again later the same day ("took the 8 o'clock one again at 9", "received her
# 9am warfarin at 09:00 and again at 11:00", "se lo di de nuevo a las 9"), twice in one day,
# two days' compartments at once, a whole month's supply, "3 de 500 en vez de 1", a handful.
_add(
    SS.OVERDOSE,
    _DOSED + r"(?: [\w',:]+){0,10} (?:again|de nuevo|otra vez)(?: [\w',:]+){0,2} (?:at|by|"
    r"a las) \d+|" + _DOSED + r" (?:[\w']+ ){0,5}" + _TWICE_IN_A_DAY + "|"
    r"opened (?:both )?(?:\w+day's|today's) (?:and|&|as well as) (?:\w+day's|tomorrow's)|"
    r"(?:so|and) (?:he|she|i|they) (?:had|took|got) two (?:that|in one|the same) day|"
    r"(?:taken|took|swallowed|had) all (?:his|her|my|their) (?:[\w-]+ ){0,2}" + _TABLETS + "|"
    r"(?:the )?whole (?:month|week|fortnight)'s|"
    r"(?:\d+|two|three|four|dos|tres|cuatro) (?:\w+ ){0,4}(?:instead of|en vez de|en lugar de) "
    r"(?:1|one|una|uno|half)(?![\w'])|"
    r"by the handful|(?:[89]|1\d|2\d) (?:to|or|-) \d+ (?:a|per|each) (?:day|shift|night)|"
    r"(?:take|took|taking|takes) (?:two|2|three|3|four|4) at a time",
)
# The same ingredient twice; a whole syringe or pipette; several whole tablets; a pump that
# ran a whole volume through; a dilution at double strength.
_add(
    SS.OVERDOSE,
    r"(?:both|the two|two of them) (?:\w+ ){0,2}(?:have|had|contain|contained|got) "
    r"(?:paracetamol|acetaminophen|ibuprofen|codeine|aspirin)|"
    r"whole (?:syringe|pipette|applicator|dropper|bottles|packs|boxes|tubes)|"
    r"(?:two|three|four|2|3|4) whole (?:tablets|pills|sachets|pipettes|capsules)|"
    r"(?:delivered|infused|ran|pumped) the (?:whole|entire|full) (?:[\w-]+ ){0,3}(?:volume|"
    r"dose|bag|syringe|infusion)|" + _DOUBLE_DILUTION + r"|"
    r"(?:for|on) every (?:animal|cow|heifer|sheep|ewe|lamb|calf|pig|bird) (?:whatever|"
    r"regardless of) (?:its|their|the) (?:weight|size)",
)
# A measure from another medicine; a strength filled against a script for another; names or
# packs that look alike; a second carer giving the dose too; another person's medicine given;
# a box and a pharmacy sticker that disagree; the wrong compartment; an insulin of another
# concentration; a strength for another age; a setting ring not set.
_add(
    SS.MEDICATION_ERROR,
    r"(?:with|using|used) the (?:\d+ ?ml )?" + _MEASURE + r" (?:from|of|that came with|for) "
    r"(?:the|her|his|my|their|a|another|el|la|su)|"
    r"\d+(?:\.\d+)? ?(?:mg|mcg|micrograms?) (?:\w+ ){0,3}for a (?:script|prescription|rx) "
    r"(?:written )?for \d+|"
    r"(?:filled|dispensed|gave|given|supplied|handed|picked|sent)(?: [\w'-]+){0,5} \d+(?:\.\d+)?"
    r" ?(?:mg|mcg|micrograms?|ml|units?)? instead of (?:the |my |his |her |their |the pt's |"
    r"the patient's )?(?:usual )?\d+|"
    r"(?:nearly|almost|practically) the same name|(?:similar|look-?alike|sound-?alike)[- ]"
    r"(?:name|names|packs|packaging|boxes)|"
    r"i gave it (?:as well|too|again)|in addition to (?:his|her|the|my) (?:old|usual|other) "
    r"(?:bottle|tablets|pack|box|supply)|"
    r"(?:gave|given) (?:\w+ ){0,2}\w+'s (?:\w+ ){0,2}(?:inhaler|tablets?|medicine|pills?|"
    r"insulin|pen|syrup|dose|patch) to (?:pupil|patient|resident|child|another|the other|his|"
    r"her|a)|"
    r"(?:box|label|leaflet|bottle) says \d+ ?(?:ml|mg|tablets?)?,? but (?:the )?(?:[\w']+ )?"
    r"(?:sticker|label|note|instructions?) (?:said|says) \d+|"
    r"in the (?:wrong|morning|evening|night|lunchtime|\w+day's) (?:compartment|slot|section)|"
    r"with (?:a|the) u-?100 syringe|(?:junior|adult|children's|kids'?|infant|baby) strength "
    r"(?:not|instead of) (?:the )?\w+|"
    r"(?:didn't|did not|forgot to|without setting) (?:set )?the (?:ring|collar|stopper|weight)",
)
_add(
    SS.MEDICATION_ERROR,
    r"confund\w+ (?:la|el|las|los|sus) (?:\w+ ){0,6}con (?:la|el|las|los)|"
    r"(?:adultos?|de adultos) en (?:vez|lugar) del? (?:pediatric\w+|infantil|de ninos)|"
    + _DOUBLE_DILUTION,
)
# Stopping felt: a symptom whenever the product is skipped, a taper "too fast", nights without
# a product that could not be had, days without it, running out over a holiday.
_add(
    SS.WITHDRAWAL,
    r"(?:whenever|every time|each time|if|when) (?:i|he|she|we|they) (?:try to |tried to )?"
    r"(?:stop|skip|miss|come off|quit|cut down)(?: it| them| a dose| a day)?,? (?:[\w']+ ){0,3}"
    r"(?:blocks|gets|goes|comes|pounds|races|flares|can't|cannot|feel|get|shake|start)|"
    r"(?:weaned|tapered|came off|taken off|brought down|reduced)(?: [\w',]+){0,8} too (?:fast|"
    r"quick|quickly|soon)|"
    r"(?:haven't|have not|hasn't|couldn't|could not|can't) (?:been able to )?(?:get|find|buy) "
    r"(?:them|it|any|my \w+)(?: [\w',]+){0,8} (?:shaking|sweating|not sleeping|can't sleep|"
    r"zaps|dizzy|headaches?)|"
    r"went (?:\d+|two|three|four|a few|several) (?:days|nights|weeks) without (?:her|his|my|"
    r"their|the|it|them)|ran out (?:over|at|during) (?:the )?(?:bank holiday|weekend|holidays?|"
    r"christmas|easter|long weekend)",
)
# Several tablets "juntas" or "de golpe"; a dose given again "because I forgot I gave it"; an
# adult product instead of the children's (both an error and too much); a label that says three
# times a day against a prescriber's once.
_add(
    SS.OVERDOSE,
    r"(?:\d+|dos|tres|cuatro|cinco|seis) (?:pastillas|comprimidos|capsulas|tabletas)(?: \w+){0,4}"
    r" (?:juntas|juntos|de golpe|a la vez|de una)|again because (?:i|we|he|she) (?:forget|forgot)|"
    r"(?:forget|forgot) (?:that )?(?:i|we|he|she) (?:did |had )?(?:give|gave|given|take|took|"
    r"taken) it already|(?:de |para )?adult(?:o|os|s)? (?:en vez|en lugar) del? (?:infantil|"
    r"pediatric\w+|de ninos)|adult (?:\w+ )?instead of (?:the )?(?:children's|kids'?|child|"
    r"infant|paediatric|pediatric)",
)
_add(
    SS.MEDICATION_ERROR,
    r"(?:label|sticker|box)(?: \w+){0,3} says? (?:to )?(?:take )?(?:[\w']+ ){0,3}(?:two|three|four|"
    r"\d) times (?:a day|daily)(?: [\w']+){0,3},? but (?:the )?(?:doctor|gp|prescription|script|"
    r"consultant|vet)",
)
# Clinicians' and pharmacists' wording (train_33): daily instead of weekly, a tablet meant for a
# bigger animal, two a night because one stopped working, a second carer's dose, the morning
# dose given twice by two shifts.
_add(
    SS.OVERDOSE,
    _DAILY_NOT_WEEKLY + r"|(?:tablet|"
    r"pipette|dose|syringe|chew)s? (?:meant|made|sized|intended) for a (?:\d+ ?kg|bigger|larger|"
    r"big) (?:dog|horse|animal|cat)|(?:taking|take|took|have been taking) two (?:\w+ ){0,2}"
    r"(?:every|each|a) (?:night|day|morning)(?: [\w',]+){0,6} (?:because|as|since) (?:one|a "
    r"single)|" + _ALREADY_GIVEN + "|" + _GIVEN_TWICE,
)
# Storage ignored and used anyway; a dose nobody reduced; an error caught before it reached
# the patient; a modified-release tablet crushed; a label misread; a second carer's dose.
_add(
    SS.MEDICATION_ERROR,
    r"(?:frozen|froze|thawed|overheated|glovebox|heatwave|hot car)(?: [\w',]+){0,10} (?:used it "
    r"anyway|carried on (?:injecting|using)|kept (?:on )?(?:injecting|using))|nobody had "
    r"(?:reduced|adjusted|changed|stopped) (?:it|the dose)|(?:caught|intercepted|spotted) (?:it|"
    r"the error|the mistake) (?:at|before|during|on)|(?:crush\w*|trituran\w*|triturad\w*)"
    r"(?: [\w-]+){0,6} (?:xl|mr|sr|er|cr|retard|modified[- ]release|slow[- ]release|"
    r"extended[- ]release|liberacion prolongada)|misreading (?:the )?(?:label|chart|box|dose|"
    r"instructions)|" + _ALREADY_GIVEN + "|" + _GIVEN_TWICE + "|" + _DAILY_NOT_WEEKLY,
)
