"""Later rounds of special-situation concept families (issue 3), each drawn from the misses of
a fresh training batch written before the screener was run on it (round 2: train_10.txt, round
3: train_11.txt, round 4: train_12.txt). Same rules as concepts_families.py: plain pattern
strings on normalised text, families not phrases, narrow enough for ordinary messages.
"""

from __future__ import annotations

from caredesk.safety.screening.codes import SpecialSituation as SS
from caredesk.safety.screening.concepts_families import KID, MED, WORKER, N

SPECIAL_LATER: dict[SS, str] = {}


def _add(code: SS, pattern: str) -> None:
    """Append a family (written with a leading "|") to the code's alternatives."""
    pattern = pattern.removeprefix("|")
    SPECIAL_LATER[code] = f"{SPECIAL_LATER[code]}|{pattern}" if code in SPECIAL_LATER else pattern


# Round 2: families from the misses of train_10.txt (written after round 1, before any run).
HOUSEHOLD = (
    r"(?:mouthwash|toothpaste|vapou?r rub|e-?liquid|vape juice|nicotine gum|gum|lotion|oil|"
    r"shampoo|sanitiser|sanitizer|wipes|cream|ointment|drops|medicine|tablets|pills|syrup)"
)
_add(
    SS.PREGNANCY,
    r"|(?:i'm|i am|she's|she is|we're|am|is) "
    + N
    + r" (?:weeks?|wks?|months?) (?:with|into) (?:my|our|her|the) (?:first|second|third|fourth|"
    r"baby|twins|\w+ (?:baby|child|pregnancy))|(?:estoy|esta|estaba) de (?:\d+|uno|dos|tres|"
    r"cuatro|cinco|seis|siete|ocho|nueve) (?:meses|semanas)|(?:\d+|twelve|twenty)[- ]?(?:week|"
    r"wk) (?:scan|anomaly scan|ultrasound)|(?:dating|anomaly|nuchal) scan",
)
_add(SS.BREASTFEEDING, r"(?:foal|calf|lambs?|kids?|calves|foals) at foot")
_add(
    SS.MISUSE,
    r"|(?:break\w*|broke|open\w*|pull\w*|split\w*|crush\w*|empt(?:y|ies|ied|ying)) (?:open )?"
    r"(?:the |my |his |her )?(?:capsules?|tablets?|pills?|caps)(?: [\w']+){0,3} (?:and|to) "
    r"(?:sprinkle|mix|stir|put|add|pour|dissolve)\w*",
)
_add(
    SS.ABUSE,
    r"|cook(?:ing|s|ed)? (?:something|meth|it|them|stuff) (?:with|from|up)|(?:codeine|cough) "
    r"syrup (?:with|mixed with|in) (?:sprite|soda|pop|lemonade|fizzy \w+|coke|alcohol|vodka)|"
    r"jarabe (?:de codeina )?con (?:refresco|sprite|soda|caramelos|alcohol)",
)
_add(
    SS.MEDICATION_ERROR,
    r"|(?:eye|ear|nose|nasal) (?:drops|spray|solution|ointment)(?: [\w']+){0,4} (?:orally|by "
    r"mouth)|(?:labell?ed|dispensed|printed)(?: [\w']+){0,3} (?:with|under|in) (?:my |his |her |"
    r"the )?(?:neighbou?r's|someone else's|another (?:patient|person|customer)'s|wrong) (?:name|"
    r"dose|details|directions|label)|\d+ ?(?:units?|mg|mcg)/ml(?: [\w']+){0,3} (?:on|for|with|in|"
    r"instead of) (?:the |a |my )?\d+ ?(?:units?|mg|mcg)/ml|\d+(?:[.,]\d+)? ?(?:mg|ml|mcg|"
    r"unidades|comprimidos|gotas)(?: \w+){0,2} en (?:vez|lugar) de (?:\w+ )?\d",
)
_add(
    SS.LACK_OF_EFFICACY,
    r"|(?:all night|all day|again) (?:like|just like|same as) before|no (?:le |me |les |nos )?"
    r"(?:hizo|hicieron) nada|sigue con (?:\w+ )?(?:lombrices|parasitos|piojos|gusanos)|(?:hasn't|"
    r"haven't|didn't|did not|has not|have not|won't|doesn't) (?:stopped|stop|cleared|clear|"
    r"shifted|killed|kill|sorted|fixed|controlled) (?:the |his |her |my |their )?(?:\w+ )?"
    r"(?:scouring|scour|diarrh\w+|itch\w*|cough\w*|pain|fleas|worms|lice|infection|symptoms|"
    r"rash|spots|acne|headaches?|migraines?|vomiting|sickness|fever|temperature|hay ?fever|"
    r"sneezing|wheez\w+|bleeding|swelling)",
)
_add(
    SS.OFF_LABEL_USE,
    r"|(?:epilepsy|seizure|anti-?epileptic|antidepressant|blood pressure|diabetes|malaria|"
    r"acne|cancer|asthma|adhd|antipsychotic|parkinson's) (?:drug|medicine|medication|tablets?|"
    r"pills?|injection|pen|jab)s? (?:for|to treat|to help with) (?:her |his |my |their )?"
    r"(?:\w+ )?(?:nerve pain|pain|weight loss|sleep|anxiety|migraines?|hot flushes|hair|"
    r"bedwetting|alcohol|smoking|nightmares|tinnitus|long covid|ageing|aging)|(?:nail|foot|"
    r"haemorrhoid|hemorrhoid|piles|nappy|wart|verruca|cold sore|denture) (?:solution|cream|gel|"
    r"ointment|drops|spray|paint|lotion|treatment)(?: [\w']+){0,3} (?:on|onto|for) (?:my |his "
    r"|her |their |the )?(?:\w+'s )?(?:ringworm|face|eyes?|ears?|rash|eczema|scalp|wounds?|"
    r"cuts?|lips?|mouth|nose|spots|acne|tattoo|eyelids?|nipples?)|(?:que|aunque) (?:es|son|"
    r"dice) (?:solo )?(?:para|de) (?:mayores de \d+|adultos)",
)
_add(
    SS.ACCIDENTAL_EXPOSURE,
    r"|"
    + KID
    + r" (?:drank|ate|swallowed|licked|sucked) (?:some|a bit|a little|half|one|two|a mouthful|"
    r"a few|a couple)(?: of)? (?:the |my |his |her |\w+'s )?(?:[\w-]+ ){0,2}"
    + HOUSEHOLD
    + r"|patch(?:es)? (?:\w+ ){0,2}(?:stuck|transferred) (?:on|onto|to) (?:the |my |his |her )?"
    r"(?:\w+'s )?(?:back|skin|arm|body|chest|leg)",
)
_add(
    SS.INFECTIOUS_AGENT,
    r"|(?:bottle|vial|product|drops|solution|batch|lot|tube|bag|syringe|cream|unopened \w+)"
    r"(?: \w+){0,3} (?:tested|was|were|came back) positive (?:for )?|(?:microbiology|micro|lab|"
    r"laboratory|qc|testing)(?: [\w']+){0,5} (?:grew|cultured|isolated|found|detected) "
    r"(?:\w+ ){0,2}(?:bacteria|fungus|fungi|mou?ld|yeast|pseudomonas|staph\w*|e\.? ?coli|"
    r"organisms?|burkholderia|serratia|klebsiella|candida|aspergillus) (?:from|in|on)",
)
_add(
    SS.OCCUPATIONAL_EXPOSURE,
    r"|(?:farm worker|farm hand|worker|" + WORKER + r")(?: [\w'-]+){0,3} injected "
    r"(?:herself|himself|(?:her|his|their) (?:own )?(?:hand|finger|thumb|arm|leg|palm))",
)
_add(
    SS.COUNTERFEIT,
    r"|(?:came|arrived|sent|delivered) (?:loose )?in (?:a|an) (?:plain|clear|zip|ziplock|"
    r"sandwich|unmarked|freezer) (?:\w+ )?bag|no box or leaflet|(?:text|writing|imprint|stamp|"
    r"marking|letters|code) (?:stamped|printed|embossed|debossed) on (?:them|the \w+)(?: \w+){0,2}"
    r" (?:is|are|was|were) (?:wrong|different|misspelt|misspelled|off|blurry)|(?:from|off) a "
    r"(?:website|site|seller|pharmacy) (?:in|from) (?:another country|abroad|overseas)|"
    r"(?:box|pack|carton|packaging|logo|bottle)(?: \w+){0,2} (?:is|are|was|were) (?:the|a|in "
    r"the) wrong (?:shade|colou?r|font|logo)|(?:batch|lot|expiry|serial)(?: \w+){0,3} (?:is|"
    r"are|was) (?:just )?(?:a )?(?:sticker|stuck on|handwritten|written in pen)|(?:vendio|"
    r"vendieron|compre|consegui)(?: \w+){0,4} (?:en el gimnasio|un conocido|por instagram|por "
    r"facebook|por whatsapp|en la calle|en un mercadillo)|(?:bought|got)(?: [\w'-]+){0,3} (?:at"
    r"|from) (?:the gym|someone at (?:the )?(?:gym|work|a party))|(?:no (?:tiene|tienen|trae|"
    r"traen)|sin) (?:numero de )?(?:lote|serie|holograma)|(?:serial|verification|security|2d|"
    r"data ?matrix|barcode|pack)(?: \w+){0,3}(?: [\w'\"]+){0,4} (?:returns?|comes? back|shows?|"
    r"flagged)(?: as)? [\"']?(?:unknown|not found|invalid|not recogni[sz]ed|no match|suspect)",
)

# Round 3: families from the misses of train_11.txt (written after round 2, before any run).
_add(
    SS.PREGNANCY,
    r"|(?:baby|little one|bump)(?: (?:number|no\.?) \w+)? (?:is )?on the way|(?:a|another|our|"
    r"my|her) (?:baby|little one) on the way",
)
_add(
    SS.BREASTFEEDING,
    r"|(?:litter|lambs|piglets|kittens|pups|puppies|calf|foal)(?: of \w+)? (?:on|feeding off|"
    r"suckling off|suckling from) her",
)
_add(
    SS.OVERDOSE,
    r"|(?:puffs?|tablets?|pills?|doses?|drops|sprays?|shots?)(?: \w+){0,2} every (?:\d+|two|"
    r"three|five|ten|fifteen|twenty|thirty|few|couple of) (?:minutes|mins)|(?:\d+|two|three|four|"
    r"five|six|several) (?:of )?(?:the |my |his |her )?(?:[\w-]+ ){0,3}(?:ones|tablets|pills|"
    r"capsules|caps|gummies|tabs|doses) (?:together|at once|all at once|in one go|at the same "
    r"time)|full adult dose|adult dose(?: [\w']+){0,6} (?:only|just) (?:a|an|\d+)",
)
_add(
    SS.MISUSE,
    r"|(?:inject\w*|jab\w*)(?: [\w']+){0,6} through (?:his|her|my|their) (?:jeans|trousers|"
    r"clothes|clothing|shirt|sleeve|pants|tights)|(?:allergy|antihistamine|hay ?fever|cold|"
    r"cough|travel sickness|motion sickness)(?: \w+){0,3} (?:to help (?:me |him |her |them )?"
    r"(?:sleep|relax|calm down)|to (?:knock (?:me|him|her) out|calm (?:me|him|her) down))|"
    r"(?:doesn't|does not|don't|didn't) (?:even )?have (?:asthma|diabetes|adhd|epilepsy|"
    r"allergies|high blood pressure|a prescription(?! with (?:you|your|us)| on file| at (?:your|"
    r"this)| registered))|before (?:football|the gym|running|"
    r"training|a race|a match|exams?)(?: \w+){0,2} to (?:breathe|perform|run|focus|"
    r"concentrate|play) better",
)
_add(
    SS.ABUSE,
    r"|for the (?:effect|feeling|euphoria)|para ponerse(?! (?:bien|mejor|la|el|las|los|en|"
    r"de|al))|con (?:alcohol|vodka|cerveza|ron|tequila) para (?:ponerse|colocarse|drogarse)",
)
_add(
    SS.MEDICATION_ERROR,
    r"|wrong (?:patient|person|customer|resident|child|kid|baby|animal|pet)(?:'s|s')|"
    r"(?:gotas|spray|solucion) (?:para|de) (?:los |el )?oidos?(?: [\w']+){0,6} (?:en|a) (?:los|"
    r"el|mis|sus) (?:ojos?|nariz|boca)|(?:gotas|colirio|pomada) (?:para|de) (?:los |el )?ojos?"
    r"(?: [\w']+){0,6} (?:en|a) (?:los|el|mis|sus) (?:oidos?|nariz|boca)",
)
_add(
    SS.LACK_OF_EFFICACY,
    r"|(?:unchanged|no change|not changed|no different|no better|not improved|not moved|"
    r"static) (?:despite|even (?:after|with|on)|after (?:a|two|three|\d+) (?:week|weeks|days|"
    r"months) on)|(?:didn't|did not|hasn't|has not|won't|doesn't) (?:shift|stop|clear|kill|"
    r"sort|fix|control|touch) (?:the |his |her |my |their )?(?:worms|fleas|lice|ticks|mites|"
    r"itch|pain|infection|rash|cough|scour\w*|diarrh\w+)|still (?:seeing|finding) (?:them|"
    r"worms|fleas|lice|eggs|nits)",
)
_add(
    SS.OFF_LABEL_USE,
    r"|(?:it|label|box|leaflet|pack|packet|tube) says (?:it'?s )?(?:for )?(?:\d+|twelve|"
    r"sixteen|eighteen) ?(?:years?|yrs?)? ?(?:plus|\+|and over|and up|or over|or older)|"
    r"(?:uso|usa|pongo|pone|aplico|aplica|me pongo|me echo|echo)(?: \w+){0,3} en (?:las|los|la|"
    r"el|mis|sus) (?:cejas|pestanas|barba|parpados|labios|tatuajes?)",
)
_add(
    SS.ACCIDENTAL_EXPOSURE,
    r"|(?:kissed|cuddled|hugged|touched|held) (?:me|my|the|our|her|him)(?: \w+){0,2} (?:after|"
    r"straight after|right after|just after) (?:his|her|their) (?:\w+ )?(?:cream|gel|"
    r"ointment|spray|patch)",
)
_add(
    SS.INFECTIOUS_AGENT,
    r"|(?:infections?|sepsis|cases|cluster)(?: [\w']+){0,5} (?:linked|traced|tied|related) to "
    r"(?:a |one |the |that |this )?(?:single |same |particular )?(?:batch|lot|bottle|vial|"
    r"product)|(?:absceso|infeccion|pus)(?: \w+){0,6} donde (?:me |le |te )?(?:pusieron|puso|"
    r"inyectaron|pincharon)",
)
_add(
    SS.WITHDRAWAL,
    r"|(?:weaned|tapered|cut|brought|took) (?:\w+ ){0,5}(?:down |off )(?:\w+ ){0,3}(?:too fast|"
    r"too quickly|too quick|too soon)",
)
_add(
    SS.COUNTERFEIT,
    r"|(?:site|website|page|shop|app) that look(?:ed|s) (?:just )?like (?:yours|your \w+|the "
    r"real \w+|the official)|(?:no tienen?|sin) (?:la )?(?:marca|logo|letras|numero) grabad[oa]|"
    r"(?:missing|no|without) (?:the )?(?:usual )?(?:imprint|embossing|logo) on (?:the|them)|"
    r"(?:leaflet|label|box|insert)(?: \w+){0,3} (?:with|has|shows|gives) (?:a )?different "
    r"(?:company|manufacturer|maker)(?:'s)?",
)

# Round 4: families from the misses of train_12.txt (written after round 3, before any run).
_add(
    SS.PREGNANCY,
    r"(?:fertility (?:drugs|treatment|injections)|ivf|clomid)(?: [\w',]+){0,8} positive|positive "
    r"(?:blood|beta|hcg) test|(?:kittens|puppies|pups|lambs|foals?|calf|calves|piglets|litter|"
    r"baby) (?:due )?in (?:\d+|two|three|four|a few|a couple of) (?:weeks|days|months)|"
    r"(?:estoy|esta|estaba) en la semana \d+|(?:semana|sem) \d+ de (?:embarazo|gestacion)",
)
_add(
    SS.BREASTFEEDING,
    r"bf (?:mum|mom|mother|baby)|bfing|(?:litter|lambs|piglets|kittens|pups|puppies|calf|"
    r"calves|foals?|kids|young)(?: of \w+)? (?:are |is )?on her|(?:goat|cow|ewe|sheep|nanny|"
    r"doe|mare|sow)(?: \w+){0,2} (?:is |are )?(?:milking|in milk|lactating)",
)
_add(
    SS.OVERDOSE,
    r"(?:took|ate|had|eaten|taken|swallowed|eating|taking)(?: [\w']+){0,4} like (?:sweets|candy|"
    r"smarties|tic tacs|m&ms)|[,;] (?:about|around|maybe|like) (?:ten|twelve|twenty|\d{2}|a "
    r"dozen|a handful) of them",
)
_add(
    SS.MISUSE,
    r"(?:old|leftover|left-over) (?:\w+ )?(?:antibiotics?|prescription|medicine|tablets|pills|"
    r"meds)(?: \w+){0,4} (?:from|since) (?:last|a previous|an old|years|months)|(?:takes?|uses?|"
    r"taking|using) (?:it|them) whenever (?:he|she|i|they) (?:feels?|gets?|has)|(?:snort|sniff)"
    r"\w* (?:the |my )?(?:[\w-]+ ){0,3}(?:powder|capsules?|tablets?)|(?:le )?(?:pongo|pone|doy|"
    r"da|damos|ponemos|tomo|toma|uso|usa)(?: a (?:mi|su) \w+)? (?:las|los|el|la) (?:\w+ ){0,2}de "
    r"(?:mi|su|tu) (?:esposa|esposo|marido|mujer|madre|padre|hermano|hermana|amigo|amiga|hijo|"
    r"hija|pareja|abuel[oa]|vecin[oa])",
)
_add(
    SS.MEDICATION_ERROR,
    r"sin (?:darme|darse|darnos) cuenta|(?:me|se) equivoc\w+|(?:a|para) (?:mi|su) (?:nin[oa]|"
    r"hij[oa]|bebe|niet[oa])(?: \w+){0,2} (?:el|la|los|las) (?:jarabe|dosis|pastilla|"
    r"medicamento|vacuna)s? (?:de|para) (?:adultos?|mayores)",
)
_add(
    SS.LACK_OF_EFFICACY,
    r"no (?:me |le |nos )?(?:quitan|quita|quito|alivian|alivia|bajan|baja) (?:las ganas|el dolor|"
    r"la tos|el picor|la fiebre|los sintomas|la picazon)|back to (?:how|where|what) it was "
    r"before|(?:even|still) on the (?:higher|new|bigger|double|increased|max\w*) dose",
)
_add(
    SS.OFF_LABEL_USE,
    r"(?:de|para) (?P<sc>perr|gat|caball|conej|vac|cabr|ovej)[oa]s?(?: \w+){0,3} (?:en|a|al|para)"
    r" (?:el |la |los |las |mi |mis |nuestr[oa] )?(?!(?P=sc))(?:perr|gat|caball|conej|hur|cabr|"
    r"ovej)[oa]s?",
)
_add(
    SS.ACCIDENTAL_EXPOSURE,
    r"(?:nin[oa]|bebe|hij[oa]|niet[oa]) se (?:puso|echo|tomo|bebio|comio)(?: \w+){0,2} (?:las|"
    r"los|el|la) (?:\w+ )?(?:del|de la|de mi|de su) (?:perr[oa]|gat[oa]|abuel[oa]|madre|padre|"
    r"herman[oa])",
)
_add(
    SS.INFECTIOUS_AGENT,
    r"(?:bacterial|microbial|fungal|microbiological) contamination|recall\w*(?: \w+){0,4} (?:for|"
    r"due to|because of) (?:\w+ )?contamination|(?:where|at) the (?:\w+ )?(?:vaccine|jab|"
    r"injection|needle|"
    r"shot|drip|cannula) (?:went in|was given|was|went)(?: [\w',]+){0,10} (?:oozing|weeping|"
    r"discharg\w+)",
)
_add(
    SS.OCCUPATIONAL_EXPOSURE,
    WORKER + r"(?: [\w'-]+){0,3} (?:cut|nicked|sliced|scratched) (?:her|his|their) (?:own )?"
    r"(?:hand|finger|thumb|palm|wrist) (?:on|with)",
)
_add(
    SS.COUNTERFEIT,
    r"(?:lot|batch|serial)(?: [\w']+){0,5} (?:that )?(?:we|the company|you) never (?:made|"
    r"produced|manufactured|released|issued)|mismatched (?:lot|batch|expiry|serial)|(?:got|"
    r"bought|had|ordered)(?: [\w']+){0,3} (?:from|at) (?:a |the )?(?:beauty salon|salon|nail "
    r"bar|tattoo \w+|car boot|market stall)|writing in a language (?:i|we) (?:don't|do not|can't|"
    r"cannot) (?:recogni[sz]e|read|understand)",
)
# A use the product is not for, said with a concession: "for my anxiety even though they're for
# sleep", "although it's meant for adults".
_add(
    SS.OFF_LABEL_USE,
    r"(?:(?:even though|although|though) (?:it's|it is|they're|they are|it was|they were) "
    r"(?:only |actually |really |supposed to be |meant |designed |made |intended )*|(?:when|but) "
    r"(?:it's|it is|they're|they are|it was|they were) (?:only |actually |really |supposed to be "
    r"|meant |designed |made |intended )+)(?:for|to (?:treat|help with)) (?!(?:me|you|him|her|"
    r"us|them|everyone|daily|long|the (?:same|whole)|my|his|her|our|their|external|topical|oral|"
    r"use|single|sale|sensitive|all|both|now|a (?:while|bit|short))\b)\w+",
)
# Doubling up on a medicine, and two products muddled with each other.
_add(
    SS.OVERDOSE,
    r"doubl(?:e|es|ed|ing) up (?:on|with) (?:the |my |his |her |their |these |those )?(?:\w+ )?"
    + MED
    + r"|(?:two|2|three|3) at a time (?:instead of|rather than|when it says) (?:one|1)",
)
_add(
    SS.MEDICATION_ERROR,
    r"(?:mixed|muddled|confused) up (?:with|and) (?:the |my |his |her |their )?(?:\w+ ){0,2}"
    + MED
    + r"|(?:confused|mistook) (?:the |my |his |her |their )?(?:\w+ ){0,2}"
    + MED
    + r" (?:with|for) ",
)
_add(
    SS.LACK_OF_EFFICACY,
    r"still (?:through the roof|sky[- ]high|off the charts|all over the place|out of control)"
    r"(?: \w+){0,3} (?:on|with|despite|even)",
)
# Spanish: expired stock sold, dispensed or taken.
_add(
    SS.MEDICATION_ERROR,
    r"(?:caducad|vencid)[oa]s?(?: [\w']+){0,6} (?:y )?(?:me |nos |le )?(?:las |los |la |lo )?"
    r"(?:vendieron|vendio|dispensaron|dieron|use|tome|he usado|he tomado|le di|le dimos)|"
    r"(?:caducaron|vencieron)(?: [\w']+){0,5} (?:y )?(?:me |nos |le )?(?:las |los |la |lo )?"
    r"(?:vendieron|vendio|dispensaron|dieron|use|tome)|(?:vendieron|vendio|dispensaron|dieron)"
    r"(?: [\w']+){0,3} (?:caducad|vencid)[oa]s?",
)
# Agent shorthand for lack of efficacy, and a reading still high after weeks on the product.
_add(
    SS.LACK_OF_EFFICACY,
    r"loe|lack of (?:effect|effectiveness|response)|(?:bp|blood pressure|sugars?|glucose|bg|bs|"
    r"a1c|hba1c|cholesterol|ldl|inr|temp|temperature|readings?|levels?|pain)(?: (?:is|was|are|"
    r"were|remains?|stays?|stayed))? still (?:at |around |about |over |above )?\d+(?:[./]\d+)?"
    r"(?: [\w/%]+){0,2} (?:after|despite|on|even on|even after) (?:\d+|one|two|three|four|six|"
    r"several|a few|the|this|my|his|her)",
)
# Sharing a medicine with others; taking one meant for someone else; using one stored wrongly;
# being given one despite a stated allergy or contraindication.
FRIENDS = r"(?:friends|mates|classmates|class|pals|colleagues|workmates|teammates|flatmates)"
_add(
    SS.MISUSE,
    r"shar(?:ed|ing|es|e) (?:them|some|a few|(?:the|his|her|their|my) (?:[\w']+ )?(?:"
    + MED
    + r"|painkillers|sleepers|prescription))(?: [\w']+){0,3} (?:with|at|among|around) "
    r"(?:his |her |their |my |the )?(?:"
    + FRIENDS
    + r"|lunch|school|work|the party)|(?:handed|passed|gave|sold) (?:them|some|one|it|a few) "
    r"(?:out )?(?:to|around) (?:his|her|their|my) " + FRIENDS,
)
_add(
    SS.MEDICATION_ERROR,
    r"(?:took|taken|take|taking|gave|given|used|using)(?: [\w']+){0,3} (?:that was |that were |"
    r"which was |which were )?(?:meant|prescribed|intended|dispensed) for (?:my|his|her|our|"
    r"their) (?:husband|wife|partner|mum|mom|mother|dad|father|son|daughter|brother|sister|nan|"
    r"gran|grandma|grandad|friend|flatmate|roommate|neighbou?r|dog|cat|horse)|"
    r"(?:kept|left|stored|forgot) (?:the |my |his |her |our )?(?:\w+ )?(?:insulin|vaccines?|"
    r"pens?|vials?|medicine|tablets|drops|syrup|suspension|injections?)(?: [\w']+){0,5} "
    r"(?:in the (?:car|sun|heat|freezer|glovebox)|in a hot \w+|out of the fridge|frozen)(?: [\w']+)"
    r"{0,5} (?:and|then|before|but) (?:\w+ )?(?:used|took|gave|injected|taken|still used)|"
    r"(?:given|gave|prescribed|dispensed|administered|injected) (?:me |him |her |them )?(?:the |a "
    r"|an |my |his |her )?(?:\w+ )?(?:vaccine|jab|shot|injection|antibiotics?|penicillin|"
    r"amoxicillin|tablets?|pills?|medicine|medication|drug|dose|infusion|cream|drops|insulin)"
    r"(?: [\w']+){0,3} (?:even though|"
    r"although|despite)(?: [\w']+){0,6} (?:allergic|allergy|allergies|contraindicat\w*|pregnant|"
    r"breastfeeding|kidney (?:problems|disease|failure)|liver (?:problems|disease))",
)
# One strength sent, dispensed or taken for another ("the 500mg instead of the 250mg").
STRENGTH = r"\d+(?:\.\d+)? ?(?:mg|mcg|ml|g|iu|units?|%)"
_add(
    SS.MEDICATION_ERROR,
    STRENGTH + r"(?: [\w']+){0,2} instead of (?:the |my |his |her |a )?" + STRENGTH,
)
# A pack whose serial or code fails verification (EU FMD / DSCSA: a suspected falsified pack).
_add(
    SS.COUNTERFEIT,
    r"(?:serial|serial number|(?<!promo )(?<!discount )(?<!voucher )(?<!coupon )(?<!gift )"
    r"(?<!referral )(?<!login )(?<!access )(?<!card )code|barcode|2d code|data ?matrix|qr code|"
    r"pack|unique identifier)"
    r"(?: [\w']+){0,3} (?:doesn't|does not|didn't|did not|won't|will not|failed to|fails to) "
    r"(?:verify|authenticate|validate)|(?:failed|fails|failing) (?:fmd |dscsa )?(?:verification|"
    r"authentication)",
)
