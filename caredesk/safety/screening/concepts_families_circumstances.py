"""Special situations told by their circumstances (counts, times, who gave what, what happened
after stopping) rather than named, from the misses of a ninth writer's batch
(eval/contact_center/train_20.txt, written 2026-12-05 before the screener was run on it; first
look: special situations 0.55). Merged into the table through concepts_families_lay.py; same
rules as concepts_families.py: families, not phrases.
"""

from __future__ import annotations

from caredesk.safety.screening.codes import SpecialSituation as SS
from caredesk.safety.screening.family_table import FamilyTable

SPECIAL_CIRCUMSTANCES = FamilyTable()
_add = SPECIAL_CIRCUMSTANCES.add


_HCP = (
    r"(?:gp|doctor|dr|doc|physio|nurse|practice nurse|midwife|vet|veterinari[ao]|medico|"
    r"pharmacist|consultant|dentist|chiropractor|el doctor|la doctora|la veterinaria|el "
    r"veterinario)"
)
_ROLE = (
    r"(?:carer|care worker|nurse|auxiliar|technician|pharmacist|groomer|vet nurse|vet tech|"
    r"farmer|farmhand|vaquero|staff|worker|assistant|enfermer[oa]|tecnic[oa]|cuidador[a]?)"
)
_SYMPTOM_AFTER = (
    r"(?:headache|dizz\w+|sweat\w*|shak\w+|nause\w+|mareos?|nauseas|temblando|can't sleep|"
    r"cannot sleep|no duermo|no pego un ojo|zaps|racing|come back worse|came back worse|worse "
    r"than (?:ever|before|it ever)|peor que antes|restless|jittery)"
)
_NOT_REASON = r"(?:(?!because|porque|due to|as it|since)[\w',.-]+ )"

_add(
    SS.OVERDOSE,
    r"(?:forgot|forgetting)(?:,| and)? (?:took|take|had|taken) another|counted what's left|"
    r"(?:gave|given|giving) (?:him |her |them )?(?:a )?(?:second|another|2nd|double) dose|"
    r"(?:second|another|2nd) dose (?:was )?given|(?:me he|se ha|nos hemos) tomado (?:ya )?"
    r"(?:cinco|seis|siete|ocho|nueve|diez|\d\d) (?:sobres|pastillas|comprimidos|capsulas|"
    r"tabletas)|\d+ or \d+ of the|twice,? once in each arm|(?:said|prescribed|should be|"
    r"supposed to be) half(?: a)?(?: [\w']+){1,12} (?:giving|taking|given|taken|gave|took) "
    r"(?:him |her |them )?a whole|without taking the old one off|(?:two|2|both) (?:patches )?"
    r"on (?:his|her|the) (?:chest|arm|back|body)|(?:le |me |se )?(?:di|dio|tome|tomo) de mas|"
    r"(?:gave|given) (?:him|her|them) too much|(?:at|to) double (?:the )?strength|"
    r"(?:took|taken|had)(?: [\w',]+){1,20}\W+(?:box|label|leaflet|packet) says (?:max(?:imum)? "
    r"|no more than |only )?\d+ (?:in a|a|per|in 24 hours)",
)
_add(
    SS.MEDICATION_ERROR,
    r"not at the recommended (?:interval|time|schedule)|(?:too soon|too early) after the first|"
    r"without setting the dial|(?:didn't|did not|forgot to) set the dial|(?:thought|thinking) "
    r"(?:i'd|i had|i) (?:grabbed|picked up|got|taken) the (?:[\w-]+ ){0,2}(?:one|bottle|box|pen|"
    r"inhaler)|\d+ ?(?:mg|mcg|g) en (?:vez|lugar) de (?:las |los |la |el )?(?:de )?\d+|"
    r"\d+ ?(?:mg|mcg|ml) (?:\w+ ){0,3}(?:against|for|on) a (?:prescription|script|rx) for \d+|"
    r"(?:boxes|packs|pens|bottles|labels|tubes) (?:are|look) (?:nearly |almost |practically )?"
    r"(?:identical|the same|alike)|(?:used|grabbed|picked up) a (?:[\w'-]+ ){0,3}(?:pen|"
    r"inhaler|bottle|syringe) instead of|misread (?:the )?(?:chart|label|dose|instructions|"
    r"syringe|scale|prescription|dial)|read the (?:label|dose|box|instructions) wrong|(?:at|to) "
    r"double (?:the )?strength|con la jeringa (?:del|de la|de su)|without taking the old one "
    r"off|twice,? once in each arm",
)
_add(
    SS.LACK_OF_EFFICACY,
    r"(?:on the (?:mini )?pill|(?:the )?morning[- ]after pill|never missed (?:one|a pill|a dose))"
    r"[^?]{0,100}?(?:pregnant|embarazada|two lines|test (?:says|said|came back|is) positive)|"
    r"egg counts? (?:is |was |are |were )?still|same as before (?:we|i|they) (?:drenched|"
    r"treated|used|started|dosed)|still finding (?:live|more|new) (?:ones|lice|fleas|nits|"
    r"ticks|worms)|(?:it|the infection|the pain|the rash|the itch) never (?:went|cleared|"
    r"shifted|went away)|(?:eaten alive|bitten|got bitten|bites)(?: [\w']+){0,3} anyway|(?:and|"
    r"but) (?:my|his|her|the) (?:\w+ ){0,2}(?:is|are) still (?:streaming|running|itchy|blocked|"
    r"burning|sore|peeling)|sigo (?:igual|igualito|igualita|peor)|supposed to (?:be covered|"
    r"last|protect|work) (?:for )?\d+ (?:weeks|days|months)|ni cosquillas|no me hizo (?:ni )?"
    r"(?:nada|efecto)|still (?:want|crave|craving|wanting|gasping for) (?:a )?(?:cigarette|"
    r"smoke|fag|cig)|no (?:me |le )?(?:hizo|hace|hicieron) ni cosquillas|(?:given|vaccinated|"
    r"treated|dosed)(?: [\w']+){0,8},? yet \d+|did nowt|"
    r"(?:didn't|did not|does not|doesn't) do (?:owt|nowt|a thing)",
)
_add(
    SS.MISUSE,
    r"(?:[5-9]|1\d|2\d)(?:-\d+)? times a day|(?:five|six|seven|eight|nine|ten|twelve|fifteen|"
    r"twenty) times a day|so (?:they|he|she|the kids|the baby|i) (?:sleep|stay asleep|nod off|"
    r"conk out|drop off)|(?:senna|laxatives?|diuretics?|water tablets?|laxantes?)(?: [\w']+)"
    r"{0,6} (?:to keep (?:my|his|her) weight down|to lose weight|to stay (?:thin|slim)|to make "
    r"weight|para adelgazar|para bajar de peso)|(?:every morning|every day|daily)(?: [\w']+)"
    r"{0,5},? just in case|to keep (?:covid|the virus|colds?|flu|bugs) (?:off|away)|all-?"
    r"nighters?|(?:never (?:smoked|been a smoker)|nunca he fumado|non-?smoker)(?: [\w',]+){0,10} "
    r"(?:nicotine|chicle|gum|patch|parche)|como si fuera (?:refresco|agua|caramelo|golosina)|"
    r"(?:because|porque) (?:she|he|i|le|me) (?:likes?|gusta) (?:the |el )?(?:taste|sabor)|under "
    r"(?:my|her) make-?up|even though (?:he's|she's|i'm|he is|she is|i am) not (?:travelling|"
    r"traveling|going anywhere|ill|sick)",
)
_add(
    SS.ABUSE,
    r"non-?medical (?:use|purposes|reasons)|across (?:our|several|different) (?:branches|"
    r"pharmacies|shops|stores)|(?:bought|buying|buys) (?:\w+ ){0,3}in (?:three|four|several|"
    r"different|\d+) (?:shops|pharmacies|chemists)|sniff(?:ing|ed|s)? (?:the )?(?:\w+ ){0,2}"
    r"(?:spray|aerosol|gas|glue|solvent|canister)|huffing|take the edge off",
)
_add(
    SS.ACCIDENTAL_EXPOSURE,
    r"patch(?:es)? stuck to (?:his|her|the baby's|the child's|its) (?:cheek|face|hand|foot|"
    r"bottom|leg|arm|back|tummy)|(?:licking|licked|licks) (?:the )?(?:back of )?(?:his|her|its) "
    r"(?:neck|fur|coat)|licks my (?:forearm|arm|skin|leg|hand|wrist)(?: [\w']+){0,8} (?:gel|"
    r"cream|spray|patch|ointment)|(?:drank|swallowed|ate|licked)(?: some| a bit| a mouthful| a "
    r"sip)? of (?:the|a) (?:[\w']+ ){0,2}(?:drench|dip|wormer|pour-on|disinfectant|"
    r"suspension)(?: out of| from)?|(?:drank|ate|swallowed) (?:some )?of a (?:classmate|friend|"
    r"pupil|child|kid|boy|girl|resident|patient)'?s|(?:lil|little|young|wee) (?:boy|girl|one|"
    r"lad|un)(?: [\w']+){0,8} (?:eat|ate|swallowed|took|drank)(?: up)? (?:\w+ )?of (?:mi|my|me|"
    r"nana's|gran's)|(?:nene|nena|hij[oa]|niet[oa]|sobrin[oa])(?: de \w+ (?:anos|meses))? se "
    r"(?:tomo|comio|trago)(?: \w+){0,4} (?:de la abuela|del abuelo|de mi \w+)",
)
_add(
    SS.OFF_LABEL_USE,
    _HCP + r"(?: \w+){0,2} (?:told|said|suggested|advised|recommended|dijo|recomendo)(?: [\w']+)"
    r"{0,12} (?:to help (?:me|him|her) (?:get some )?sleep)|(?:en la caja|the box|the label) "
    r"(?:dice|says) que (?:son|es) para|(?:said|says) (?:it's|its|they're) the same (?:thing|"
    r"stuff)|que es lo mismo|(?:piles|haemorrhoid|hemorrhoid|nappy|diaper|eczema|acne) cream "
    r"on (?:my|his|her) (?:stitches|face|scar|lips|eyes?|tattoo)|(?:box|label|leaflet) says "
    r"(?:don't|do not|not to) (?:cut|crush|split|chew|open)(?: [\w']+){0,6},? (?:but|yet) (?:she|"
    r"he|the (?:nurse|doctor|gp|vet|pharmacist)) (?:said|told|says)|(?:cattle|cow) (?:\w+ ){0,2}"
    r"(?:pour-on|drench|wormer|dip|spray|paste)(?: [\w']+){0,2} on the (?:ewes|lambs|sheep|goats|"
    r"alpacas|deer|dogs?|horses?)|(?:sheep|horse|dog) (?:\w+ ){0,2}(?:pour-on|drench|wormer|dip|"
    r"spray|spot-on|paste)(?: [\w']+){0,2} on the (?:cattle|cows|goats|alpacas|cats?|rabbits?|"
    r"ferrets?)|al gato (?:\w+ ){0,4}del perro|al perro (?:\w+ ){0,4}del gato|"
    + _HCP
    + r"(?: \w+){0,2} (?:told|said|suggested)(?: [\w']+){0,6} horse",
)
_add(
    SS.BREASTFEEDING,
    r"donor milk|milk bank|banco de leche|(?:lambs?|calves|calf|foals?|kids|piglets|twins) (?:\w+"
    r" ){0,2}(?:still )?(?:sucking|suckling|at foot)|milk (?:i|she) (?:pumped|expressed)|"
    r"(?:pumped|expressed) (?:milk )?(?:while|during|when) (?:i was |she was )?(?:on|taking)",
)
_add(
    SS.PREGNANCY,
    r"(?:did|took|done) a (?:pregnancy )?test(?: [\w']+){0,4} (?:and )?(?:it's|it has|it) (?:come "
    r"up|came up|came back|is) positive|preggy|booking (?:appointment|scan|visit|in)|antenatal "
    r"(?:appointment|clinic|booking)|dating scan|scanned in (?:calf|lamb|foal|pup|kid)",
)
_add(
    SS.WITHDRAWAL,
    r"ran out of (?:my |his |her |the )?(?:\w+ ){0,2}(?:over|at|for|during|on) (?:the )?(?:bank "
    r"holiday|weekend|holidays?|christmas|easter|long weekend)|(?:gave up|give up|came off|come "
    r"off|quit|stopped|suspendi|deje|dejo) (?:the |my |his |her |la |el |las |los )?(?:[\w-]+ )"
    r"{0,2}(?:tablets|pills|meds|patches|spray|drops|gum|pastillas|gotas|\w+ina|\w+am|\w+ole) "
    + _NOT_REASON
    + r"{0,12}"
    + _SYMPTOM_AFTER
    + r"|si no me (?:las|lo|la|los) (?:pongo|tomo|echo)|(?:jittery|jitters|high-pitched cry)"
    r"(?: [\w',.-]+){0,25} (?:methadone|opioids?|morphine|buprenorphine|subutex|codeine)|on "
    r"(?:the )?(?:methadone|subutex|buprenorphine)(?: [\w']+){0,5} (?:through|during) (?:the|my) "
    r"pregnancy",
)
_add(
    SS.OCCUPATIONAL_EXPOSURE,
    _ROLE + r"(?: [\w'-]+){0,12} (?:sin guantes|without gloves|bare-?handed|without (?:a )?mask)|"
    r"se inyecto (?:sin querer )?(?:[\w-]+ ){0,3}en la mano",
)
_add(
    SS.INFECTIOUS_AGENT,
    r"recalled (?:for|because of|due to|over) (?:\w+ )?(?:cronobacter|salmonella|listeria|e\.? ?"
    r"coli|bacteria|bacterial|burkholderia|pseudomonas|contamination|mou?ld|fungal)",
)
_add(
    SS.COUNTERFEIT,
    r"another label underneath|label (?:over|on top of) another label|(?:off|from) (?:a bloke|"
    r"a guy|someone|a van|a man) (?:on|at|in|off) (?:gumtree|facebook|marketplace|the mart|ebay|"
    r"instagram|a market|the market)|bought (?:\w+ ){0,3}off a van|(?:label|leaflet|insert|"
    r"prospecto|etiqueta)(?:'s| \w+){0,2} (?:is |was |es |era )?(?:a |una )?(?:photocopy|"
    r"photocopied|fotocopia)",
)
