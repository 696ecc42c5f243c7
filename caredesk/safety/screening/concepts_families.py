"""Second round of concept families (issue 3): wording families that a fresh training batch
(eval/contact_center/train_9.txt, written before the screener was run on it) showed the first
round did not cover, for special situations (concepts_quality_families.py holds the complaint
and tampering ones). Each entry is a family, not a phrase: a dose reduction "from X to Y mg", a
strength dispensed against the one prescribed, a child + a gulping verb + a container, a
species given another species' product, a worker + a needle in the hand.

Plain pattern strings only (concepts.py merges them into its table),
so the modules stay free of import cycles. Written on normalised text (lower case, accents
folded). Each family is kept narrow enough not to fire on ordinary customer-service wording
("we'll put the tablets in the post", "the price dropped from 20 to 10").
"""

from __future__ import annotations

from caredesk.safety.screening.codes import SpecialSituation as SS

N = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty)"
MONTH = r"(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*"
KID = (
    r"(?:\d+ ?(?:yo|y/o|yr|yrs|year|years|month|months)(?:[- ]old)?|\d+-(?:year|yr|month)-old|"
    r"toddler|baby|infant|newborn|little one|kid|child|son|daughter|grand(?:son|daughter|child|"
    r"kid)|puppy|pup|kitten|dog|cat|nin[oa]|bebe|perr[oa]|gat[oa]|niet[oa])"
)
ANIMAL_OWN = r"(?:dog|cat|horse|pet|puppy|vet|veterinary|animal|livestock|cattle|sheep)"
GULP = (
    r"(?:chugged|gulped|guzzled|downed|necked|swigged|glugged|drank|drunk|swallowed|scoffed|"
    r"wolfed|polished off|finished off|got through)"
)
INGREDIENT = (
    r"(?:paracetamol|acetaminophen|ibuprofen|aspirin|codeine|naproxen|diphenhydramine|"
    r"the same (?:\w+ )?(?:ingredient|drug|medicine))"
)
CONTAINER = (
    r"(?:bottle|pack|packet|box|tube|tub|jar|strip|blister|sheet|syringe|pot|card|sachet|"
    r"pouch|vial|carton)"
)
MED = (
    r"(?:tablets?|pills?|capsules?|meds|medicine|medication|syrup|drops|spray|cream|gel|"
    r"ointment|inhaler|patch(?:es)?|injection|insulin|pen|suspension|solution|liquid|chews?|"
    r"pastillas?|comprimidos?|capsulas?|jarabe|gotas|crema)"
)
WORKER = (
    r"(?:operator|operative|handler|loader|picker|packer|warehouse \w+|factory \w+|line worker|"
    r"lab tech\w*|kennel (?:girl|boy|hand|maid|worker|assistant|staff)|stable (?:girl|boy|hand|"
    r"lad)|groom|farrier|zookeeper|keeper|dispenser|vet nurse|nurse|vet|technician|tech|"
    r"assistant|carer|porter|cleaner|aide|farmer|shepherd|stockman|herdsman|milker)"
)
SECONDARY_GEL = (
    r"(?:testosterone|hormone|oestrogen|estrogen|estradiol|hrt|progesterone|fentanyl|nicotine|"
    r"steroid|minoxidil|cytotoxic) (?:gel|cream|spray|patch|ointment)"
)

SPECIAL_MORE: dict[SS, str] = {
    SS.PREGNANCY: (
        r"bfp|big fat positive|(?:edd|edc)(?: is| of| in| on)? "
        + MONTH
        + r"|(?:i'm|i am|she's|she is|we're|we are|am|is) (?:now |about )?"
        + N
        + r" (?:weeks?|months?) along|missed (?:my|her) (?:last )?period|(?:my|her) period is "
        r"(?:\w+ )?late|(?:tengo|tiene|llevo) un retraso|prueba de embarazo (?:\w+ )?positiv|"
        r"(?:pregnancy|preg) test (?:came back |came up |was |is |turned out )?positive|"
        r"carrying (?:a |her |their |twin |twins? )?(?:calf|calves|foal|lambs?|kids?|pupp(?:y|"
        r"ies)|kittens|litter|young)|(?:in|with) (?:her|their) (?:first|second|third) "
        r"(?:trimester|pregnancy)"
    ),
    SS.BREASTFEEDING: (
        r"ebf|(?:on|still on) the (?:boob|breast|tit)|(?:ewe|mare|cow|sow|doe|bitch|queen|nanny|"
        r"gilt|heifer)s? (?:is |are |was )?(?:suckling|nursing|feeding|rearing) (?:her |their |"
        r"its |\w+ )?(?:twins?|triplets|young|litter|lambs?|foals?|calf|calves|kids?|pups?|"
        r"kittens?|piglets?)|(?:baby|bub|infant|little one)(?: [\w']+){0,3} (?:i|she) (?:nurse|"
        r"feed myself|breastfeed)|(?:le )?doy (?:la )?teta|dando (?:la )?teta|feeding (?:him|her|"
        r"them|my \w+) myself"
    ),
    SS.OVERDOSE: (
        GULP + r" (?:about |almost |nearly |over |like |roughly )?(?:half|most|a third|a "
        r"quarter|all|the rest|three quarters) (?:of )?(?:the|a|his|her|my|their) (?:\w+ )?"
        + CONTAINER
        + r"|(?:double|triple)-?dos(?:e|ed|es|ing)|"
        r"(?:went|gone|going|been|go) over (?:the|my|his|her) (?:daily |max(?:imum)? )?"
        r"(?:limit|max\w*|dose|dosage)(?: \w+){0,2} (?:on|of|with) (?:the|my|his|her) (?:\w+ )?"
        + MED
        + r"|(?:tomo|tome|bebio|trago|comio|ingirio) (?:\w+ ){0,2}(?:la|el|una|un) (?:caja|frasco|"
        r"bote|blister|tubo|paquete|tira) (?:enter[oa]|complet[oa])|"
        r"(?:[2-9]|\d{2}|two|three|four|five|six|seven|eight|nine|ten)(?: or \w+)? times a day"
        r"(?: [\w',]+){0,8} (?:the )?(?:box|label|leaflet|instructions|insert|packet|pharmacist|"
        r"doctor|gp|vet) (?:says|said|states|recommends) (?:\w+ )?(?:once|twice|one|two|three "
        r"times|\d+ times)|(?:which|that|they) (?:also |both )?(?:has|have|contains?|contained) "
        + INGREDIENT
        + r" (?:in (?:it|them) |in )?(?:too|as well)|(?:both|two \w+) (?:containing|contain|with) "
        + INGREDIENT
    ),
    SS.MISUSE: (
        r"(?:decongestant|nasal|nose) (?:spray|drops)(?: [\w']+){0,5} (?:for|over) (?:about |over "
        r"|nearly |almost |like )?(?:\d+|two|three|four|five|six|several|many|a few) (?:weeks|"
        r"months|years)|(?:takes?|took|taking|uses?|used|using) (?:the )?(?:\w+ )?"
        + MED
        + r"(?: \w+){0,2} (?:his|her|my|their|a) (?:\w+ )?(?:classmate|mate|pal|friend|coworker|"
        r"co-worker|colleague|housemate|cousin|uncle|aunt|neighbou?r) (?:gives?|gave|sells?|sold|"
        r"passes|passed|shares?|shared)|dissolv\w+ (?:the |my |his |her )?(?:\w+ )?(?:tablets|"
        r"pills|capsules)(?: [\w']+){0,4} (?:and|to) (?:spray|rub|apply|put|paint|smear|inject|"
        r"pour)|(?:the |my |our )?"
        + ANIMAL_OWN
        + r"(?:'s|s') (?:[\w-]+ ){1,3}(?:on|for|to|into) (?:myself|himself|herself|themselves|"
        r"ourselves)|(?:the |my |our )?"
        + ANIMAL_OWN
        + r"(?:'s|s')? (?:\w+ )?(?:antibiotics?|tablets|pills|meds|medicine|wormer|cream|drops|"
        r"painkillers?|ivermectin)(?: \w+){0,3} (?:on|for|to|into) (?:myself|me|himself|herself|"
        r"themselves|ourselves)|(?:laxatives?|diuretics?|water (?:tablets|pills)|thyroid "
        r"(?:tablets|pills)|fat burners?)(?: [\w']+){0,6} (?:to|for|so (?:i|she|he) can) (?:lose|"
        r"keep|get|stay|drop|control|shed) (?:\w+ )?(?:weight|pounds|kilos|slim|thin)"
    ),
    SS.ABUSE: (
        r"(?:fuma|fumar|fumando|esnifa|esnifar|esnifando|se inyecta|inyectarse)(?: \w+){0,3} "
        r"(?:pastillas|comprimidos|capsulas|jarabe|parches)|machacad[oa]s? (?:y|para) (?:fumar|"
        r"esnifar|inyectar)|shoot(?:ing|s)? (?:it|them) up|shot (?:it|them) up|for the (?:rush|"
        r"high|kick|hit)|(?:buying|buys|bought) (?:\w+ ){0,3}in bulk(?: \w+){0,4} (?:drink|"
        r"take|swallow|get)|(?:going|goes|went) (?:round|around|to) (?:\w+ )?(?:several|"
        r"different|multiple|\d+|five|four|three) (?:pharmacies|chemists|doctors|gps)"
    ),
    SS.MEDICATION_ERROR: (
        r"\d+(?:\.\d+)? ?(?:mg|mcg|ml|units?)(?: [\w']+){0,6}[,;]? (?:my|the|his|her) "
        r"(?:script|prescription|rx|doctor|gp|label) (?:says|said|was|is|states|reads) (?:for )?"
        r"\d+(?:\.\d+)? ?(?:mg|mcg|ml|units?)|(?:script|prescription|rx) (?:says|said|was|is) "
        r"\d+(?:\.\d+)? ?(?:mg|mcg|ml|units?)[,;]? (?:but )?(?:\w+ ){0,3}(?:gave|got|dispensed|"
        r"given|supplied|sent)|"
        r"(?:night-?time|morning|evening|bedtime|daytime|night) (?:dose|tablets?|pills?|one)(?: "
        r"\w+){0,3} in the (?:morning|evening|daytime)|(?:morning|daytime) (?:one|dose|tablets?)"
        r" at (?:night|bedtime)|at the wrong time|"
        r"(?:then|and then|only to|before i|later|afterwards|after) (?:i |we |she |he )?(?:saw|"
        r"noticed|realised|realized|spotted|found|discovered|twigged|clocked)(?: that)? (?:it|"
        r"they|this|that|the \w+) (?:was|were|had been) (?:the|my|his|her|a|an|for)|"
        r"(?:dose|doses|injection|shot|tablet|jab|booster)(?: \w+){0,6} too (?:soon|early|close "
        r"together)|(?:should|supposed to|meant to|needs? to) (?:be|have been) (?:at least )?\d+ "
        r"?(?:h|hrs?|hours?|days?|weeks?) apart|(?:vacuna|dosis|jarabe|pastilla|medicamento|"
        r"inyeccion)s? (?:de|para) (?:adultos?|mayores)(?: \w+){0,4} (?:a|para) (?:mi|su|el|la) "
        r"(?:nin[oa]|hij[oa]|bebe|niet[oa])|adult (?:strength|dose|version|vaccine|syrup|"
        r"formula|tablets?)(?: \w+){0,4} (?:to|for|on) (?:a|my|his|her|our|the) "
        + KID
        + r"|(?:stronger|weaker|higher|lower|wrong|other|different) (?:strength |concentration )?"
        r"(?:insulin|pen|dose|tablets|strength|inhaler)(?: \w+){0,4} instead of|instead of "
        r"(?:the|my|his|her) (?:new|right|correct|usual|normal|proper|prescribed|regular) (?:one|"
        r"ones|strength|dose|pen|insulin|tablets|inhaler|bottle)|(?:labell?ed|prescribed|meant|"
        r"intended|dispensed) for (?:the )?(?:other|another|a different|wrong) (?:cat|dog|child|"
        r"patient|person|resident|horse|animal|pet|kid|one)|(?:forgot|forgetting|didn't realise|"
        r"didn't realize) (?:that )?(?:i|he|she|we|they)(?:'d| had) already"
    ),
    SS.LACK_OF_EFFICACY: (
        r"(?:is|are|was|were|still|stayed|stays|remains?) (?:exactly |just |right )?(?:where "
        r"(?:it|they) (?:was|were|started)|(?:the )?same as (?:before|day one|when (?:i|we|he|"
        r"she) started|last week))|(?:wears|wore|wearing) off (?:after|within|in) (?:about |"
        r"only |just )?(?:an?|\d+|one|two|half an) (?:hour|hours|minutes|mins)|used to last "
        r"(?:all day|\w+ hours|longer)|(?:make|makes|made|making) (?:no|zero|little|not much|not "
        r"a blind bit of) (?:odds|difference|impact|dent)|(?:fleas|ticks|worms|lice|mites)"
        r"(?: \w+){0,3} (?:are |were )?(?:everywhere|all over|alive and|thriving|having a "
        r"(?:party|field day|feast|ball))|sigue(?:n)? (?:por las nubes|disparad[oa]s?|sin bajar|"
        r"sin mejorar|sin cambios?|igual de)|"
        + MED
        + r"(?: \w+){0,2} (?:are|is|was|were) (?:completely |totally |utterly |just )?(?:pointless|"
        r"a waste of (?:money|time)|hopeless|no good|no use|worthless|a con)|still (?:smoking|"
        r"craving|wheezing|sneezing)|(?:contracepti\w+|the pill|the coil|implant|morning-after "
        r"pill)(?: \w+){0,3} (?:let (?:me|us|her) down|failed)|never missed a (?:pill|dose|"
        r"tablet|day)|as if (?:i'd|i had|he'd|she'd|we'd|i) (?:had|taken|used|given) nothing|"
        r"like (?:i|he|she) (?:hadn't|had not) (?:taken|had|used) (?:anything|it)|"
        + MED
        + r"(?: [\w']+){0,3} (?:do|does|did|done|doing) (?:absolutely |literally |just |precisely "
        r"|sweet )?(?:nothing|naff all|zilch|diddly(?: squat)?)(?! (?:wrong|to (?:the|my) "
        r"(?:order|account|box)))|(?:do|does|did) (?:absolutely |literally |just )?(?:nothing|naff "
        r"all|zilch) (?:at all |whatsoever )?for (?:my|his|her|their|our|the) (?!(?:order|refund|"
        r"account|delivery|parcel|package|complaint|case|money|card)\b)|"
        + MED
        + r"(?: [\w']+){0,3} no (?:me |le |les |nos )?(?:hace|hacen|hizo|hicieron|ha hecho|han "
        r"hecho) nada"
    ),
    SS.OFF_LABEL_USE: (
        r"(?:even though|although|though|but|yet|despite) (?:it's |it is |they're |they are |"
        r"it being |the \w+ is |the \w+ are )?(?:only )?(?:licensed|approved|indicated|"
        r"authori[sz]ed|labell?ed) (?:only )?for|"
        r"(?:using|used|use|put|putting|rubbing|rubbed|apply|applying|applied) (?:the |my |some )?"
        r"(?:[\w-]+ ){0,3}(?:cream|ointment|gel|drops|spray|foam|lotion|solution|serum) (?:on|onto"
        r"|into|to) (?:my|his|her) (?:beard|moustache|mustache|eyelids|genitals|privates)|"
        r"(?:diabetes|diabetic|diabetica?s?|insulin|thyroid|tiroides|adhd|epilepsy|epilepsia|"
        r"antidepressant)(?: [\w']+){0,4} (?:for|to|para) (?:\w+ )?(?:weight loss|lose weight|"
        r"losing weight|slimming|bajar de peso|adelgazar|perder peso)|"
        r"(?P<sb>ferret|rabbit|guinea pig|hamster|bird|parrot|tortoise|alpaca|llama|goat|pig|"
        r"horse|pony|donkey|cat|dog)s?(?: \w+){0,2} (?:got|was given|had|received|treated with)"
        r"(?: \w+){0,2} (?:the |a |some )?(?!(?P=sb)s?\b)(?:cat|dog|canine|feline|horse|equine|"
        r"cattle|sheep|human|people)(?:'s)? (?:\w+ )?(?:flea|worm|spot-on|drench|wormer|tablet|"
        r"medicine|antibiotic|pour-on|collar|treatment)"
    ),
    SS.ACCIDENTAL_EXPOSURE: (
        KID + r"(?: [\w'-]+){0,3} (?:chugged|gulped|guzzled|downed|necked|swigged|glugged|scoffed|"
        r"wolfed|se zampo|se engullo|mastico|mordisqueo)(?: [\w'-]+){0,6} (?:"
        + CONTAINER
        + r"|"
        + MED
        + r")|(?:mi |el |la |su )?"
        + KID
        + r" se (?:zampo|engullo)|(?:walked|stepped|rolled|lay|sat|trod) (?:through|in|on|into) "
        r"(?:the |some |a |my )?(?:spilt |spilled |leaked |dropped )?(?:\w+ )?(?:flea |tick )?"
        r"(?:treatment|spot-on|cream|gel|liquid|solution|drench|spray|powder|pour-on|medicine)|"
        r"(?:splashed|squirted|sprayed|dripped|spilt|spilled) (?:[\w'-]+ ){0,5}(?:in|into|on) "
        r"(?:his|her|their) (?:own )?(?:eyes?|face|mouth)|"
        r"(?:cuddl|hugg|hold|held|carr|touch|kiss|pick)\w*(?: [\w']+){0,6} (?:after|straight "
        r"after|right after|just after|before (?:it|the \w+) (?:had )?dried)(?: [\w']+){0,4} "
        + SECONDARY_GEL
    ),
    SS.INFECTIOUS_AGENT: (
        r"same (?:organism|bug|bacteri\w+|germ|strain|pathogen)|(?:infections?|sepsis|organism|"
        r"bacteri\w+)(?: [\w']+){0,8} (?:from|after) (?:\w+ ){0,4}(?:that|this|the same) "
        r"(?:batch|lot)|(?:where|at) the (?:\w+ )?(?:vaccine|jab|injection|needle|shot|drip|"
        r"cannula) "
        r"(?:went in|was given|was|went)(?: [\w',]+){0,10} (?:infect\w*|pus|abscess\w*|drained)|"
        r"(?:culture|swab|sample)(?: [\w']+){0,5} (?:grew|showed|found|detected|positive for|came "
        r"back positive)(?: \w+){0,2} (?:bacteria|fungus|mou?ld|yeast|pseudomonas|staph\w*|e\.? "
        r"?coli|organisms?|germs|contamination)"
    ),
    SS.OCCUPATIONAL_EXPOSURE: (
        WORKER + r"(?: [\w'-]+){0,4} (?:got (?:\w+ ){0,3}(?:in|on) (?:her|his|their) (?:eyes?|"
        r"skin|hands?|face|mouth)|(?:jabbed|pricked|stuck|stabbed|spiked|nicked|splashed) "
        r"(?:herself|himself|themselves|(?:her|his|their) (?:own )?(?:hand|finger|thumb|arm|leg|"
        r"palm|wrist)))"
    ),
    SS.WITHDRAWAL: (
        r"(?:dropped|reduced|cut|went|came|tapered|lowered|stepped|halved) (?:down |it |my dose "
        r")?from \d+(?:\.\d+)? ?(?:mg|mcg)? (?:down )?to \d+(?:\.\d+)? ?(?:mg|mcg)(?: [\w',]+)"
        r"{0,5} (?:and|since|now|but)"
    ),
    SS.COUNTERFEIT: (
        r"(?:are|is) (?:they|it|these|this|those) (?:even|actually) (?:real|genuine|legit|"
        r"authentic)|(?:are|is) (?:the|these|those|my) (?:\w+ )?(?:tablets|pills|pens|capsules|"
        r"injections|boxes|vials|meds) (?:even |actually |really )?(?:real|genuine|legit|"
        r"authentic)|(?:bought|got|ordered|purchased)(?: [\w'-]+){0,3} (?:off|from) (?:a|some) "
        r"(?:guy|bloke|dealer|lad)|(?:bought|got|ordered|purchased)(?: [\w'-]+){0,4} (?:through|"
        r"via|on|off|from) (?:an? |the )?(?:instagram|facebook|tiktok|snapchat|telegram|whatsapp) "
        r"(?:account|page|group|profile|seller|shop)|handwritten (?:label|leaflet|instructions)|"
        r"no se parece(?: en nada)? a (?:la|el|las|los) (?:de (?:la )?farmacia|original|de "
        r"siempre)|(?:doesn't|does not|don't) look (?:anything )?like (?:the one|the ones|what i "
        r"get) (?:from|at) (?:the |my )?(?:pharmacy|chemist)|decommissioned|hologram"
        r"(?: [\w']+){0,4} (?:doesn't|does not|won't|isn't|didn't) (?:shimmer|change|move|shine|"
        r"look right)|hologram(?: \w+){0,3} (?:looks|is) (?:flat|printed on|wrong|different|fake)"
    ),
}
