"""Special situations said indirectly (what happened, not its name), from the misses of a
third training batch weighted to such wording (eval/contact_center/train_14.txt, written
2026-12-05 by an independent writer before the screener was run on it; first look: special
situations 0.51). Merged into the table through concepts_families_lay.py. Same rules as
concepts_families.py: plain pattern strings on normalised text, families not phrases, narrow
enough for ordinary messages.
"""

from __future__ import annotations

from caredesk.safety.screening.codes import SpecialSituation as SS
from caredesk.safety.screening.concepts_families import MED
from caredesk.safety.screening.family_table import FamilyTable

SPECIAL_INDIRECT = FamilyTable()
_add = SPECIAL_INDIRECT.add


_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"the (?:spring|summer|autumn|fall|winter))"
)
_KIDS = (
    r"(?:\d+ ?yo|\d+[- ](?:year|month)[- ]old|toddler|baby|child|son|daughter|kid|grandchild|"
    r"granddaughter|grandson|little one|lad|girl|boy|pupil)"
)
_CLINICIAN = (
    r"(?:consultant|doctor|gp|dr|specialist|vet|nurse|pharmacist|dermatologist|midwife|"
    r"geriatrician|psychiatrist|neurologist|paediatrician|pediatrician|dentist|surgeon)"
)
_STAFF = (
    r"(?:care assistant|carer|nurse|staff|worker|technician|vet nurse|farm ?hand|stockman|"
    r"stockwoman|farmer|pharmacist|dental nurse|employee|colleague|operator|driver|cleaner)"
)
_DRINK = r"(?:vodka|whisky|whiskey|gin|rum|wine|beer|cider|tequila|alcohol|booze|cans)"

_add(
    SS.PREGNANCY,
    r"(?:lady|woman|wife|partner|girlfriend|daughter|she's|she is|i'm|i am|mum|mother)"
    r"(?: [\w,]+){0,3},? due in " + _MONTH + r"|two lines on the (?:test|stick)|positive "
    r"pregnancy test|esperando (?:un )?bebe|(?:\d{1,2}|six|eight|ten|twelve|twenty) weeks "
    r"(?:along|gone)|(?:patient|she|lady|woman|mum)(?:'s| is| was)? (?:around|about|nearly|"
    r"almost|at) \d{1,2} weeks",
)
_add(
    SS.BREASTFEEDING,
    r"(?:giving|give|gives) feeds? to (?:our|the|her|my) baby|expressing for (?:bub|the baby|"
    r"baby|him|her|my|our)|(?:while|when) (?:i'm|i am|she's|she is) (?:still )?(?:feeding|"
    r"nursing)(?! (?:the|my|our|his|her) (?:dog|cat|horse|calves|lambs|pets|animals|chickens))",
)
_add(
    SS.OVERDOSE,
    r"(?:then|and) (?:another|\d+ more)(?: [\w']+){0,4},? (?:then|and) (?:another|\d+ more)|"
    r"(?:well|way|far) over (?:the )?(?:limit|max(?:imum)?|dose|recommended|what it says)|"
    r"realised that's (?:well |way )?over|doubled (?:up )?(?:on )?(?:her|his|my|the|their) "
    r"(?:\w+ ){0,2}(?:tablets|pills|dose|meds|medication|insulin|patches)|"
    r"(?:\d+|dos|tres|cuatro|cinco|seis|siete|ocho) (?:pastillas|comprimidos|capsulas)"
    r"(?: \w+){0,3} (?:juntas|juntos|de golpe|a la vez|de una vez)|"
    r"(?:taken|took|given|gave|had|got|received) (?:the |his |her |my |their )?(?:\w+ ){0,2}"
    r"(?:tablet|pill|dose|insulin|injection|medicine|tablets|pills|patch) (?:two|2|three|3) "
    r"times (?:in|this|that|the)|(?:got|given|gave|had|received|took) (?:her|his|their|my|the) "
    r"(?:\w+ )?(?:insulin|dose|tablets|pills|medication|meds|injection|patch) twice|"
    r"(?:[2-9]|two|three|four) (?:patches|doses|tablets|pills|injections|shots)(?: on)? at "
    r"(?:once|the same time)|(?:taking|eating|popping|takes|eats|pops) (?:the |them |these |"
    r"those |his |her )?(?:\w+ ){0,2}like (?:sweets|smarties|chocolates?|candy|skittles|tic "
    r"tacs)|\d{2,}(?:-\d+)? (?:of the |of his |of her )?(?:[\w-]+ ){0,2}(?:capsules|tablets|"
    r"pills|caps)(?: a| per) day|(?:\d+|una|dos|tres) (?:cucharadas?|cucharas?|spoonfuls?|"
    r"tablespoons?)(?: [\w']+){0,4} (?:en vez de|en lugar de|instead of) \d+ ?ml",
)
_add(
    SS.MEDICATION_ERROR,
    r"thought (?:they|it) (?:were|was) (?:a |the )?(?:weaker|lower|stronger|higher|different|"
    r"children's|child|adult) (?:strength|dose|version|one)|"
    r"(?:gave|given|handed|administered)(?: \w+){0,2} \w+'s (?:\w+ ){0,2}(?:" + MED + r"|"
    r"tablets|pills|meds|medicines?|medication|dose) to (?:mr|mrs|ms|miss|dr|another|the wrong) |"
    r"(?:pharmacy|chemist|pharmacist|dispensary)(?: \w+){0,3} (?:has )?(?:given|gave|dispensed|"
    r"supplied|sent)(?: [\w+]+){0,5} instead of|from (?:a|his|her|another|the) (?:classmate|"
    r"sibling|brother|sister|friend|patient|resident|neighbou?r|other child)'s|"
    r"(?:le di|le dimos|le he dado|le puse)(?: a \w+ \w+)? (?:el|la|los|las) (?:\w+ )?(?:de su|"
    r"del|de la) (?:herman[oa]|padre|madre|abuel[oa]|prim[oa]|ti[oa])|"
    r"adult[- ](?:strength|dose|version|formula)(?: [\w']+){0,4} (?:on|for|to|given to) (?:a |"
    r"the |my |his |her )?(?:child|kid|baby|toddler|son|daughter|pupil|infant)|"
    + _KIDS
    + r"(?: [\w']+){0,5} (?:with|given|got) (?:the )?adult[- ]strength",
)
_add(
    SS.OVERDOSE,
    r"(?:\d+|una|dos|tres) (?:cucharadas?|cucharas?|spoonfuls?|tablespoons?)(?: [\w']+){0,4} "
    r"(?:en vez de|en lugar de|instead of) \d+ ?ml",
)
_add(
    SS.MEDICATION_ERROR,
    r"(?:\d+|una|dos|tres) (?:cucharadas?|cucharas?|spoonfuls?|tablespoons?)(?: [\w']+){0,4} "
    r"(?:en vez de|en lugar de|instead of) \d+ ?ml",
)
_add(
    SS.LACK_OF_EFFICACY,
    r"since (?:the )?switch(?:ing)? (?:to|over)(?: [\w']+){0,8} (?:had|having|fits|seizures|"
    r"worse|back)|no (?:me |le )?(?:baja|bajan|bajo|bajaron) nada|sigo (?:en|con) \d+/\d+|"
    r"(?:never missed|been on (?:the|his|her) (?:monthly|prevent\w*))(?: [\w']+){0,8} "
    r"(?:tested positive|caught|picked up) (?:for )?(?:heartworm|worms|lungworm|fleas|ticks)|"
    r"(?:morning[- ]after pill|emergency contracept\w+)(?: [\w',]+){0,10} (?:pregnant|weeks "
    r"gone|weeks along|positive (?:pregnancy )?test)|(?:ya )?no (?:me |le )?(?:funciona|hace "
    r"efecto|abre el pecho) como antes|(?:doesn't|does not|isn't|no longer) (?:work|working|"
    r"works|help|helping|open\w*)(?: [\w']+){0,3} (?:like|as) (?:before|it did|it used to)",
)
_add(
    SS.OFF_LABEL_USE,
    _CLINICIAN + r"(?: \w+){0,3} (?:told|said|asked|advised|wants|recommended)(?: [\w']+){0,12},? "
    r"(?:even though |although |but |and )?(?:the )?(?:box|label|leaflet|pack|packet|"
    r"instructions) (?:says|said|states)|" + _CLINICIAN + r"(?: \w+){0,2} (?:put|has put|"
    r"prescribed|gave|started) (?:my|his|her|our|the) (?:\w+ )?" + _KIDS + r" on (?:the |an |a )?"
    r"adult|" + _CLINICIAN + r"(?: \w+){0,3} (?:put|prescribed|has put|started)(?: \w+){0,3} "
    r"(?:on )?(?:double|twice|triple|three times) the (?:usual|normal|recommended|licensed|"
    r"maximum|max|label) dose|(?:pediatra|medic[oa]|doctor[a]?|veterinari[oa])(?: [\w'\"]+)"
    r"{0,12} a partir de \d+ (?:anos|meses)|"
    r"(?P<sp3>cattle|dog|cat|horse|sheep|pig|human|canine|bovine)(?: \w+)? (?:injection|vaccine|"
    r"jab|wormer|drench|tablets?|spot-on|pour-on) (?:on|in|for|to) (?:the |our |my |his |her )?"
    r"(?!(?P=sp3))(?:alpacas?|llamas?|goats?|dogs?|cats?|horses?|ponies|sheep|pigs?|rabbits?|"
    r"ferrets?|camels?|deer)",
)
_add(
    SS.ACCIDENTAL_EXPOSURE,
    r"(?:testosterone|hormone|hrt|oestrogen|estrogen) gel(?: [\w']+){0,12} (?:our|my|his|her|"
    r"the) (?:" + _KIDS + r"|wife|partner|dog|cat)|(?:dropped|fell)(?: [\w']+){0,8} (?:cat|dog|"
    r"puppy|kitten|toddler|baby|child)(?: [\w']+){0,6} (?:licked|chewed|ate|swallowed)|"
    r"(?:mi|su|el|la) (?:chamac[oa]|hij[oa]|nen[ea]|bebe|nin[oa]|pib[ea]|guagua)(?: de \d+ "
    r"(?:anos|meses))? se (?:tomo|bebio|trago|comio) (?:del|de la|el|la|unas?|unos?) (?:\w+ ){0,4}"
    r"(?:de su|del|de la) (?:abuel[oa]|abuelit[oa]|madre|padre|mama|papa|herman[oa]|ti[oa])|"
    r"got (?:at|hold of) (?:the |my |his |her |a )?(?:\w+ ){0,2}(?:" + MED + r"|tube|tablets|"
    r"pills|tub|bottle)",
)
_add(
    SS.OCCUPATIONAL_EXPOSURE,
    _STAFF
    + r"(?: [\w',]+){0,14} (?:without|no|sin) (?:gloves|guantes|a mask|protection|ppe)|"
    + _STAFF
    + r"(?: [\w',]+){0,14} (?:got|had) (?:a )?(?:face ?full|mouthful|splash|eyeful|lungful)|"
    r"(?:soy|es) (?:enfermer[oa]|farmaceutic[oa]|tecnic[oa]|veterinari[oa]|auxiliar|"
    r"cuidador[a]?)(?: [\w',]+){0,10} (?:me |le |se )?(?:salpico|pincho|cayo|derramo)|"
    r"(?:de la veterinaria|de la clinica|de la farmacia|del hospital|enfermer[oa]|auxiliar)"
    r"(?: \w+){0,4} se pincho|" + _STAFF + r"(?: [\w',]+){0,8} (?:jabbed|stuck|pricked|injected|"
    r"needled|spiked) (?:herself|himself|themselves|myself)",
)
_add(
    SS.WITHDRAWAL,
    r"(?:quit|stopped|came off|coming off|went off)(?: [\w']+){0,6} (?:pills|tablets|meds|"
    r"medication|antidepressants?|patches)(?: [\w',]+){0,10} (?:now|and now|since then)"
    r"(?: [\w']+){0,3} (?:shak\w*|sweat\w*|dizzy|zaps|sick|seein\w*|seeing things|anxious|"
    r"aching|can't sleep|cant sleep)|(?:stopped|d/c'?d|ceased|came off|discontinued) (?:the |"
    r"his |her |my )?(?:\w+ ){0,2}\(?\d+/[57]\)? ago,?(?: [\w'(),]+){0,10},? (?:c/o|"
    r"complain\w*|now|with|reports?)|(?:tried to stop|tried stopping|tried to quit|tried "
    r"quitting|tried coming off)(?: [\w']+){0,4} (?:and|but) (?:i'm|i am|i've been|i have been|"
    r"i|now)",
)
_add(
    SS.ABUSE,
    r"(?:caps|pills|tablets|gel caps|syrup|codeine|painkillers)(?: [\w']+){0,4} ?(?:\+|with|"
    r"and|washed down with|mixed with) (?:a |some )?(?:naggin|bottle|shot|glass|can|few|couple|"
    r"drop) of " + _DRINK + r"|for the (?:buzz|high)|to get off (?:oxy\w*|opioids|heroin|"
    r"methadone|subs|fentanyl|the gear)",
)
_add(
    SS.MISUSE,
    r"(?:several|many|a few|\d+|two|three) times (?:an|per|every) hour|every (?:hour|half hour|"
    r"30 minutes)|(?:nasal|decongestant) (?:spray|drops) since (?:last (?:christmas|year|summer|"
    r"winter|spring|autumn)|the (?:summer|winter|spring|autumn))|chew(?:ing|ed|s)? (?:the |them |"
    r"my |his |her )?(?:\w+ )?(?:long-acting|slow[- ]release|extended[- ]release|modified[- ]"
    r"release|sustained[- ]release|prolonged[- ]release|enteric[- ]coated)|(?:wart|verruca|"
    r"corn|skin tag)(?: \w+)? (?:freezer|freeze|remover|treatment|gel|cream|plasters?) on (?:a |"
    r"my |his |her |the )?(?:mole|moles|face|birthmark|genitals|freckle)|desde hace (?:\d+|dos|"
    r"tres|un|una|varios|muchos) (?:anos|meses|semanas)(?: [\w'\"()]+){0,6} (?:dice|pone) "
    r"(?:maximo|max|como maximo|no mas de)|swallow(?:ing|ed|s)? (?:the |it|them)(?: \w+){0,3} "
    r"instead of (?:spitting|rinsing|gargling)",
)
