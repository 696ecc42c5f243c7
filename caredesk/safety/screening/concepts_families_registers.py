"""Special situations in registers the earlier batches lacked, from the misses of two training
batches by independent writers (eval/contact_center/train_18.txt: agent shorthand, voicemail
transcripts, non-native English, Caribbean and River Plate Spanish; train_19.txt: devices and
farms). Both were written 2026-12-05 before the screener was run on them; first looks: special
situations 0.57 and 0.51. Merged into the table through concepts_families_lay.py; same rules as
concepts_families.py: families, not phrases.
"""

from __future__ import annotations

from caredesk.safety.screening.codes import SpecialSituation as SS
from caredesk.safety.screening.family_table import FamilyTable

SPECIAL_REGISTERS = FamilyTable()
_add = SPECIAL_REGISTERS.add


_WHOSE = (
    r"(?:cx's|pt's|nana'?s|nan'?s|nanny'?s|gran'?s|granny'?s|grandad'?s|grandpa'?s|grandma'?s|"
    r"mum'?s|mom'?s|mam'?s|dad'?s|mother's|father's|neighbou?r'?s|auntie'?s|aunty'?s|uncle'?s|"
    r"brother'?s|sister'?s|(?:someone|somebody) else's|de mi (?:vieja|viejo|abuel[oa]|madre|"
    r"padre|mama|papa|tia|tio|herman[oa])|de la (?:abuela|vecina|perra|gata)|del (?:perro|gato))"
)
_TAKER = (
    r"(?:dog|cat|puppy|kitten|pup|parrot|bird|rabbit|\d+ ?yo|\d+[- ]year[- ]old|toddler|kid|son|"
    r"daughter|grandson|granddaughter|nephew|niece|baby|she|he|sobrin[oa]|hij[oa]|nene|nena|"
    r"nieto|nieta|perro|gato)"
)
_add(
    SS.ACCIDENTAL_EXPOSURE,
    _TAKER + r"(?: \([^)]*\))?(?: just)? (?:got into|got hold of|got the (?:lid|cap|top) off|ate|"
    r"chewed|swallowed|se tomo|se comio|se trago)(?: [\w'~]+){0,3} " + _WHOSE,
)
_add(
    SS.ACCIDENTAL_EXPOSURE,
    r"(?:patch|plaster|parche)(?: [\w']+){0,6} (?:stuck|pegado|pegada) (?:to|on|en) (?:her|his|"
    r"the (?:baby|child|kid|dog)'s|su) (?:leg|arm|back|tummy|belly|pierna|brazo|espalda)",
)
# A second dose because the first was forgotten, or two carers each gave one.
_add(
    SS.OVERDOSE,
    r"forgot (?:she|he|i|they|we)(?:'d| had) already (?:had|taken|given|took)|(?:no|ni) se "
    r"acordaba(?: \w+){0,4} (?:se )?tomo otra|(?:then|and then) i gave (?:her|him|them) (?:one|"
    r"another|a dose|some)(?: [\w']+){0,4} not knowing|(?:two|2|both) doses in (?:an|one|1|half "
    r"an) hour|(?:\d+|two|three|four|five|six) at once every (?:night|day|morning)",
)
_add(
    SS.MEDICATION_ERROR,
    r"(?:cuchara|cucharada|spoon|tablespoon)(?: [\w']+){0,4} (?:en vez|en lugar|instead) (?:del?|"
    r"of)(?: \w+){0,2} (?:vasito|jeringa|medidor|syringe|cup|measure|dropper)|"
    r"(?:en la|in (?:the|his|her|my)) (?:nariz|nose|oido|ear|ojo|eye|cafe|coffee|tea|te|juice|"
    r"jugo) (?:en vez de|en lugar de|instead of)|"
    r"(?:been|estado|was|were|have been|has been) (?:doing|giving|taking|using) it wrong|"
    r"(?:dosette|pill ?box|pastillero|blister pack|weekly box)(?: [\w']+){0,3} (?:filled|made up|"
    r"packed|armado|llenado) (?:wrong|wrongly|incorrectly|mal)|(?:stuck|put) the label for "
    r"(?:the )?(?:\w+ ){0,3}on (?:the|a) (?:bottle|box|tube|pack) (?:of|for)|putting the wrong "
    r"ones in|pensaba que eran (?:las|los) (?:\w+ ){0,2}(?:vitaminas|pastillas|gotas)|"
    r"\d+ (?:puffs?|drops|tablets?|tabs|sprays?) every \d+ hours?,? not \d+",
)
_add(
    SS.LACK_OF_EFFICACY,
    r"(?:y nada|es como (?:echarse|ponerse|tomar) agua|como si fuera agua|selling water|like "
    r"putting water|might as well be water)|(?:precisely|exactly|just) as (?:it was|bad|before)|"
    r"(?:come|came|coming) down with (?:\w+ ){0,2}anyway|got (?:\w+ ){1,2}anyway (?:after|"
    r"despite)|breakthrough seizures?|"
    r"(?:on the pill|the morning[- ]after pill|pill del dia despues|pastilla del dia despues|"
    r"never missed (?:one|a pill|a dose))(?: [\w',]+){0,14} (?:pregnant|embarazada)|"
    r"(?:three|two|four|3|2|4) tubes? (?:of (?:the )?(?:\w+ ){0,3})?(?:done|used|finished)(?: "
    r"finish)?(?: [\w']+){0,4} (?:still|and still)|(?:chest pains?|pain|attacks?|seizures?|"
    r"fits?) still (?:come|comes|coming|happen|happening)",
)
_add(
    SS.WITHDRAWAL,
    r"(?:i|he|she) stop (?:the |my |his |her )?(?:\w+ ){0,2}(?:tablets|pills|meds|medicine|"
    r"spray)(?: [\w']+){0,10} (?:now|since)|ran out of (?:his |her |my |the )?(?:pain |sleep "
    r"|sleeping )?(?:meds?|medication|tablets|pills)(?: \([^)]*\))?(?: [\w']+){0,6}(?: →| ->|,|"
    r" and| then) (?:\w+ ){0,2}(?:sweats|shakes|sweating|shaking|restless|withdrawal|no sleep|"
    r"couldn't sleep|diarrh\w+)|(?:second|minute|moment|day) (?:i|he|she) (?:skip|miss|stop) "
    r"(?:it|a dose|the spray|a night)|electric (?:in|shocks in) (?:my|his|her) head|brain zaps",
)
_add(
    SS.MISUSE,
    r"(?:horse|cattle|sheep|dog|pig|animal|livestock|caballo|caballos|vaca|perro)(?: \w+){0,2} "
    r"(?:wormer|paste|pomada|crema|cream|injection|dewormer|desparasitante)(?: [\w']+){0,4} on "
    r"(?:his|her|their|my) (?:crackers|toast|food|bread|skin|back)|(?:pomada|crema) de los "
    r"(?:caballos|perros|animales)(?: \w+){0,3} en (?:la|su|el) (?:espalda|piel|rodilla|brazo|"
    r"pierna)|so (?:her|his|their) (?:mum|mom|dad|parents?|boss) (?:doesn't|does not|don't|won't) "
    r"know|working out the dose (?:himself|herself|themselves|myself)|(?:his|her|their) own "
    r"(?:dog|cat|horse)(?: [\w']+){0,3} the (?:cattle|sheep|horse|pig) (?:wormer|drench|"
    r"injection|dose)",
)
_add(
    SS.ABUSE,
    r"to feel (?:floaty|high|buzzed|chill|out of it|numb|fuzzy|spaced out|wavy)|drinking it for "
    r"(?:intoxication|a high|the high|kicks)|buying (?:\w+ ){0,3}by the dozen",
)
_add(
    SS.OFF_LABEL_USE,
    r"(?:leaflet|label|box|insert|packet|prospecto)(?: [\w']+){0,2} only (?:mentions|says|covers|"
    r"lists|talks about)|licensed (?:for )?(?:\d+\+|over \d+|adults only|from \d+)|not what "
    r"(?:it's|it is|they're|they are) (?:made|meant|licensed|intended) for|(?:on|for) (?:my|his|"
    r"her) (?:eyelashes|lashes|eyebrows|scalp|hair loss) to make them|pcos",
)
_add(
    SS.OCCUPATIONAL_EXPOSURE,
    r"(?:working|work|i work) (?:in|at|on) (?:the )?(?:factory|plant|warehouse|packing line|line|"
    r"lab)(?: [\w']+){0,10} (?:breathe|breathed|inhaled|inhale|splash\w*|got it|spilled)|"
    r"(?:shearer|stockman|farmhand|vet nurse|groomer|kennel hand)(?: here)?(?: [\w',]+){0,6} "
    r"(?:splash|spray|faceful|mouthful)",
)
_add(
    SS.COUNTERFEIT,
    r"trucho|(?:prospecto|leaflet|insert)(?: \w+){0,2} (?:es|is|was|era) (?:una |a )?"
    r"(?:fotocopia|photocopy)|no (?:tiene|trae|traia) (?:el |la )?(?:troquel|holograma|codigo de "
    r"(?:la )?(?:anmat|cofepris|invima|digemid))|(?:your )?brand on a sticker",
)

# The device and farm batch (train_19): doses a device or a dosing gun got wrong, work
# exposures told by the job, treatments that left the pests, one species' product on another.
_add(
    SS.OVERDOSE,
    r"ate (?:all|the whole|the entire|a whole)(?: \w+){0,2} (?:box|pack|tub|bag|bottle|packet|"
    r"(?:\w+ )?of (?:his|her|its|their|the))(?: [\w'-]+){0,5} (?:chews|tablets|treats|pills|"
    r"gummies)|(?:three|four|five|six|seven|eight|[3-9]|\d\d) (?:scoops|capsules|tablets|"
    r"gummies|chews|pills|sachets)(?: of (?:the )?[\w-]+)? at once|dosis de (?:vaca|caballo|"
    r"perro|oveja) adult[oa]|(?:bolus|dose)(?: [\w']+){0,4} (?:was )?(?:delivered|given|"
    r"injected) (?:again|twice)|the whole (?:tube|syringe|dose|pen|bottle) went in|ended up "
    r"(?:giving|taking|putting in) (?:him|her|them|it|myself )?(?:double|twice|triple)",
)
_add(
    SS.MEDICATION_ERROR,
    r"(?:picked up|grabbed|used|reached for) (?:the |her |his |my )?(?:[\w-]+ ){0,3}(?:pen|"
    r"tubes?|bottle|box|inhaler|drops|syringe|vial)s?(?: at bedtime| by mistake)? instead of "
    r"(?:the|her|his|my)|decimal (?:point )?(?:missed|in the wrong place|misplaced)|[\d.]+ ?u"
    r"(?:nits)? instead of [\d.]+ ?u(?:nits)?|injecting nothing|(?:dial|ring|setting)(?: \w+){0,3}"
    r" (?:wouldn't|would not|didn't|did not) (?:lock|hold|stay)|ended up (?:giving|taking) "
    r"(?:him|her|them|it|myself )?(?:double|twice|triple)|the whole (?:tube|syringe) went in",
)
_add(
    SS.OCCUPATIONAL_EXPOSURE,
    r"(?:nurse|veterinari[ao]|vet tech|farmer|shepherd|stockman|shearer|hatchery worker|groomer|"
    r"carer|care worker|enfermer[oa])(?: [\w',:.-]+){0,20} (?:sprayed|splashed|squirted|shot|"
    r"injected|jabbed|soaked|inyecte|salpico|pinche)(?: [\w']+){0,4} (?:into|in|onto|on|down|"
    r"en) (?:my|mi|la|one) (?:face|eyes?|own|finger|hand|thumb|side|mano|cara|ojos?|dedo)|"
    r"into my own (?:finger|hand|thumb|leg)|me (?:inyecte|pinche|clave)(?: \w+){0,3} en (?:la|"
    r"mi) (?:mano|dedo|pierna)|(?:at|during|after) (?:the )?milking(?: [\w']+){0,8} my hands",
)
_add(
    SS.LACK_OF_EFFICACY,
    r"(?:are|is|am|feel|feels|were|was) no better(?: at all)?|still (?:lousy|full of (?:fleas|"
    r"lice|ticks|worms|nits)|crawling with|got (?:fleas|lice|worms|ticks))|sigue (?:llen[oa] de|"
    r"con) (?:pulgas|garrapatas|piojos|lombrices)|no hizo (?:absolutamente )?nada|(?:ticks?|"
    r"fleas?)(?: [\w']+){0,3} (?:latched|attached|feeding|biting)(?: [\w']+){0,6} (?:after|"
    r"since|despite)|should have (?:dropped off|died|fallen off|been dead)",
)
_add(
    SS.MISUSE,
    r"reus(?:e|ed|ing) (?:the |my |his |her )?(?:single[- ]use|disposable|one[- ]use|daily)|"
    r"(?:daily|dailies|one-day) (?:lenses|contacts)(?: [\w']+){0,4} for (?:two|three|\d+) "
    r"(?:weeks|months)|sleeping in (?:them|the lenses|my lenses)",
)
_add(
    SS.OFF_LABEL_USE,
    r"(?:pet shop|neighbou?r|friend|someone|breeder|farm store|shop)(?: \w+){0,2} (?:said|told|"
    r"says|suggested|recommended)(?: [\w']+){0,8} (?:dog|puppy|cat|cattle|horse|sheep|broiler)"
    r"(?:'s)? (?:[\w-]+ ){0,2}(?:spot-on|wormer|paste|dip|spray|drench|collar|chews?|tablets?)|"
    r"broiler (?:\w+ ){0,2}(?:in the feed )?for the (?:laying hens|layers)|wash (?:our|my|the) "
    r"(?:[\w-]+ ){0,2}in the (?:cattle|sheep) (?:tick )?dip",
)
_add(
    SS.WITHDRAWAL,
    r"stopped(?: [\w'\"]+){1,6} after (?:taking|using) (?:them|it) (?:every day|daily|for)",
)
