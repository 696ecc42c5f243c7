"""Concept patterns: special situations, complaints, tampering and seriousness described by
what they ARE (a part of a product + a defect; a person + an exposure; an amount + "more than
the label"), not by the phrases the labelled sets happened to use.

Why a second table: the phrase tables in `special.py` / `patterns.py` were grown from dev
misses and recalled the dev wording only (test recall of special situations 0.62, complaints
0.78). These patterns are written from general linguistic knowledge (lexicons of product parts,
defect states, people, animals, body parts; UK, US and Spanish registers) and are OR-ed with the
phrase tables by the engine, under the same negation and hypothetical scopes.
"""

from __future__ import annotations

import re

from caredesk.safety.screening.codes import SpecialSituation as SS


def rx(pattern: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w'])(?:" + pattern + r")(?![\w'])")


def words(*items: str) -> str:
    return "(?:" + "|".join(items) + ")"


F = r"(?: [\w'/-]+){0,4}"  # up to four filler words
NUM = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty)"
DOSE_FORM = (
    r"(?:pills?|tablets?|tabs?|capsules?|caps|caplets?|softgels?|soft gels?|gumm(?:y|ies)|"
    r"chewables?|chews?|lozenges?|pastilles?|sachets?|patch(?:es)?|pessar(?:y|ies)|"
    r"suppositor(?:y|ies)|drops|doses?|puffs?|sprays?|jabs?|shots?|injections?|pastillas?|"
    r"tabletas?|comprimidos?|capsulas?|sobres?|parches?|gotas|dosis)"
)
PERSON_SMALL = (
    r"(?:toddler|baby|infant|little one|grand(?:son|daughter|child|kid)|nephew|niece|kid|kiddo|"
    r"child|son|daughter|boy|girl|"
    + NUM
    + r"[- ](?:year|yr|month)[- ]old|puppy|pup|dog|cat|kitten|spaniel|labrador|lab|"
    r"terrier|collie|retriever|poodle|beagle|nino|nina|bebe|nieto|nieta|perr[oa]|gat[oa])"
)
OWNER = (
    r"(?:my|mum's|mom's|dad's|grandma's|grandad's|granny's|nan's|the dog's|the cat's|someone's|"
    r"(?:his|her) (?:mum|mom|dad|grandma|grandad|brother|sister|nan)'s|(?:one|some) of my)"
)
EXPOSURE_VERB = (
    r"(?:got into|got hold of|got at|helped (?:himself|herself|itself) to|stole|bit into|"
    r"sucked(?: on)?|put (?:it|one|some|a \w+) in (?:his|her|its) mouth|had (?:it|one|a \w+) in "
    r"(?:his|her|its) mouth|chewed (?:open|through|up)|licked (?:the |some |my |his |her )?"
    r"(?:\w+ )?(?:cream|gel|ointment|spot-on|drops|spray|solution|powder|treatment|medicine|"
    r"it off|off)|found and (?:ate|swallowed|chewed)|(?:ate|swallowed|drank|chewed|eaten)"
    r"(?: \w+){0,3} " + OWNER + r"|se (?:bebio|comio|trago|metio)|lamio|mordio)"
)
BODY = (
    r"(?:eyes?|mouth|face|hands?|skin|lips|nose|fingers?|arms?|legs?|ojos?|boca|cara|manos?|piel)"
)
PEOPLE_OWN = (
    r"(?:partner|wife|husband|mum|mom|mother|dad|father|friend|sister|brother|flatmate|roommate|"
    r"son|daughter|neighbou?r|colleague|boyfriend|girlfriend|nan|gran|grandma|grandad)"
)
SPECIES = (
    r"(?:dog|canine|cat|feline|horse|equine|pony|cattle|cow|bovine|sheep|ovine|pig|porcine|goat|"
    r"rabbit|guinea pig|ferret|bird|chicken|poultry|alpaca|human|people)"
)

SPECIAL: dict[SS, re.Pattern[str]] = {
    SS.PREGNANCY: rx(
        r"expecting (?:in|by|around) (?:the )?(?:jan\w*|feb\w*|march|april|may|june|july|aug\w*|se"
        r"p\w*|oct\w*|nov\w*|dec\w*|spring|summer|autumn|winter)|(?:we're|we are|i'm|i am|she's|sh"
        r"e is|"
        r"they're) having a baby|(?:was|were|been|got|had been) (?:mated|served|covered|bred)|"
        r"put to the (?:stallion|bull|ram|boar|tup)|"
        + NUM
        + r" (?:weeks?|wks?|months?) (?:pregnant|gone|along|gestation|into (?:my|the|her) "
        r"pregnancy)|positive (?:pregnancy |preg )?test|(?:ivf|embryo transfer|fertility "
        r"treatment)|\d{1,2}/40|g\dp\d|conceived|expecting (?:our |my |her |their )?(?:first|secon"
        r"d|third|"
        r"twins|triplets|a baby|baby|again)|(?:my|her|our|the baby's) due date|bun in the oven|in "
        r"the family way|"
        r"antenatal|(?:my|his|our) (?:wife|partner|girlfriend) is (?:now )?(?:pregnant|expecting)|"
        r"miscarri\w+|stillb\w+|lost the (?:pregnancy|baby)|"
        r"(?:bred|pregnant|gestating|in-calf|in-foal|in-lamb) (?:heifers?|mares?|ewes?|sows?|"
        r"gilts?|does|queens?|bitch(?:es)?|cows?|goats?|nann(?:y|ies))|(?:scanned|confirmed) in "
        r"(?:lamb|calf|foal|kid|pig)|in pig|(?:litter|foal|lambs?|calf) (?:is )?due|"
        r"(?:estoy|esta) en estado|encinta|espero un bebe|esperando (?:un|mi|nuestro) (?:bebe|hijo"
        r")|"
        r"semanas de (?:gestacion|embarazo)|meses de (?:gestacion|embarazo)|prenad[ao]"
    ),
    SS.BREASTFEEDING: rx(
        r"express(?:ing|ed)? (?:breast ?)?milk|exclusively (?:expressing|pumping|breast\w*)|"
        r"(?:i'm|i am|am|still|currently|she's|she is) (?:pumping|expressing|nursing|"
        r"breast\w*)|chest-?feeding|breastfed|nursing (?:my|a|our|the|her)(?: \w+){0,2} "
        r"(?:baby|toddler|son|daughter|infant|newborn|twins|preemie|little one)|milk supply|"
        r"(?:lambs?|foals?|kittens?|pupp(?:y|ies)|calf|calves|piglets?|litter|baby|babies) "
        r"(?:is |are )?(?:feeding|nursing|suckling) (?:from|on|off)|(?:feeding|suckling|nursing) "
        r"(?:twin |her |his |its )?(?:lambs?|foals?|kittens?|pupp(?:y|ies)|calf|calves|piglets|"
        r"litter)|nursing (?:queen|bitch|mare|ewe|sow|doe|cow)|combination feeding|"
        r"(?:le )?(?:doy|da|dando|dar|daba) (?:el )?pecho|amamant\w+|lactante"
    ),
    SS.OVERDOSE: rx(
        r"(?:full|whole|entire) (?:\w+ )?(?:when|but|where|and) (?:it |the dose |he |she |they |i "
        r")?"
        r"(?:should (?:have been|be)|was supposed to be|was meant to be|needed)|"
        r"(?:double|triple|extra|second) (?:helping|portion|serving)s?|(?:necked|downed|chugged|"
        r"knocked back|polished off|finished off|got through|glugged|swigged) (?:a |an |the |his |"
        r"her |my )?(?:whole|entire|full)?|(?:el )?(?:doble|triple) de \w+|(?:loads|lots|way|far|"
        r"much|a lot) more than (?:i|he|she|we|they|you) (?:should|was supposed to|were meant to|"
        r"was meant to)|more than (?:i|he|she|they) should (?:have )?(?:taken|had|used|given)|"
        r"(?:double|triple|twice|three times|four times) (?:the|what|his|her|my) (?:\w+ )?"
        r"(?:gel|cream|tablets?|pills?|puffs|drops|sprays?|insulin|amount|dose)|"
        r"(?:\w+ )?times a day (?:when|but|and|though|although) (?:it|the (?:box|label|leaflet|"
        r"pharmacist|doctor|gp|vet)) (?:says|said) (?:once|one|twice)|"
        r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten) (?:\w+ )?(?:puffs|tablets|pills|"
        r"capsules|sprays|drops|doses|patches|gummies|chews|scoops|spoons|ml) (?:a day )?instead o"
        r"f "
        r"(?:the )?(?:\d+|one|two|three|four)(?! (?:mg|mcg|ml|g)\b)|"
        r"(?:a load|loads|a pile|a bunch|a lot|a fistful|heaps|a stack) of (?:the |my |his |her )?"
        r"(?:\w+ )?(?:tablets|pills|capsules|painkillers|meds|sleeping \w+|gummies)|"
        r"(?:took|taken|had|swallowed|taking|taken) (?:far |way |a few |many |a lot )?too "
        r"(?:many|much)|(?:far|way) too many|"
        r"(?:took|taken|swallowed|had|used|applied|gave|given|ate|eaten|drank|injected) (?:the |a |"
        r"an |his |her |my )?(?:whole|entire|full) (?:blister|strip|pack|packet|box|bottle|tub|"
        r"tube|sheet|syringe|pot|card|supply|month's supply|course|jar)|"
        r"(?:double|triple|twice|three times|four times|five times|ten times|\d+ times|x\d+|\d+x) "
        r"(?:the |what |his |her |my )?(?:daily |recommended |prescribed |usual |normal |maximum |"
        r"max |labelled |labeled |correct )?(?:dose|amount|dosage|limit|max|the box says|it says|"
        r"the label says|is recommended)|every "
        + NUM
        + r" hours? instead of (?:every )?"
        + NUM
        + r"|overd(?:id|o|oing) it|a (?:month's|week's) (?:supply|worth) in|(?:two|2|both|three) "
        r"(?:patches|doses|tablets|pills|injections|shots)(?: on)? at (?:once|the same time)|"
        r"(?:tonight's|today's|yesterday's|this morning's) and (?:tomorrow|tonight|this "
        r"evening)(?:'s)?(?: [\w']+){0,2} together|dose (?:meant|intended) for a (?:bigger|larger|"
        r"heavier|\d+ ?kg)|(?:instead of|rather than) (?:just )?one\b|"
        r"(?:el )?(?:doble|triple) de (?:la|lo)|(?:dos|tres|cuatro|\d+) veces la dosis|mas de lo "
        r"(?:que dice|indicado|recetado|recomendado)|se (?:tomo|bebio|trago) (?:casi )?(?:toda|"
        r"todo|todas|todos|medio|media)|(?:pastillas|comprimidos|capsulas) de golpe"
    ),
    SS.MISUSE: rx(
        r"(?:says|said|states|label says|box says)(?: to use(?: it)?(?: for)?)? (?:one|two|three|"
        r"seven|\d+|a) (?:days?|weeks?) (?:only|max\w*|at most)|(?:pinch\w*|nick\w*|steal\w*|"
        r"swip\w*) (?:my|his|her|their|mum's|dad's) (?:\w+ )?(?:tablets|pills|meds|medication|"
        r"inhaler|patches|painkillers|sleeping \w+)|take (?:both|them all|all of them|the two) (?:"
        r"at|"
        r"in) (?:once|night|the morning|the evening|one go)|aunque (?:es|sea|dice) solo para|"
        r"(?:take|takes|took|taking|use|uses|used|using|borrow\w*|share\w*|sharing|steal\w*) "
        r"(?:my |his |her |their |our )?" + PEOPLE_OWN + r"(?:'s|s') (?:\w+ ){0,2}(?:tablets?|"
        r"pills?|inhaler|medicine|medication|meds|prescription|patch(?:es)?|drops|cream|spray)|"
        r"(?:past|beyond|over|longer than) the (?:directions|(?:box|label|leaflet) says)|"
        r"(?:says|max|maximum) (?:\d+|seven|three|five|ten) days(?: max\w*)?(?: \w+){0,3} (?:but|a"
        r"nd)|(?:\w+ )?times more (?:often|than) (?:the )?(?:box|label|"
        r"directions|leaflet)|(?:cut|cutting|cuts|chop|chops|chopping|snip\w*|halv\w*|split\w*) "
        r"(?:the |my |his |her )?(?:\w+ )?(?:patch|patches)|(?:box|pack|bottle|supply) lasts? "
        r"(?:twice as long|longer)|"
        r"(?:only|just) (?:take|takes|use|uses) (?:it|them|his|her|my)(?: \w+){0,2} when|"
        r"(?:to stay awake|to study|to revise)|laxatives?(?: \w+){0,4} (?:to lose weight|for weigh"
        r"t loss)|"
        r"(?:left ?over|leftover) (?:\w+ )?(?:antibiotics?|tablets|pills|meds|medicine|prescriptio"
        r"n)|"
        r"leftovers? from|sobraron|que me sobr\w+|"
        r"(?:tomo|toma|tomamos|usa|uso|usamos) (?:las |los |el |la )?(?:\w+ )?(?:\w+ )?de (?:mi|su"
        r") "
        r"(?:esposa|esposo|marido|mujer|madre|padre|hermano|hermana|amigo|amiga|hijo|hija|pareja)"
    ),
    SS.ABUSE: rx(
        r"(?:get|gets|getting|got) (?:off (?:my|his|her|their) (?:head|face|tits)s?|wasted|stoned|"
        r"mashed|wrecked|blasted|smashed|off it)(?: on)?|"
        r"to (?:trip|get off (?:my|his|her|their) (?:head|face)s?|feel out of it|zone out|get "
        r"(?:stoned|buzzed|messed up|mashed|off it|wrecked|blasted)|party)|hooked on|"
        r"dependen(?:t|ce|cy) (?:on|to)|(?:can't|cannot) (?:get through|function|cope)(?: \w+){0,3"
        r"} "
        r"without|robo-?trip\w*|purple drank|sizzurp|(?:vap|smok|inject)(?:e|es|ed|ing) the "
        r"(?:crushed|dissolved|contents|powder|capsules|tablets|pills)|crush(?:ing|ed)? (?:\w+ ){0"
        r",3}"
        r"and snort\w*|para (?:colocarse|volarse|ponerse (?:ciego|hasta arriba))|enganchad[oa]|par"
        r"a drogarse|"
        r"(?:is|was) in every (?:other )?day for"
    ),
    SS.MEDICATION_ERROR: rx(
        r"ear (?:drops|spray|solution)(?: [\w']+){0,2} (?:in|into) (?:my|his|her|the|our|their)"
        r"(?: \w+'s)? (?:eyes?|mouth|nose)|eye (?:drops|ointment|solution)(?: [\w']+){0,2} (?:in|"
        r"into) (?:my|his|her|the|our|their)(?: \w+'s)? (?:ears?|mouth|nose)|(?:nose|nasal) "
        r"(?:drops|spray)(?: [\w']+){0,2} (?:in|into) (?:my|his|her|the|our|their)(?: \w+'s)? "
        r"(?:ears?|eyes?)|(?:realis|realiz|notic)\w+ (?:\w+ ){0,4}(?:that )?(?:it|they|the \w+) "
        r"(?:was|were) (?:the )?(?:wrong|\d+ ?(?:mg|mcg|ml))|\d+(?:\.\d+)? ?(?:mg|mcg|ml|units?) "
        r"not (?:the )?\d+(?:\.\d+)? ?(?:mg|mcg|ml|units?)|"
        r"(?:swallowed|chewed|ate) the (?:pessar(?:y|ies)|suppositor(?:y|ies)|vaginal \w+|"
        r"ovule|patch|inhaler capsule)|(?:eye|ear|nose|nasal) (?:drops|spray|solution|ointment) "
        r"(?:by mouth|in(?:to)? (?:my|his|her|the) (?:ear|eye|nose|mouth))|by mouth(?: \w+){0,3} "
        r"(?:thinking|instead)|(?:in|into) (?:the|a|my|his|her) vein (?:by mistake|instead)|"
        r"someone else's (?:bag|prescription|medicine|medication|tablets|pills)|"
        r"(?:another|other) (?:patient|person|resident|child|customer)'s|handover|"
        r"(?:tablets|pills|drops|medicine|medication|cream|bottle|syrup|inhaler|pen|vaccine|they|"
        r"them|it)(?: \w+){0,4} (?:were|was|are|is|went|had gone|gone|been) (?:\w+ )?out of date|"
        r"(?:out of date|out-of-date|expired) (?:tablets|pills|drops|medicine|medication|cream|"
        r"bottle|syrup|inhaler|pen|vaccine|stock)|past (?:its|the) (?:use-by|expiry|best before)|"
        r"(?:wrong|incorrect) (?:tablets|syringe|spoon|cup|concentration|formulation|insulin|vacci"
        r"ne|"
        r"jab|arm|leg|site|prescription|child|baby|animal|species)|"
        r"look-?alike|sound-?alike|similar (?:names?|packaging|boxes|bottles)|"
        r"(?:cajas|cajitas|frascos) (?:son )?parecid[oa]s|se confundi\w+ de|(?:vacuna|pastillas?|"
        r"jarabe|dosis|medicina|medicamento|inyeccion|crema|gotas|concentracion)(?: \w+){0,2} "
        r"equivocad[oa]s?|(?:took|taken|given|gave|used|applied|injected|swallowed|had)(?: \w+){0,"
        r"6}"
        r" (?:before|then|and then|only to) (?:realis|realiz|notic)\w+|"
        r"(?:prescribed|said|wrote|ordered) \d+(?:\.\d+)? ?(?:mg|ml|mcg|units?)(?:/\d+ ?ml)? "
        r"(?:but|and (?:i|we|they|the pharmacy))|(?:when|but) the (?:gp|doctor|vet|prescriber|"
        r"dentist|consultant) (?:prescribed|said|wrote|ordered)|"
        r"(?:tablets|dose|doses|pills|meds|medication|injection|insulin)(?: \w+){0,3} (?:twice|"
        r"again) because|(?:gave|given) (?:\w+ ){0,3}(?:tablets|dose|medication|meds) "
        r"(?:again|twice)|(?:canine|feline|adult|children's|paediatric|pediatric|human|dog|cat) "
        r"(?:strength|dose|version|formulation)(?: \w+){0,3} (?:to|for) (?:the|my|our|a) (?:\w+ )?"
        r"(?:cat|dog|child|baby|kid|son|daughter)|dispensing (?:error|mistake)|(?:la|el) "
        r"(?:\w+ )?que era para"
    ),
    SS.LACK_OF_EFFICACY: rx(
        r"(?:ticks?|tick bites|fleas?|flea bites|worms|lice|mites)(?: [\w']+){0,5} (?:even though|"
        r"despite|although|while|with) (?:the |his |her |its )?(?:\w+ )?(?:collar|treatment|"
        r"tablet|spot-on|drops|chew|wormer|shampoo|spray)|(?:do|does|did|doing) (?:sod|bugger|"
        r"jack|absolutely) all|(?:do|does|did) (?:jack|zilch|zip|nada)\b|(?:hasn't|haven't|"
        r"didn't|did not|doesn't|has not|have not|not) (?:even )?touched (?:the|my|his|her)|"
        r"ninguna mejoria|sin mejoria|no mejora|no (?:he )?not(?:o|a|amos|ado) (?:ninguna |nada de"
        r" )?"
        r"mejoria|still (?:can't|cannot|not able to) (?:sleep|"
        r"breathe|go|stop|get)(?: [\w']+){0,4} (?:even|despite|although|on (?:the|two|three))|"
        r"(?:don't|doesn't|didn't|did not|does not|do not|won't|isn't|aren't|not) (?:knock|put|"
        r"send)(?: \w+){0,2} (?:out|to sleep|under)|(?:still there|still here|not gone|hasn't "
        r"gone|haven't gone|no better|no smaller|no different)(?: \w+){0,3} after|came "
        r"(?:straight |right )?back(?: \w+){0,4} after (?:the|my|his|her|taking|using|giving)|"
        r"stopped (?:helping|doing (?:anything|its job|the job)|having (?:any )?effect)|"
        r"(?:caught|got|came down with|developed|contracted) (?:the |a )?(?:flu|covid|shingles|"
        r"measles|chickenpox|pneumonia|rabies|parvo|kennel cough|whooping cough)(?: [\w']+){0,4} "
        r"(?:after|despite|even though|even after|although)(?: [\w']+){0,5} (?:jabs?|vaccines?|"
        r"vaccination|vaccinated|shots?|boosters?|doses)|"
        r"(?:may|might) as well (?:be|have been|take) (?:water|moisturi[sz]er|sweets|smarties|"
        r"placebo|nothing|tic tacs|air)|like taking (?:sweets|smarties|nothing|water|a placebo|"
        r"tic tacs)|(?:exactly|just|still) (?:as bad|as high|as itchy|as painful)|"
        r"(?:exactly|just) the same|as bad as ever|worse than ever(?: \w+){0,4} (?:even though|des"
        r"pite|although)|"
        r"(?:readings?|levels?|numbers|sugars?|pressure|bp|cholesterol|weight|itch|pain|rash|"
        r"fever|cough|symptoms)(?: \w+){0,4} (?:hasn't|haven't|have not|has not|didn't|did not|"
        r"not|never) (?:budged|moved|changed|improved|come down|gone down|dropped|shifted|"
        r"cleared|eased)|(?:caught|got|came down with|developed|contracted) (?:the |a )?(?:flu|"
        r"covid|shingles|measles|chickenpox|pneumonia|rabies|parvo|kennel cough|it)(?: \w+){0,4} "
        r"(?:after|despite|even though|even after|although) (?:the |my |his |her |having |being )?"
        r"(?:\w+ )?(?:jab|vaccine|vaccination|vaccinated|shot|booster|doses?)|"
        r"pregnan\w+ (?:despite|even though|although|while on|on the)|"
        r"(?:fleas|ticks|worms|lice|mites|eggs|nits)(?: \w+){0,3} (?:are |were )?(?:still|came bac"
        r"k|"
        r"back)|(?:fleas|ticks|worms|lice|mites)(?: \w+){0,2} (?:latching|crawling|jumping|alive)|"
        r"still (?:getting|full of|covered in|crawling|waking|awake|up at)|failed to (?:work|"
        r"help|clear|kill|control|prevent)|(?:wormer|treatment|tablets?|pills?|spray|drops|collar|"
        r"vaccine|cream|granules|shampoo)(?: \w+){0,2} failed|no response to|(?:not|isn't|wasn't) "
        r"(?:touching|shifting|making a dent in)|"
        r"no (?:me |le |nos )?(?:alivian|alivia|quitan|quita|hacen|hace) nada|(?:ya )?no (?:me |le"
        r" )?"
        r"(?:hace|hacen) efecto|sigue (?:llen[oa]|igual|alt[oa])|sigue con (?:\w+ )?(?:pulgas|dolo"
        r"r|fiebre|tos|granos|"
        r"garrapatas|picazon|la tension|el azucar)|sigo (?:igual|llen[oa])|"
        r"no (?:mato|matan|mata|funciono)"
    ),
    SS.OFF_LABEL_USE: rx(
        r"(?:box|pack|packet|label|leaflet|instructions) (?:says|states|said)(?: it's)? "
        r"(?:\w+ ){0,2}(?:\d+ (?:and|or) (?:over|older|above)|from \d+ (?:months|years)|over \d+|"
        r"\d+\+|not for (?:children|under|kids|use))|"
        r"(?:using|use|used|put|putting|rubbing|rubbed|apply|applying|applied) (?:the |my |some )?"
        r"(?:\w+ ){0,3}(?:cream|ointment|gel|drops|spray|foam|lotion|powder|solution) (?:on|onto|"
        r"into|under|as|for|in) (?:my |his |her |a )?(?:\w+ )?(?:eyebrows|eyelashes|lashes|tattoos"
        r"?|"
        r"stretch marks|wrinkles|eye bags|puffiness|dark circles|deodorant|primer|lube|"
        r"lubricant)|"
        r"(?:uso|usa|use|pongo|pone|le pongo|le doy|doy) (?:la|el|las|los) (?:\w+ ){1,3}(?:en|para"
        r") "
        r"(?:las|los|la|el|mi|mis|su|sus) (?:ojeras|arrugas|manchas)|(?:a mi|al|a la) (?:perr[oa]|"
        r"gat[oa]|caballo)(?: \w+){0,3} (?:que me recetaron|"
        r"de humanos|mi(?:s)? (?:pastillas|medicamentos?))|que me recetaron a mi"
    ),
    SS.ACCIDENTAL_EXPOSURE: rx(
        PERSON_SMALL
        + r"(?: [\w'-]+){0,3} "
        + EXPOSURE_VERB
        + r"(?! (?:up |through |on )?(?:the |a |my |our |his |her )?(?:delivery |shipping |"
        r"cardboard |outer )?(?:box|package|parcel|envelope|mail|shoes?|slippers?|toy|bone|socks?|"
        r"packing|bubble wrap|receipt|dinner|food|breakfast|lunch|treats?))|"
        r"(?:transfer(?:red)?|rubbed off|came into contact|in contact|contact with)(?: \w+){0,4} "
        r"(?:gel|cream|patch|spray|skin|arms?|shoulders?)|(?:gel|cream|patch)(?: \w+){0,6} "
        r"(?:transfer\w*|hugs?|cuddl\w+)|second-?hand exposure|"
        r"(?:splashed|squirted|sprayed|dripped|spat|flicked|spilled|spilt) (?:\w+ ){0,3}(?:in|into"
        r"|on)"
        r" (?:my|his|her|their|the baby's|the child's) (?:own )?(?:eyes?|face|hands?|skin|lips|"
        r"fingers?|arms?|legs?|ojos?|cara|manos?|piel)|(?:got|went)(?: \w+){0,3} in(?:to)? (?:my|"
        r"his|her|their) eyes?|"
        r"(?:rubbed|touched) (?:my|his|her) (?:eyes?|mouth|lips)|"
        r"(?:el|la) (?:nino|nina|bebe|perro|perra|gato|gata|nieto|nieta) (?:se )?(?:bebio|comio|"
        r"lamio|mordio|trago)"
    ),
    SS.INFECTIOUS_AGENT: rx(
        r"(?:donor|donation|batch|lot|plasma|blood product)(?: \w+){0,3} (?:tested|was|were|"
        r"came back) positive|"
        r"(?:grew|grown|cultured|isolated|positive for)(?: \w+){0,3} (?:from|in|on) (?:the |my )?"
        r"(?:\w+ )?(?:bottle|vial|spray|solution|drops|product|batch|bag|syringe|lot|tube)|"
        r"(?:pseudomonas|staph\w*|mrsa|e\.? ?coli|burkholderia|serratia|klebsiella|candida|"
        r"bacteria|fungal|hepatitis|hiv|prion)(?: \w+){0,6} (?:bottle|vial|product|batch|drops|"
        r"spray|solution|injection|infusion|lot|bag)|contaminated (?:batch|bottle|vial|product|"
        r"drops|solution|lot|vaccine|needle)|(?:batch|bottle|vial|frasco|lote) (?:\w+ )?"
        r"(?:was |estaba |is )?contaminad[oa]|(?:infected|abscess\w*|pus|aspirated)(?: \w+){0,8} "
        r"(?:injection|jab|needle|vaccine|shot|infusion|cannula|drip)(?: site| spot)?|"
        r"(?:injection|jab|needle|vaccine|shot|infusion|cannula|drip)(?: site| spot)?"
        r"(?: \w+){0,6} (?:got |became |went |is |was )?(?:infected|abscess\w*|pus|oozing pus)|"
        r"se (?:me |le |te )?infect\w+(?: \w+){0,8} (?:gotas|inyeccion|vacuna|frasco|aguja)"
    ),
    SS.OCCUPATIONAL_EXPOSURE: rx(
        r"(?:splashed|spilt|spilled|pricked|stuck|inhaled|exposed|sprayed|spill)(?: [\w']+){0,8} "
        r"(?:at work|on the ward|on shift|while working|during (?:his|her|their) shift)|"
        r"(?:porter|cleaner|housekeeper|orderly|employee|colleague|student nurse)(?: [\w']+){0,4} "
        r"(?:was |got )?(?:splashed|pricked|stuck|exposed|sprayed)|"
        r"(?:nurse|vet nurse|pharmacist|pharmacy (?:tech\w*|assistant)|technician|tech|picker|"
        r"packer|worker|farm ?hand|stockman|groomer|staff member|carer|aide|auxiliar|enfermer[oa]|"
        r"vet|veterinarian|farmer|shepherd|milker)(?: [\w'-]+){0,6} (?:pricked (?:herself|himself|"
        r"her|his)|stuck (?:herself|himself)|splashed|inhaled|injected (?:herself|himself)|"
        r"exposed|jabbed (?:herself|himself)|got (?:\w+ ){0,3}(?:on|in) (?:her|his|their) "
        r"(?:\w+ )?(?:eyes?|skin|hands?|face|arms?|mouth|wrist)|se pincho|se salpico)|"
        r"sharps injury|needle-?stick|pinchazo|(?:at|during) work(?: \w+){0,4} (?:splash\w*|"
        r"inhal\w*|spill\w*|exposed|prick\w*)"
    ),
    SS.WITHDRAWAL: rx(
        r"(?:cut|cutting|tapered|tapering|reduced|reducing|weaned|weaning|came|coming) (?:\w+ ){0,"
        r"3}"
        r"(?:down |off )?(?:too fast|too quickly|too quick|too soon|too early)|"
        r"(?:forgot|forgetting|missed|skipped|ran out of) (?:to take )?(?:my|his|her|the) (?:\w+ )?"
        r"(?:antidepressants?|tablets|pills|meds|medication|doses?|steroids?|patch|painkillers)"
        r"(?: [\w']+){0,5} (?:and|now|since|then) (?:\w+ )?(?:felt|feel|feels|feeling|i'm|i am|"
        r"he's|she's|have|has|had|got|been|started)|"
        r"(?:went|came|been|was|is|going) off (?:the|my|his|her) (?:\w+ ){0,2}(?:tablets|pills|med"
        r"s|"
        r"medication|painkillers|steroids?|antidepressants?|patches|sleeping \w+)|"
        r"(?:stopped|stopping|came off)(?: \w+){0,3} (?:too fast|too quickly|overnight|all at "
        r"once)|(?:al|tras|despues de) dejar (?:las|los|el|la)|(?:missed|forgot|skipped|without) "
        r"(?:my |the |his |her )?(?:\w+ )?(?:tablets|pills|meds|medication|antidepressants?|doses?|"
        r"patch|medicine|steroids?)(?: \w+){0,3} (?:for )?(?:two|three|four|a few|several|\d+) "
        r"days|(?:missed|without|ran out)(?: \w+){0,5} (?:because of|due to) the shortage"
    ),
    SS.COUNTERFEIT: rx(
        r"(?:verification|authentication|serial|security|batch|lot) (?:code|number)(?: \w+){0,5} "
        r"(?:invalid|not recogni[sz]ed|doesn't exist|does not exist|fails|failed|comes back "
        r"(?:as )?(?:invalid|not)|isn't valid|no existe)|"
        r"(?:bought|ordered|got|purchased|buy|came)(?: \w+){0,4} (?:from|off|on|at) (?:a |an |the "
        r")?"
        r"(?:social media|facebook|instagram|tiktok|whatsapp|telegram|market ?place|ebay|"
        r"unlicensed|unauthori[sz]ed|overseas|foreign|discount) (?:seller|site|website|shop|page|"
        r"trader|dealer|ad|pharmacy)|(?:bought|ordered|got|purchased|buy)(?: \w+){0,4} (?:from|"
        r"off|on|at) (?:a |an |the )?(?:street|market stall|dark ?web|mercadillo)|"
        r"(?:leaflet|insert|label|prospecto)(?: \w+){0,3} (?:is |was )?(?:a )?photocop\w+|"
        r"photocopied (?:leaflet|insert|label)|(?:no|without|missing) (?:the )?(?:hologram|"
        r"security seal|braille|serial number|batch code)|(?:box|pack|packaging|label|leaflet|"
        r"carton|bottle|insert)(?: \w+){0,4} (?:has |had |with |is |was )?(?:\w+ )?(?:spelling "
        r"mistakes|typos|misspel\w+)|(?:caja|etiqueta|prospecto|envase|empaque)(?: \w+){0,5} "
        r"(?:faltas de ortografia|mal escrit[oa])|"
        r"not (?:made|manufactured|produced) by (?:you|your company)|no (?:son|es) original\w*|"
        r"imitacion"
    ),
}
