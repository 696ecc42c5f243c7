"""Special situations mentioned in passing, inside a message about something else, from the
misses of a fourth training batch (eval/contact_center/train_15.txt, written 2026-12-05 by an
independent writer before the screener was run on it; first look: special situations 0.52).
Merged into the table through concepts_families_lay.py; same rules as concepts_families.py.
"""

from __future__ import annotations

from caredesk.safety.screening.codes import SpecialSituation as SS
from caredesk.safety.screening.family_table import FamilyTable

SPECIAL_IN_PASSING = FamilyTable()
_add = SPECIAL_IN_PASSING.add


_CHILD = (
    r"(?:\d+[- ](?:year|month|week)[- ]old|\d+ ?yo|toddler|child|son|daughter|kid|baby|bub|"
    r"twins|grandson|granddaughter)"
)
_ANIMAL = r"(?:dog|cat|goat|horse|pony|puppy|kitten|sheep|cow|pig|rabbit|ferret)"
_SHOPS = r"(?:branches|pharmacies|chemists|shops|stores|farmacias)"

_add(
    SS.PREGNANCY,
    r"found out(?: \w+){0,3} (?:that )?(?:we're|she's|i'm|we are|she is|i am|we were|she was|i "
    r"was) (?:expecting|pregnant)|preggers|preggo|before (?:i|she|we) knew (?:i|she|we) (?:was|"
    r"were) (?:pregnant|expecting)|(?:are|is|were|was|most|all|some) (?:\w+ )?in (?:lamb|calf|"
    r"foal|kid|pig)(?![\w'])|two (?:pink |blue )?lines (?:this morning|today|on (?:the )?"
    r"(?:test|stick))",
)
_add(
    SS.BREASTFEEDING,
    r"(?:exclusively |fully |partly )?breast-?fed|pumping for (?:her|my|the|our) (?:baby|son|"
    r"daughter|twins|bub)|feeds? (?:him|her|them) (?:herself|myself|naturally)|(?:wks?|weeks|"
    r"months?|mos?)(?: old)?,? (?:nursing|ebf)",
)
_add(
    SS.OVERDOSE,
    r"(?:took|take|taken|gave|given|had) (?:\d+|two|three|four|five|six) instead of (?:1|one|the "
    r"one|a single)|(?:took|taken|swallowed|had) (?:~|about |around |nearly |almost |over )?"
    r"(?:[5-9]|\d{2,}) of (?:the|my|his|her|their|your|those|these) |(?:se tomo|se ha tomado|me "
    r"tome|me he tomado|tomo|le di|le dio)(?: [\w']+){0,5} dos veces|(?:a )?(?:whole|full) day's "
    r"(?:worth|dose)(?: of)?(?: [\w']+){0,4} in (?:one|an|a single) (?:evening|go|night|hour|"
    r"morning|afternoon)",
)
_add(
    SS.MEDICATION_ERROR,
    r"\d+ ?kg (?:pony|horse|dog|cat|\w+)(?: [\w',]+){0,6} (?:dosed|is for|meant for|for) "
    r"(?:a |an )?\d+ ?kg|(?:gave|given|giving) (?:our|my|his|her|the) "
    + _CHILD
    + r" (?:an? )?adult (?:\d+|dose|tablet|one|strength|version)|to the wrong (?:mr|mrs|ms|miss|"
    r"patient|person|customer|resident|child|lady|man)|me (?:dieron|dio|han dado|vendieron|"
    r"despacharon) (?:\w+ ){0,2}en (?:vez|lugar) de|(?:gave|given|sold|dispensed|handed) "
    r"(?:me|him|her|us) (?:\w+ ){1,3}instead of|(?:weekly|once a week)(?: [\w']+){0,4} "
    r"(?:took|taken|taking|given|gave|had) (?:it |them )?(?:daily|every day|each day)",
)
_add(
    SS.OVERDOSE,
    r"(?:gave|given|giving) (?:our|my|his|her|the) " + _CHILD + r" (?:an? )?adult (?:\d+|dose|"
    r"tablet|one|strength|version)|(?:weekly|once a week)(?: [\w']+){0,4} (?:took|taken|taking|"
    r"given|gave|had) (?:it |them )?(?:daily|every day|each day)",
)
_add(
    SS.MISUSE,
    r"doubl(?:ing|ed|e) up(?: [\w']+){0,6} (?:thinking|to make|so (?:it|they)|hoping|to get)|"
    r"(?:laxative|slimming|diet|detox)\w*(?: [\w'\"]+){0,8} (?:to (?:drop|lose|shed) (?:a few |"
    r"some |\d+ )?(?:pounds|lbs|kilos|kg|weight)|before (?:my |the )?weigh-?ins?)|"
    + _ANIMAL
    + r"(?:'s)? (?:\w+ ){0,2}(?:drops|tablets|cream|ointment|wormer|paste|spray|shampoo)"
    r"(?: [\w',]+){0,6} (?:in|on) (?:her|his|my|their) own|(?:takes|took|taking|uses|used|using) "
    r"(?:a bit|some|it|them|a dose)(?: of it)? (?:himself|herself|myself|themselves)|"
    r"(?:se lo|se la|le) (?:doy|damos|daba|di) (?:a mi \w+ )?(?:\w+ ){0,5}para que (?:duerma|se "
    r"duerma|este tranquil[oa]|se calme)|crush(?:ed|es|ing)? (?:them|it)(?: [\w']+){0,3} (?:and|"
    r"to) (?:mix|stir|put|add|snort|sprinkle)",
)
_add(
    SS.ABUSE,
    r"(?:buying|buys|bought|getting|gets) (?:the )?(?:\w+ ){0,3}(?:in|from|at) (?:three|four|five|"
    r"several|multiple|different|\d+) (?:of (?:our|your|the) )?" + _SHOPS + r"|(?:se lo|se la) "
    r"(?:bebe|toma|traga) (?:entero|entera|de un trago|de golpe)|(?:dispensed|prescribed|meant) "
    r"for (?:her|his|their|the) (?:\w+ )?(?:dog|cat|horse|pet)(?: [\w']+){0,3} (?:herself|"
    r"himself|themselves)|(?:early|fourth|third|repeated) (?:early )?repeat (?:requests?|"
    r"prescriptions?)|(?:wearing|using|taking|took|wore) (?:one of )?(?:a|the|her|his) (?:resident|"
    r"patient|client)'s (?:\w+ )?(?:patch(?:es)?|tablets|pills|meds|medication|medicines)",
)
_add(
    SS.LACK_OF_EFFICACY,
    r"still crawling with (?:fleas|lice|ticks|mites|worms)|(?:hasn't|didn't|did not|has not|"
    r"haven't) touched (?:them|it|the (?:fleas|lice|pain|itch|cough))|igual que sin nada|como si "
    r"no (?:me )?hubiera (?:puesto|tomado) nada|as if i(?:'d| had) (?:used|taken|put on) nothing|"
    r"(?:morning[- ]after pill|emergency contracept\w+)(?: [\w',]+){0,14} (?:pregnant|weeks "
    r"gone|weeks along|positive (?:pregnancy )?test)",
)
_add(
    SS.ACCIDENTAL_EXPOSURE,
    r"(?:handed|passed|shared) (?:round|around|out) (?:her|his|their) (?:mum's|mom's|dad's|"
    r"mother's|father's|parent's|gran's) (?:\w+ )?(?:gum|tablets|pills|medicine|patches|vape)|"
    + _ANIMAL
    + r"(?: \w+){0,2} (?:ate|chewed|swallowed|licked)(?: \w+){0,3} (?:half|most|some|part|all) "
    r"(?:of )?(?:the|a|my|his|her) (?:tube|tub|bottle|pack|packet|box|strip|blister|jar)",
)
_add(
    SS.OCCUPATIONAL_EXPOSURE,
    r"(?:driver|worker|operator|staff|farmer's wife|farmer's husband|farm worker|forklift "
    r"driver)(?: [\w',]+){0,14} (?:got (?:it|some|the \w+)(?: \w+)? (?:down|on|over|in|into) "
    r"(?:his|her|their) (?:arms?|hands?|face|eyes?|legs?|skin)|(?:without|no) (?:gloves|a mask|"
    r"protection|ppe)|breathed in)|enfermer[oa]s?[:,]?(?: [\w',]+){0,10} (?:me |le |se )?"
    r"(?:salpico|pincho|cayo|derramo)",
)
_add(
    SS.WITHDRAWAL,
    r"(?:after|for) (?:\w+ ){0,2}(?:days?|weeks?) without(?: (?:it|them|my \w+))?,? (?:i've got|"
    r"i have|i'm|i am|i got|i had|i've had)|brain zaps|(?:al )?dejarl[ao]s? de golpe|"
    r"(?:stopped|quit|came off) (?:the |his |her |my )?(?:\w+ ){0,3}after (?:\d+|two|three|four|"
    r"six|several|a few) (?:wks?|weeks|months|yrs?|years) of (?:daily |regular |constant )?use",
)
_add(
    SS.COUNTERFEIT,
    r"(?:bought|got|ordered) [\"'](?:your|yours)[\"']|[\"']your[\"'] (?:\w+ ){0,3}(?:from|off|on) "
    r"(?:a |an )?(?:tiktok|facebook|instagram|market|marketplace|ebay|amazon|website|stall)",
)

# From the fifth writer's batch (eval/contact_center/train_16.txt: Scottish, Canadian, South
# African, Nigerian and Filipino English; Chilean, Colombian and Peruvian Spanish).
_add(
    SS.PREGNANCY,
    r"(?:i'm|i am|she's|she is|we're|we are) expecting(?:,| -)? (?:about |around |nearly )?"
    r"(?:\d+|\w+) weeks|(?:girlfriend|wife|partner|daughter)'s (?:pregnancy )?test came (?:up|"
    r"back) positive|de encargo|esperando guagua",
)
_add(
    SS.OVERDOSE,
    r"(?:[3-9]|\d\d) instead of (?:1|2|one|two)(?![\d.])|(?:\d{2,}|[2-9]) ?(?:ml|mg|units?)"
    r"(?: [\w']+){0,4} instead of (?:the )?(?:0?\.\d+|1) ?(?:ml|mg|units?)|lost count(?: [\w']+)"
    r"{0,8} (?:taken|took|had|given|gave)|(?:taken|took|had) (?:her|his|my|the|their) "
    r"(?:\w+ ){0,2}(?:tablets|pills|dose|meds) (?:two|three|2|3) times (?:last night|yesterday|"
    r"today|this morning)|(?:se tomo|me tome|tomo|se ha tomado) (?:[5-9]|\d{2,}|cinco|seis|siete|"
    r"ocho|nueve|diez) (?:pastillas|comprimidos|capsulas|sobres)",
)
_add(
    SS.MISUSE,
    r"eye drops (?:inside|in|into|up) (?:his|her|my|their) nose|(?:crema|pomada|gel|pasta|gotas) "
    r"(?:de|para) (?:los |las )?(?:caballos?|perros?|gatos?|vacas?|ovejas?|animales)(?: \w+){0,3} "
    r"(?:en|para) (?:las |los |sus |mis )?(?:rodillas|piernas|espalda|manos|ojos|pies|"
    r"articulaciones|piel)|(?:nasal|decongestant) spray(?: [\w',]+){0,6} (?:five|six|\d+|several|"
    r"many) months|(?:laxative|slimming|diet|detox)\w*(?: [\w'\"]+){0,8} to [\"']?(?:stay|keep|get)"
    r" (?:slim|thin|skinny)",
)
_add(SS.ABUSE, r"to get a (?:buzz|high)|for a (?:buzz|high)")
_add(
    SS.WITHDRAWAL,
    r"(?:when|after|once) (?:i|he|she|they) (?:tried|try) (?:stopping|to stop|to quit|quitting|"
    r"coming off)(?: [\w']+){0,3} (?:i|he|she|they) (?:got|get|had|felt|feel|started)|(?:ran|run|"
    r"running) out of (?:my|his|her|the|their) (?:[\w-]+ ){0,6}(?:and|then|so) (?:i |he |she |"
    r"they )?(?:hasn't|haven't|has not|can't|couldn't|hadn't) (?:slept|been able)|me quede sin "
    r"(?:las|los|mis|el|la) (?:\w+ ){0,5}(?:y|entonces)",
)
_add(
    SS.MEDICATION_ERROR,
    r"(?:picked|dispensed|selected|given|supplied|issued) in error|near[- ]miss|(?:gave|given) "
    r"(?:her|his|my|our|the) " + _CHILD + r" (?:the |an? )?adult[- ]strength",
)
_add(
    SS.LACK_OF_EFFICACY,
    r"(?:\w+'s|has|have|had) done (?:nothing|absolutely nothing|sod all|zilch) for|still (?:low|"
    r"high|raised|elevated)(?: [\w']+){0,2} despite|(?:pildora|pastilla) del dia despues"
    r"(?: [\w',]+){0,8} (?:embarazada|quede)",
)
_add(
    SS.OFF_LABEL_USE,
    r"outside (?:the )?(?:smpc|licen[cs]e|label|licensed indication|marketing authori[sz]ation)|"
    r"off[- ]label|unlicensed use|fuera de (?:ficha tecnica|indicacion)|(?:which|that) the "
    r"(?:manual|label|leaflet|instructions) (?:excludes|doesn't cover|does not cover|says not to|"
    r"warns against)|(?:al|a la|a los|a nuestro|a mi) (?:conejo|gato|perro|caballo|hamster|"
    r"huron|loro|cobayo)(?: \w+){0,2} (?:las |los |el |la )?(?:\w+ )?(?:para|de) (?:perros?|"
    r"gatos?|caballos?|vacas?|humanos?|personas)",
)
_add(
    SS.ACCIDENTAL_EXPOSURE,
    r"(?:boy|girl|child|kid|toddler|baby|son|daughter|grandson|granddaughter|nephew|niece) "
    r"(?:\w+ ){0,2}(?:swallowed|drank|ate|chewed|licked) (?:some|a bit|part|half|most) of "
    r"(?:the|my|his|her|their|our) ",
)
_add(
    SS.COUNTERFEIT,
    r"looks? (?:just |exactly )?like (?:yours|the real (?:one|thing)|the genuine (?:one|thing))"
    r"(?: [\w']+){0,2} but|bought (?:in|at|from) (?:a |the )?(?:barber ?shop|corner shop|petrol "
    r"station|nightclub|car boot)",
)

# From the sixth writer's batch (eval/contact_center/train_17.txt: US Midwest, New Zealand,
# Singapore, Jamaican, Kenyan and Indian English; Venezuelan, Uruguayan and Spain Spanish).
_SWEETS_ES = r"(?:caramelos|dulces|golosinas|chuches|gomitas)"
_add(
    SS.PREGNANCY,
    r"(?:baby's|baby is|bub's) due (?:in|on|at)(?= )|(?:un )?bebe en camino|baby on the way",
)
_add(
    SS.OVERDOSE,
    r"(?:swallowed|took|taken|ingested) (?:approx\.? |approximately |about |around |~)?(?:\d{2,}|"
    r"[5-9]) ?x(?= )|(?:cucharadas?|cucharas?)(?: [\w']+){0,4} en (?:vez|lugar) de (?:media|una)|"
    r"(?:1 ?g|1000 ?mg)(?: [\w']+){0,3} every (?:2|3|two|three) hours|(?:drink\w*|drank|"
    r"swallow\w*|downs?|downing|downed)(?: \w+){0,4} (?:two|three|2|3|several)(?: and (?:three|"
    r"four|3|4))? bottles at a time|(?:instructions|sheet|label|notes?) said "
    r"(?:half|one|a quarter)(?: [\w'.]+){0,10} (?:gave|given) (?:her|him|them|it) (?:two|three|2|"
    r"3)",
)
_add(
    SS.MISUSE,
    r"(?:contact lens|lens) (?:\w+ )?solution(?: [\w']+){0,4} (?:into|in) (?:her|his|my|their) "
    r"eyes|(?:foot|athlete's foot|fungal|verruca|wart|nappy|haemorrhoid|piles)(?: \w+)? (?:spray|"
    r"cream|gel|powder) on (?:his|her|my|their) (?:face|eyes|lips)|(?:horse|cattle|sheep|cat)"
    r"(?: fly)? (?:repellent|spray|wormer|drench|pour-on|shampoo)(?: [\w']+){0,3} on (?:her|his|"
    r"my|their|the) (?:lab|labrador|dog|puppy|terrier|spaniel|collie|cat|kitten)|(?:cattle|horse|"
    r"sheep|dog|cat) (?:de)?wormer (?:in|inna|into) (?:his|her|him|my) (?:tea|food|drink)|"
    r"(?:aspirin|tablet|pill)(?: \w+)? (?:against|on) (?:her|his|my) (?:gum|gums|tooth)|spray "
    r"nasal(?: \w+){0,6} (?:dos|tres|\d+) meses|(?:cuatro|cinco|seis|siete|ocho|\d+) (?:o "
    r"(?:cinco|seis|siete|\d+) )?veces al dia",
)
_add(
    SS.LACK_OF_EFFICACY,
    r"(?:egg counts?|fecs?)(?: [\w']+){0,4} (?:higher|up|no lower|the same)|(?:pildora|pastilla) "
    r"del dia despues(?: [\w',]+){0,8} positivo",
)
_add(
    SS.OFF_LABEL_USE,
    r"(?:doctor|gp|dr|vet|nurse|pharmacist|paediatrician|pediatrician)(?: \w+){0,2} (?:gave|"
    r"prescribed|started)(?: \w+){0,2} (?:my|his|her|our|the) (?:\d+[- ]?(?:year[- ]old|yo)|"
    r"toddler|child|son|daughter)(?: \w+){0,2} (?:the |an? )?adult|(?:colirio|gotas) (?:del|para "
    r"el|de) glaucoma(?: \w+){0,3} (?:en|para) las pestanas|glaucoma drops on (?:my|her|the) "
    r"(?:lashes|eyelashes)|(?:vet|doctor)(?: [\w']+){0,6} (?:cat|dog|horse|cattle) (?:ear |eye )?"
    r"(?:drops|spray|cream|wormer)(?: [\w']+){0,3} (?:on|in|for) (?:a |the |our )?(?:\w+ )?"
    r"(?:rabbit|bunny|ferret|guinea pig|hamster)",
)
_add(
    SS.ACCIDENTAL_EXPOSURE,
    r"(?:pens[oa]|creyo|creia) que eran " + _SWEETS_ES + r"|(?:botij[ao]|guri|nin[oa]|hij[oa]|"
    r"nen[ea]|bebe|perr[oa]|gat[oa])(?: de \w+ anos)? (?:mordio|se comio|se trago|chupo|lamio) "
    r"(?:un|una|el|la|unas?) (?:blister|sobre|pastilla|comprimido|parche)|(?:grabbed|took|picked "
    r"up) (?:a |his |her |the )?(?:classmate's|sibling's|brother's|sister's|friend's|mum's|"
    r"dad's|grandma's|granny's)(?: \w+){0,2} (?:gummy|tablet|pill|patch|gum)(?: [\w']+){0,6} "
    r"(?:ate|swallowed|chewed)|(?:perr[oa]|gat[oa]) se (?:ha )?comido (?:un|una|el|la)(?= )",
)
