"""Misuse, abuse, off-label use, exposures, pregnancy, lack of efficacy, infectious agents and
fakes told by what people did and saw rather than named: a label known and not followed, a
cream put to a cosmetic use, "for the buzz", a product licensed for dogs only used in a ferret,
a bump of 34 weeks, counts unchanged after a course, a donor's virus, a lot that is not on
record. Read off the misses of the seventeenth to twenty-first writers' batches
(eval/contact_center/train_28.txt … train_32.txt, written 2026-12-05 before the screener was
run on them), and the clinicians' wording of the twenty-second (train_33.txt). Merged through
concepts_families_lay.py.
"""

from __future__ import annotations

from caredesk.safety.screening.codes import SpecialSituation as SS
from caredesk.safety.screening.family_table import FamilyTable

SPECIAL_USES = FamilyTable()
_add = SPECIAL_USES.add

_LABEL = r"(?:box|label|leaflet|tube|tin|packet|pack|bottle|insert|prospecto|caja|etiqueta)"
_CHILD = r"(?:\d+[- ]year[- ]old|\d+yo|child|son|daughter|kid|toddler|baby|bebe)"

# The label known and not followed ("I see now that the tube says not to"), a use many
# times a day instead of once, to make it work faster, a farm product on oneself, a cream under
# the eyes, crushing what the box says not to crush.
_add(
    SS.MISUSE,
    r"(?:i know|i see now|i realise|i realize|i know full well) (?:that )?(?:the )?"
    + _LABEL
    + r" says|"
    r"(?:\w+|\d+) (?:times )?a (?:day|night) instead of (?:once|twice|one|1|the once)|"
    r"(?:wants?|wanted) (?:it|them) to work (?:faster|quicker)|"
    r"to (?:make|help) (?:it|them) work faster|"
    r"(?:cattle|sheep|horse|dog|cat|pig|pony) (?:\w+ ){0,2}(?:pour-?on|drench|wormer|spray|dip|"
    r"spot-?on|paste|cream|shampoo|tablets?) on (?:my|his|her) (?:own )?(?:head|skin|hair|"
    r"arms?|legs?|face|body|feet)|not for (?:humans|human use|people)|"
    # (starting before the product's name: "piles cream" alone reads as a product name)
    r"(?:the|some|my|her|his|their|a bit of) (?:haemorrhoid|hemorrhoid|piles|nappy|diaper) "
    r"cream (?:under|on|around) (?:my|his|her|"
    r"their) (?:eyes|face|wrinkles|eye bags|bags)|"
    + _LABEL
    + r" says (?:don't|do not|not to) (?:crush|split|chew|cut|open)(?: [\w',]+){0,3} but "
    r"(?:i|we)",
)
# For the buzz or a high; bought at several of one chain's shops; patches cut open or chewed;
# tablets from a dealer.
_add(
    SS.ABUSE,
    r"for the (?:buzz|high|hit)|to get (?:high|a buzz|buzzed|wasted|off (?:my|his|her|their) "
    r"face)|(?:floaty|nice|little) (?:buzz|high)|(?:like|love|enjoy) the (?:\w+ )?(?:buzz|high)|"
    r"(?:bought|buying|buys)(?: [\w',]+){0,8} (?:at|from|in) (?:all )?(?:three|four|five|"
    r"several|different|\d+) (?:of (?:our|the) )?(?:shops|branches|pharmacies|chemists|"
    r"stores)|(?:buying|bought|buys) (?:boxes|packs) from different (?:chemists|pharmacies|"
    r"shops|stores)|"
    r"patch(?:es)? (?:had been |have been |were |was |is |are )?(?:cut open|chewed|sucked|"
    r"heated|smoked)|(?:cutting open|chewing|sucking|smoking) (?:the |his |her |their )?"
    r"(?:patch|patches|gel)|"
    r"(?:off|from) (?:a|some|the) (?:\w+ )?dealer",
)
# A sedating tablet taken to sleep; a product licensed for one species or use in another; the
# label's age limit; a use "the leaflet says nothing about"; a clinician's unlicensed use.
_add(
    SS.OFF_LABEL_USE,
    r"(?:the|my|some|his|her|their) (?:travel[- ]sickness|motion sickness|hay ?fever|allergy|"
    r"antihistamine|cough) (?:tablets?|"
    r"pills|syrup|medicine)s? to (?:help (?:me|him|her|them) )?(?:sleep|get to sleep|knock "
    r"(?:me|him|her) out)|"
    r"(?:labell?ed|licensed|authori[sz]ed|approved|autorizad[oa]) (?:for |as )?(?:\w+ )?(?:only|"
    r"solo|solamente)(?: [\w',()]+){0,6} (?:on|in|en|for)|"
    r"(?:authori[sz]ed|licensed|autorizad[oa]) (?:solo |only )?(?:en|in|for) (?:perros|dogs|"
    r"cats|gatos|horses|caballos|cattle|adults|adultos)(?: [\w',()]+){0,4} (?:en|in|on) "
    r"(?:un|una|a|an|the|el|la)|"
    + _LABEL
    + r" (?:dice|says|pone)\W+(?:a partir de|from|over|only for|for)(?: ages?)? \d+ "
    r"(?:anos?|years?|yrs)|not for use in (?:pregnant|lactating|nursing|breeding|young)|"
    + _LABEL
    + r" says nothing about (?:that|this|it|such)|"
    r"(?:told|advised|suggested|recommended) (?:\w+ ){0,2}to use (?:it|them|the \w+) (?:as "
    r"(?:a|an) |on (?:his|her|my) (?:chest|body|scalp|feet))|"
    r"(?:cutting|cut|splitting|split|halving) (?:the |my |his |her )?adult (?:[\w-]+ ){0,3}"
    r"(?:tablets?|pills) (?:\w+ ){0,3}for (?:my|his|her|our|the) " + _CHILD,
)
# A bump of some weeks; "tiene 28 semanas"; a test that came up positive; a pill-taker pregnant.
_add(
    SS.PREGNANCY,
    r"bump (?:is|'s) (?:\d+|\w+) ?(?:wks?|weeks)|"
    r"(?:esposa|mujer|pareja|novia|nuera|hija) (?:\w+ )?(?:tiene|esta de|va por|lleva) \d+ "
    r"semanas|(?:tengo|estoy de|voy por|llevo) \d+ semanas(?! (?:de tratamiento|con|tomando))|"
    r"(?<!covid )(?<!flu )(?<!strep )(?<!flow )(?:my|the|a|her) test (?:came up|came back|"
    r"turned|was|showed) positive",
)
_add(
    SS.LACK_OF_EFFICACY,
    r"(?:pregnant|positive (?:pregnancy )?test) (?:although|even though|despite|but) (?:she|i|"
    r"we) (?:took|was taking|had taken|never missed)|"
    r"egg counts?(?: [\w',-]+){0,5} (?:essentially |basically |largely |virtually )?"
    r"(?:unchanged|no different|no lower)|"
    r"(?:has|have|'s|had) done (?:absolutely )?(?:nothing|nowt|zilch|sod all)|"
    r"did (?:absolutely )?nothing for (?:my|his|her|their|the)|"
    r"(?:like|as good as) taking (?:candy|sweets|smarties|tic tacs|water)|"
    r"(?:didn't|did not) feel (?:it|them|anything) (?:work|kick in)|"
    r"(?:collar|spot-?on|chew|treatment)s? (?:on|given|done|applied) (?:since|for) \w+"
    r"(?: [\w',]+){0,4} (?:pulled|picked|found|taken|removed)(?: [\w']+){0,3} (?:ticks|fleas)",
)
# Exposure at work without protection; a child drinking a sibling's medicine; a pet knocking
# tablets down and eating one.
_add(
    SS.OCCUPATIONAL_EXPOSURE,
    r"(?:dipping|drenching|mixing|handling|counting|crushing|splitting|preparing|spraying|"
    r"fraccion\w+|preparando|mezclando|manipulando)(?: [\w',]+){0,14} (?:sin guantes|without "
    r"(?:gloves|a mask)|(?:didn't|did not) wear (?:the )?(?:proper |right |any )?(?:gloves|"
    r"mask)|no gloves|bare-?handed)|trabajo en (?:una |la |un |el )?(?:farmacia|clinica|granja|"
    r"veterinaria|hospital|laboratorio)(?: [\w',]+){0,25} sin guantes",
)
_add(
    SS.ACCIDENTAL_EXPOSURE,
    r"(?:drank|ate|swallowed|had|got into) (?:some )?(?:of )?(?:his|her|their) (?:big |little |"
    r"older |younger )?(?:sister|brother|mum|mom|dad|gran|grandma|grandad|nan|friend|"
    r"cousin)'s|"
    r"(?:cat|dog|puppy|kitten)(?: \w+){0,2} (?:knocked|pulled|got|chewed)(?: [\w']+){0,6} "
    r"(?:tablets?|pills|blister|pack|bottle)(?: [\w',]+){0,8} (?:ate|swallowed|eaten)",
)
_add(
    SS.INFECTIOUS_AGENT,
    r"virus from (?:one of )?(?:the )?donors?|(?:carried|transmitted|passed on|contained) "
    r"(?:a |an )?(?:virus|prion|hepatitis|hiv)",
)
# Not what they were sold as; a lot that is not on the maker's or the pharmacy's records.
_add(
    SS.COUNTERFEIT,
    r"(?:weren't|were not|wasn't|was not|aren't|are not) what (?:they|it) (?:said|claimed|"
    r"were meant to be|was meant to be|were supposed to be)|what were meant to be (?:your|the)|"
    r"(?:lote|lot|batch)(?: number)? (?:no coincide|doesn't match|does not match|isn't in|is "
    r"not in|isn't on|is not on) (?:con )?(?:nuestros|our|your|the) (?:registros|records|"
    r"system)",
)
# Pests picked off after a treatment; a full dose finished and still ill; "igualito", "no ha
# mejorado nada"; "remains equal"; a condition back since a switch of brand.
_add(
    SS.LACK_OF_EFFICACY,
    r"(?:picking|pulling|combing) (?:live )?(?:fleas|ticks|lice|nits) (?:off|out of) (?:him|her|"
    r"them|it)|(?:finish|finished|completed|did) (?:the )?(?:full|whole|complete) (?:dose|"
    r"course|treatment)(?: [\w',]+){0,6} still|(?:esta|sigue|quedo) igualit[oa]|no ha mejorado "
    r"(?:nada|en nada)|(?:do|does|did) not make nothing|(?:remains|stays|stayed|remained) "
    r"(?:equal|the same)|(?:switched|changed) (?:\w+ ){0,6}(?:new|generic|different|cheaper) "
    r"(?:brand|version|manufacturer|pack)(?: [\w',]+){0,8} (?:came back|returned|started again)",
)
# A label known and used against ("even if the label says don't use near eyes"); a nasal
# decongestant for months; a child using a relative's cream (Spanish); a farm product on dogs
# on a clinician's word; a non-diabetic on a diabetes drug.
_add(
    SS.MISUSE,
    r"even if the (?:label|box|leaflet|tube|pack) says (?:don't|do not|not to|no)|"
    r"(?:descongestionante|spray nasal|gotas nasales)(?: \w+){0,3} (?:varias veces al dia|"
    r"\w+ meses|\w+ semanas)",
)
_add(
    SS.WITHDRAWAL,
    r"si no lo (?:uso|tomo|pongo|echo) (?:\w+ ){0,4}(?:tengo|se me|me)",
)
_add(
    SS.ACCIDENTAL_EXPOSURE,
    r"se (?:unto|puso|echo|comio|tomo|trago)(?: \w+){0,5} (?:de su|del|de la) (?:abuel[oa]|"
    r"herman[oa]|mama|papa|madre|padre|ti[oa])",
)
_add(
    SS.OFF_LABEL_USE,
    r"(?:cattle|cow|sheep|horse|pig) (?:[\w-]+ ){0,3}(?:pour-?on|drench|wormer|dewormer|dip|spray|"
    r"paste|injection|vaccine)(?: [\w']+){0,2} on (?:our|my|his|her|their) (?:dogs?|cats?|"
    r"rabbits?|goats?|alpacas?|sheep|ewes|horses?|ponies)|(?:i'm|i am|he's|she's|he is|she is) "
    r"not (?:even )?diabetic",
)
# Clinicians' wording (train_33): a full course and still ill, a brand switch and the condition
# back, "and I still couldn't get him numb", days of a product and "still hasn't"; a boost
# before training; weeks prescribed, months taken; a dog-only product in a cat; the cattle
# rate in weaners; a toddler found chewing a parent's tablets.
_add(
    SS.LACK_OF_EFFICACY,
    r"(?:for|after) the (?:full|whole|complete|entire) (?:[\w-]+ )?(?:course|treatment)"
    r"(?: [\w',]+){0,8} still|y siguen? (?:con (?:fiebre|tos|diarrea|dolor|picor)|igual|"
    r"enferm[oa]s?)|(?:switched|changed|moved)(?: \w+){0,3} from (?:the |his |her |their )?"
    r"(?:branded|usual|old|original) (?:[\w-]+ ){0,3}to (?:your|the|a) (?:generic|new|cheaper)|"
    r"(?:started giving|switched) (?:me |him |her )?your (?:brand|generic|version) (?:of [\w-]+ )?"
    r"instead of (?:my|his|her) usual|and (?:i |we |he |she )?still (?:couldn't|could not|can't|"
    r"cannot) (?:get|achieve|manage)|(?:for|over) (?:\d+|two|three|four|five|six|seven|ten) "
    r"(?:days|weeks)(?: [\w',]+){0,4} and (?:[\w']+ )?still (?:hasn't|has not|haven't|have not|"
    r"isn't|is not|doesn't|does not|won't)",
)
_add(
    SS.MISUSE,
    r"for a (?:boost|kick|lift|edge)|(?:for|only) a (?:couple of|few) (?:weeks|days)(?: [\w',]+)"
    r"{0,4} but (?:i've|i have|he's|she's|he has|she has) (?:been )?(?:taking|using) (?:them|it) "
    r"for (?:\w+|\d+) (?:months|years)",
)
_add(
    SS.OFF_LABEL_USE,
    r"\((?:dogs? only|cats? only|for dogs|cattle only|for horses|horses only)\) (?:in|on|to) "
    r"(?:a|an|the|our|my) (?:cat|dog|rabbit|ferret|horse|pig|goat|sheep)|at the (?:cattle|dog|"
    r"horse|sheep|adult|human) (?:rate|dose)(?: [\w',]+){0,6} on (?:the )?(?:weaners|piglets|"
    r"lambs|calves|cats?|kittens|puppies|goats|alpacas)",
)
_add(
    SS.ACCIDENTAL_EXPOSURE,
    r"(?:found|caught) (?:chewing|eating|sucking|with) (?:his|her|their) (?:mother's|mum's|"
    r"mom's|father's|dad's|gran's|grandma's|nan's|sister's|brother's)",
)
