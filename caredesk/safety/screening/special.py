"""Special-situation phrase patterns (English and Spanish, on normalised text): pregnancy,
breastfeeding, overdose, misuse, abuse, medication error, lack of efficacy, off-label use,
exposures, infectious agents, withdrawal and counterfeit suspicion. Kept apart from
patterns.py (complaints, tampering, seriousness) so each table stays readable.
"""

from __future__ import annotations

import re

from caredesk.safety.screening.codes import SpecialSituation as SS

W = r"(?:\s+[\w'/-]+){0,5}?\s+"  # up to five filler words
PILL = (
    r"(?:pills?|tablets?|tabs?|capsules?|caps|doses?|gummies|gummy|chews?|patch(?:es)?|sprays?|"
    r"puffs?|shots?|injections?|drops|pastillas?|capsulas?|dosis|comprimidos?)"
)


def rx(pattern: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w'])(?:" + pattern + r")(?![\w'])")


SPECIAL: dict[SS, re.Pattern[str]] = {
    SS.PREGNANCY: rx(
        r"pregnant|pregnancy(?! tests?(?![\w']))|expecting a baby|weeks along|trimester|prenatal|"
        r"in (?:foal|calf|kid|lamb|pup|kitten)|with child|wks gestation|weeks? gestation|"
        r"carrying (?:twins|triplets|a baby|my baby|our baby)|(?:\d+|eight|seven|six|five|nine) "
        r"months (?:along|gone)|(?:bred|pregnant|gestating) (?:mare|queen|bitch|"
        r"cow|ewe|doe|sow)|expecting (?:puppies|kittens|a litter|a foal)|"
        r"embarazada|embarazo|estoy esperando un bebe|gestacion|prenad[ao]|gestante"
    ),
    SS.BREASTFEEDING: rx(
        r"breast-?\s?feeding|breast-?\s?fed|breastfeed|nursing (?:my|the|a|her) (?:baby|son|"
        r"daughter|infant|newborn)|i am nursing|i'm nursing|while nursing|breast milk|"
        r"pumping milk|pump and dump|nursing (?:mom|mother|mama|mum)|"
        r"(?:exclusively|currently|still) "
        r"nursing|lactating|lactation|amamantando|amamantar|lactancia|dando pecho|dar pecho|"
        r"dando el pecho|leche materna|dando de mamar|doy de mamar|on breast ?milk|feeding "
        r"(?:my|our|her) (?:son|daughter|baby) myself"
    ),
    SS.OVERDOSE: rx(
        r"over-?dos(?:e|ed|ing)|took too many|taken too many|too many " + PILL + r"|too much|"
        r"double (?:dose|dosed|the dose)|doubled (?:the|his|her|my) dose|twice the (?:dose|amount)|"
        r"(?:two|2|three|3|four|4|five|5|six|6|several|extra|multiple) (?:extra )?(?:doses|"
        + r"times the dose)|more than the (?:recommended|maximum|max|label)|extra "
        + PILL
        + r"|"
        r"(?<!ordered a )(?<!bought a )(?<!order a )(?<!buy a )(?<!purchased a )(?<!received a )"
        r"whole (?:bottle|pack|box|tube|blister|strip|sheet|jar)|entire (?:bottle|pack|box|tube|"
        r"strip|jar|packet|container)|(?:medio|todo el) (?:frasco|bote|tubo|blister|paquete)|"
        r"(?:tomo|bebio|trago|comio|tome) (?:casi )?un (?:frasco|bote|tubo|blister|paquete)|"
        r"(?:second|another|extra) full dose|(?:took|taken|swallowed|ate|eaten|had|drank|given|"
        r"gave|finished) all (?:the|of the) "
        + PILL
        + r"|sobredosis|tomo de mas|tome de mas|dosis doble|el doble de la dosis|"
        r"demasiad[ao]s? " + PILL + r"|"
        r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|a handful of) (?:\w+ ){0,2}"
        r"(?:" + PILL + r"|chewables?|softgels?|caplets?|lozenges?|teaspoons?|spoonfuls?) "
        r"(?:at once|all at once|at the same time|in one go|"
        r"together)|\(?max(?:imum)?\.? (?:is |of )?\d+|max(?:imum)?(?: dose| daily dose)? (?:is )?"
        r"(?:supposed to be|should be|only|says|is only) \d+|\d+ ?(?:mg|mcg|ml|g|units?) "
        r"(?:at once|all at once|in one go|in one dose|in one sitting)|"
        r"(?:took|taken|ate|swallowed|had|given|gave (?:him|her|them|it)) (?:maybe |about |around |"
        r"like |roughly |approx\.? |approximately |nearly |almost |over )?(?:[4-9]|[1-9]\d|four|"
        r"five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|a dozen|a handful) "
        r"(?:of (?:the|my|his|her|those|these|them|their)|" + PILL + r"|chewables?|softgels?|"
        r"caplets?|lozenges?|gummies)|exceed(?:ed|ing|s)? (?:the )?(?:max\w*|"
        r"recommended|daily|dose|limit|label)|(?:more|higher) than (?:the )?(?:recommended|"
        r"prescribed|directed|allowed|label|daily limit|max\w*)|"
        + PILL
        + r" de mas|de mas (?:de )?(?:pastillas?|dosis|comprimidos?|capsulas?)"
    ),
    SS.MISUSE: rx(
        r"misus(?:e|ed|ing)|used (?:it|them) (?:more often|longer) than|"
        r"(?:took|takes|taking|used) (?:my|his|her) (?:husband's|wife's|friend's|mother's|"
        r"mom's|father's|dad's|sister's|brother's|neighbor's|son's|daughter's)|someone else's "
        r"prescription|not as (?:directed|prescribed)|against the (?:label|directions)|"
        r"chewed (?:the|it|them)(?! (?:delivery |shipping |cardboard |outer )?(?:box|package|"
        r"parcel|envelope|mail))|split the (?:patch|extended)|uso indebido|mal uso|"
        r"(?:cut|cuts|cutting|split|splits|splitting|crush|crushes|crushed|crushing|chew|chews|"
        r"chewed|chewing|break|breaks|breaking|broke|open|opens|opening|opened) (?:\w+ ){0,2}"
        r"(?:extended|slow|delayed|controlled|"
        r"sustained|modified)[- ]release|to make (?:them|it|the \w+) last longer|"
        r"(?:just )?to feel (?:relaxed|calm|good|nothing|numb|buzzed|happy|better)|for fun|"
        r"to get (?:a )?buzz(?:ed)?|"
        r"(?:more often|longer) than (?:prescribed|directed|recommended|the label)"
    ),
    SS.ABUSE: rx(
        r"abus(?:e|ed|ing)|to get high|getting high|got high|for (?:the|a) high|to get wasted|"
        r"at parties|(?:is|he's|she's|they're|got) hooked|"
        r"to get (?:a )?high|snort(?:ed|ing)?|recreational(?:ly)?|"
        r"addicted|addiction|inject(?:ed|ing) (?:the )?(?:crushed|pills)|for the buzz|"
        r"drogarse|adicto|adiccion|abuso"
    ),
    SS.MEDICATION_ERROR: rx(
        r"medication error|dosing error|by mistake|by accident|mistakenly|accidentally gave|"
        r"wrong (?:dose|dosage|medication|"
        r"medicine|drug|strength|pills?|patient|route|eye|ear|child|kid|person)|gave (?:him|her|"
        r"them|my \w+) (?:the wrong|my|his|her) |mixed up (?:the|my|his|her)|mix-?up|confused "
        r"(?:the|it|them|two)|took (?:it|them|a dose) twice|dosed twice|expired|after the expir|"
        r"past (?:the|its) expir|pharmacy gave (?:me|us) the wrong|dispensed the wrong|"
        r"error de medicacion|por error|por equivocacion|dosis equivocada|medicamento equivocado|"
        r"caducad[ao]|vencid[ao]|"
        r"\d+(?:\.\d+)? ?(?:mg|mcg|ml|g|units?|iu|tabs?|tablets?|pills?|drops|puffs)"
        r"(?: \w+){0,3} instead of (?:the |his |her |my )?\d+(?:\.\d+)?|"
        r"instead of (?:my|his|her|their|the) "
        r"(?:own |usual |regular |prescribed )?(?:\w+ )?(?:medication|medicine|pills?|tablets?|"
        r"drops|dose|inhaler|cream|insulin|prescription)|instead of (?:mine|his|hers|theirs|ours|"
        r"(?:my|his|her|their) own)|confused (?:\w+ ){1,4}with|mixed "
        r"(?:\w+ ){1,4}up with|mistook|thought (?:it|they) (?:was|were) (?:my|his|her|the)|"
        r"grabbed the wrong|another (?:child's|kid's|patient's|person's|resident's)|"
        r"(?:adult|children's|child|kids|pediatric|infant) (?:dose|dosing|dose chart|dosing chart) "
        r"(?:for|on|with) (?:my|his|her|our|a) (?:\d+|one|two|three|four|five|six)|thinking (?:it|"
        r"they) (?:was|were) (?:a |an |the |my )?|del perro al gato|del gato al perro|"
        r"(?:forgot|forgetting|didn't realize|did not realize) (?:that )?"
        r"(?:i|he|she|we) (?:had )?already (?:taken|given|took|gave|had)|en lugar de"
    ),
    SS.LACK_OF_EFFICACY: rx(
        r"(?:does ?n[o']t|did ?n[o']t|do ?n[o']t|is ?n[o']t|was ?n[o']t|not|never) (?:seem to )?"
        r"(?:work|working|worked|help|helping|helped|do anything|doing anything|did anything|"
        r"effective|make a difference)|stopped working|quit working|no effect|no relief|"
        r"(?:zero|absolutely no|not any|no real) (?:effect|relief|difference|improvement|change)|"
        r"(?:got|became|am|i'm|is|she's|she is|was) pregnant (?:\w+ ){0,2}(?:while|despite|even "
        r"though) (?:\w+ ){0,2}(?:on|using|taking|having)|"
        r"no improvement|not any better|ineffective|nothing happened|no difference|"
        r"not (?:controlling|lowering|relieving|killing|stopping)|still (?:have|had|got|has|"
        r"getting|itching|scratching|in pain|hurts?)|lack of efficacy|"
        r"(?:did|does) nothing(?! (?:wrong|about (?:my|the|it)|(?:for|with|to) (?:my|the|our) "
        r"(?:order|refund|account|delivery|parcel|package|complaint|case|money|card)))|"
        r"no (?:me |le )?(?:funciona|funciono|hace efecto|hizo efecto|sirve|sirvio|ayuda|ayudo)|"
        r"sin efecto|sigue igual|sigo igual|sigo con|"
        r"(?:does ?n[o']t|did ?n[o']t|is ?n[o']t|are ?n[o']t|was ?n[o']t|were ?n[o']t|not|never) "
        r"(?:\w+ )?(?:bringing|bring|getting|keeping|lowering|lower|reducing|reduce|clearing|"
        r"clear|touching|touch|budging|budge|fixing|fix|improving|improve|easing|ease|"
        r"calming|calm|killing|kill|stopping|stop|controlling|control|relieving|relieve|"
        r"doing (?:a thing|anything|its job|the job|much)|do (?:a thing|anything|its job|much))"
        r"(?! (?:the |my |your |our )?(?:order|package|refund|account|delivery|email|page|"
        r"item|box)| (?:taking|using|giving|applying|having|buying|ordering) | (?:through|back "
        r"to|a reply|a response|an answer|hold of|round to))|"
        r"no (?:change|difference|improvement) (?:at all|whatsoever)|still (?:high|"
        r"elevated|the same|sick|hurting|sore|swollen|infected|coughing|itchy|scratching)|"
        r"no (?:me |le |nos )?(?:funcionaron|sirvieron|ayudaron|hicieron efecto)|"
        r"no (?:me |le |nos )?ha (?:servido|funcionado|hecho efecto|ayudado)|useless|"
        r"(?:haven't|hasn't|have not|has not) (?:worked|helped|slowed|improved|changed)|"
        r"no better after|sigue "
        r"(?:rascandose|enferm[oa]|con (?:dolor|picazon|fiebre|tos|diarrea|pulgas|granos))"
    ),
    SS.OFF_LABEL_USE: rx(
        r"off-?\s?label|not (?:approved|indicated|labeled|labelled) for|unapproved use|"
        r"(?:gave|give|giving|used|use|using) (?:it|them|my|the|his|her|our)?\s?(?:\w+ )?(?:to|on) "
        r"(?:my|our|the) (?:dog|cat|horse|puppy|kitten|pet)|human (?:medicine|medication|pills?) "
        r"(?:to|for|on) (?:my|our|the) (?:dog|cat|pet)|(?:dog|cat|horse) (?:medicine|medication|"
        r"pills?|chews?) (?:to|for|on) (?:my|our) (?:son|daughter|child|kid|husband|wife)|"
        r"(?:gave|give|giving|given) (?:my|our|the) (?:dog|cat|puppy|kitten|pet|horse)"
        r"(?: \w+){0,3} (?:my|our|human) (?:own )?\w+|fuera de indicacion|uso no aprobado|"
        r"(?:using|used|use|applied|applying|apply|gave|giving|took|taking|put|putting)"
        r"(?: [\w']+){0,6} (?:although|but|even though|though) (?:the )?(?:box|label|leaflet|"
        r"instructions|insert|"
        r"package|packaging|bottle|tube) (?:says|said|states)|not (?:meant|intended|made|"
        r"designed|labeled|labelled) (?:for|to be used)|(?:says|labeled|labelled|meant|intended)"
        r" (?:for )?(?:\w+ )?(?:use )?only|"
        r"(?:using|used|use|applied|applying|apply|put|putting|puts|gave|giving|rubbed|rubbing)"
        r"(?: [\w'-]+){0,5} (?:in|into|on|onto) (?:my|our|his|her|the|their) (?:dog|cat|horse|"
        r"puppy|kitten|pet|rabbit|bunny)'s|"
        r"(?:feline|cat|canine|dog|equine|horse|cattle|bovine)(?: [\w'-]+){0,3} (?:on|to|for) "
        r"(?:my |our |the |a |his |her )?(?:rabbits?|bunn(?:y|ies)|ferrets?|guinea pigs?|birds?|"
        r"hamsters?|goats?|sheep|pigs?)"
    ),
    SS.ACCIDENTAL_EXPOSURE: rx(
        r"accidental(?:ly)? (?:swallow|ingest|took|taken|exposed|exposure|got|ate|drank|licked|"
        r"spray|splash|inject)\w*(?! (?:a |an |the |my |his |her )?(?:double|extra|second|"
        r"another|two|2) (?:dose|doses|pills?|tablets?))|"
        r"(?:got|gets|getting) into (?:the|my|his|her|our) (?:\w+ )?(?:bottle|pills|drawer|"
        r"cupboard|"
        r"nightstand|handbag|backpack|suitcase|"
        r"medicine|medication|purse|bag|cabinet|package|pack|box|tube|chews?)|"
        r"(?:dog|cat|puppy|kitten|toddler|baby|child|kid|son|daughter|grandson|granddaughter) "
        r"(?:ate|swallowed|chewed|licked|found|drank)(?! (?:up |through |on )?(?:the |a |my |"
        r"our |his |her )?(?:delivery |shipping |cardboard |outer )?(?:box|package|parcel|"
        r"envelope|mail|shoes?|slippers?|toy|bone|socks?|packing|bubble wrap|receipt|dinner|"
        r"food|breakfast|lunch|treats?|biscuits?|kibble|meal))|"
        r"(?:sprayed|splashed|squirted|got it) "
        r"(?:in|into) (?:my|his|her|the) (?:eyes?|mouth|face)|ingested|"
        r"se trago|se comio (?:las|unas|el|la|los|unos|uno|una|mis|sus|su|\d+)|ingirio|"
        r"accidentalmente|"
        r"(?:got|get|spilled|spilt|splashed|sprayed|squirted|dripped|rubbed) (?:some |a little |"
        r"a bit |a drop |drops )?(?:of )?(?:it|the|this|that|my \w+'s|the \w+'s)(?: [\w'-]+){0,3} "
        r"(?:on|in|into|onto) (?:my|his|her|their|the baby's|the child's|my son's|my daughter's) "
        r"(?:hands?|skin|face|eyes?|mouth|arms?|lips|fingers)"
    ),
    SS.INFECTIOUS_AGENT: rx(
        r"(?:contaminated|infected) with (?:bacteria|a virus|virus|fungus|mold|germs)|"
        r"transmi(?:tted|ssion)|got (?:an )?infection from (?:the|this|it)|infected from (?:the|"
        r"this)|bacteria in (?:the|it)|sepsis from|contaminad[ao] con bacterias|"
        r"(?:caught|got|developed|picked up|have|has|had) (?:an |a )?(?:\w+ )?infection (?:from|"
        r"at|after|because of) (?:the |my |his |her )?(?:injection|shot|needle|vaccine|"
        r"infusion|vial|product|drops|syringe|pen|site|jab|implant|catheter|solution)|"
        r"(?:abscess|cellulitis|infection|infected)(?: \w+){0,3} (?:from|at|after|where) "
        r"(?:the |my |his |her )?(?:injection|shot|needle|vaccine|jab|infusion|syringe)|"
        r"se (?:me |le |te )?infecto (?:el|la) (?:lugar|zona|sitio|herida) de (?:la )?"
        r"(?:inyeccion|vacuna|aguja)|infeccion (?:por|de) la (?:inyeccion|vacuna)"
    ),
    SS.OCCUPATIONAL_EXPOSURE: rx(
        r"occupational|at work (?:i|he|she) (?:got|was) exposed|needle-?\s?stick|while "
        r"(?:preparing|compounding|administering|handling) (?:the|it|a)|exposed at work|"
        r"exposicion laboral|(?:i'm|i am|as|she's|he's|she is|he is|caller is|pt is) (?:a|an) "
        r"(?:vet(?:erinary)? (?:nurse|tech\w*|assistant)|nurse|pharmacist|pharmacy tech\w*|"
        r"technician|farmer|groomer|caregiver|carer|doctor|physician|vet|dentist|"
        r"(?:lab|laboratory) (?:worker|tech\w*)|farm (?:hand|worker)|kennel worker|aide|assistant)"
        r"(?: \w+){0,6} "
        r"(?:splashed|spilled|exposed|stuck|sprayed|squirted|inhaled|injected (?:herself|himself|"
        r"myself)|got (?:some|it|splashed|sprayed|the))|(?:veterinarian|vet|nurse|doctor|"
        r"pharmacist|technician|groomer)(?: \w+){0,2} (?:accidentally )?(?:injected|stuck|"
        r"jabbed) (?:herself|himself|themselves)|(?:aide|nurse|worker|assistant|tech) was stuck"
    ),
    SS.WITHDRAWAL: rx(
        r"(?<!milk )(?<!meat )(?<!egg )(?<!honey )(?<!day )(?<!days of )(?<!the egg )"
        r"withdrawals?(?! (?:period|time|interval)s?)|discontinuation syndrome|brain zaps|since (?"
        r":i )?stopp?(?:ed|ing) "
        r"(?:taking|it|the)|after (?:i )?stopp?(?:ed|ing) (?:taking|it|the)|"
        r"(?<!tape )(?<!tape was )(?<!tape is )(?<!label )(?<!label was )(?<!label is )"
        r"(?<!sticker )(?<!foil )(?<!lid )(?<!cap )(?<!seal )(?<!wrap )(?<!film )(?<!paint )"
        r"coming off|"
        r"(?<!cap )(?<!lid )(?<!top )(?<!seal )(?<!label )(?<!patch )(?<!sticker )(?<!ring )"
        r"(?<!mask )came off|"
        r"tapering|weaning off|detox(?:ing)?|cold turkey|abstinencia|desde que (?:lo |la )?deje|"
        r"stopp?(?:ed|ing)(?: \w+){0,5} (?:abruptly|suddenly|all at once)|(?:deje|dejo) de tomar|"
        r"missed (?:two|three|four|a few|several|\d+) (?:days|doses)|(?:abruptly|suddenly) "
        r"(?:stopped|quit|discontinued)|(?:since|after) (?:i |he |she |we )?ran out|ran out of "
        r"(?:my|his|her|the)(?: \w+){0,3} (?:\d+|a few|two|three|four|five|several) (?:days?|"
        r"weeks?) ago|de golpe|(?:deje|dejo|suspendi|suspendio) (?:\w+ ){0,3}de repente"
    ),
    SS.COUNTERFEIT: rx(
        r"counterfeit|fake(?! (?:website|site|web ?site|email|e-mail|text|call|calls|account|page|"
        r"profile|reviews?|news|number|caller|link|ad|ads))|falsified|knock-?off|"
        r"not (?:the )?(?:genuine|authentic|real)|"
        r"bootleg|falsificad[ao]s?|falsos?|falsas?|pirata|"
        r"nothing like the (?:real|genuine|original)|"
        r"not like the (?:real|genuine|original) (?:ones?|thing|product)"
    ),
}
