"""Phrase patterns (English and Spanish, on normalised text) for special situations, product
complaints, tampering and seriousness. Each table maps a code to one compiled regex; `W` allows
a few filler words between the parts of a phrase ("took two of the pills").
"""

from __future__ import annotations

import re

from caredesk.safety.screening.codes import ComplaintCategory as C
from caredesk.safety.screening.codes import Seriousness as S
from caredesk.safety.screening.codes import SpecialSituation as SS
from caredesk.safety.screening.special import PILL, SPECIAL

W = r"(?:\s+[\w'/-]+){0,5}?\s+"  # up to five filler words
DEVICE = (
    r"(?:device|meter|monitor|pump|pen|injector|auto-?injector|inhaler|sensor|reader|strip|strips|"
    r"machine|cuff|thermometer|nebuli[sz]er|needle|applicator|dispenser|"
    r"glucometer|tracker|dispositivo|medidor|bomba|aparato|glucometro|termometro|tensiometro|"
    r"inhalador|nebulizador|pluma)"
)


def rx(pattern: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w'])(?:" + pattern + r")(?![\w'])")


# "My hair is falling out in clumps" is a harm, not a hair in the product.
BODY_HAIR = r"(?<!my )(?<!his )(?<!her )(?<!our )(?<!your )(?<!their )"

COMPLAINT: dict[C, re.Pattern[str]] = {
    C.PACKAGING: rx(
        r"(?:cap|lid|top|pump|nozzle|plunger|dropper|applicator|spray head|trigger|stopper|seal)"
        r"(?: tip| head| top| part| piece)? (?:is |was |came |has |had )?(?:just |already )?"
        r"(?:cracked|broken|snapped|snapped off|broke off|broke|came off|fell off|"
        r"won't (?:close|screw|twist|come off|pump|"
        r"spray)|wouldn't (?:close|come off|pump|spray)|doesn't (?:close|seal|pump|spray)|"
        r"stuck shut|missing)|(?:box|carton|package|packet|pouch|sachet|tube|bottle) (?:was |"
        r"is |were |came )?(?:crushed|torn|ripped|split|burst|soaked|wet inside|sticky inside)"
        r"|blister (?:pack |strip |card )?(?:was |is )?(?:torn|ripped|punctured|empty|open)|"
        r"foil (?:was |is )?(?:torn|ripped|punctured|peeled)|"
        r"(?:leaking|leaked|leaks) (?:all over|everywhere|out|from)|(?:half|some) of it leaked|"
        r"cracked (?:vial|ampoule|cartridge|bottle|syringe|pen|jar)|"
        r"(?:bottle|blister|seal|cap|lid|vial|tube|carton|container|sachet|pouch|packet|foil|"
        r"ampoule|syringe|dropper|pump|wrapper|frasco|envase|tapa|blister|caja|ampolla)s?"
        + W
        + r"(?:was |were |is |are |came |arrived )?(?:broken|cracked|damaged|leak\w*|"
        r"(?:came|arrived|already) open(?:ed)?|torn|crushed|dented|punctured|missing|loose|stuck|"
        r"won't open|wouldn't "
        r"open|defective|rot[oa]|danad[oa]|abiert[oa]|goteando)|leak(?:ed|ing|s)|"
        r"(?:broken|cracked|damaged|leaking|torn|punctured) (?:bottle|blister|seal|cap|vial|tube|"
        r"container|syringe|packaging|pack)|child-?\s?(?:resistant|proof) (?:cap|closure|lid)"
        r"|missing (?:the )?(?:leaflet|insert|instructions|ifu|cap|applicator|needle|spacer)|"
        r"no (?:leaflet|insert|instructions) (?:in|inside)|sin prospecto|falta el prospecto"
    ),
    C.LABELING: rx(
        r"(?:name|strength|dose) on the (?:bottle|box|label|carton|blister|pack) (?:\w+ ){0,6}"
        r"(?:different|doesn't match|does not match|wrong)|"
        r"(?:label|labels|box|carton|leaflet|insert|packaging) (?:is |was |are |were )?(?:in|only "
        r"in) (?:a )?(?:foreign|different|another|wrong) language|"
        r"(?:label|labels|leaflet|insert|box|carton|bottle|expiry|lot number|dosing (?:chart|"
        r"instructions)|instructions)(?: \w+){0,4} (?:has a typo|typos?|misprint\w*|smudged|"
        r"blurry|faded|peeling off|printed upside down|upside down|cut off)|"
        r"(?:no|missing|without|can't find|couldn't find) (?:the )?(?:expiry|expiration|lot|"
        r"batch|best before)(?: date| number| no)?|"
        r"(?:strength|dose|mg|name|drug name) on the (?:label|box|bottle|blister|carton) "
        r"(?:is |was )?(?:wrong|different|doesn't match|does not match)|"
        r"etiqueta (?:\w+ )?(?:en otro idioma|borrosa|mal impresa)|en otro idioma|"
        r"(?:instructions|leaflet|insert|label|labels|directions|booklet|prospecto)(?: \w+){0,3} "
        r"(?:are|is|were|was) (?:for|about) (?:a |an )?(?:completely |totally |entirely )?"
        r"(?:different|another|other|the wrong|wrong) (?:product|medicine|drug|medication|"
        r"strength|device|brand|item)|"
        r"(?<!return )(?<!shipping )(?<!mailing )(?<!prepaid )"
        r"(?:label|labels|labeling|labelling|leaflet|insert|print(?:ing)?|lot number|expiry|"
        r"expiration date|etiqueta|prospecto)"
        + r"(?:\s+[\w'/-]+){0,7}?\s+"
        + r"(?:wrong|missing|illegible|smudged|"
        r"unreadable|blank|incorrect|misprinted|faded|different|doesn't match|does not match|"
        r"mislabel\w*|in another language|equivocad[ao]|ilegible|no coincide)|(?:wrong|missing|"
        r"illegible|incorrect|misprinted|no) (?:label|labels|labeling|expiry|expiration date|"
        r"lot number)|mislabel(?:ed|led|ing)?|says \d+ ?mg (?:but|on the)|"
        r"(?<!return )(?<!returns )(?<!shipping )(?<!postage )(?<!address )(?<!courier )label says"
        + W
        + r"(?:but|while)|can't read the (?:label|lot|expiry)|no (?:tiene|trae) etiqueta"
    ),
    C.FOREIGN_MATTER: rx(
        r"(?:found|there (?:was|is|were|are)|saw|noticed|contains?|had) (?:a |an |some |tiny |"
        r"little |small )?(?:piece of |pieces of |bits? of |shards? of )?(?:hair|glass|metal|"
        r"plastic|rubber|wood|paper|string|thread|insect|bug|fly|ant|worm|maggot|larva|"
        r"stone|grit|sand|powder|particle|particles|speck|specks|fleck|flecks|debris|"
        r"sediment|something|wire) (?:in|inside|stuck|embedded|baked|floating|at the bottom)|"
        r"(?:piece|bit|chunk|shard|fragment|sliver|strand) of (?:\w+ ){0,2}(?:in|inside|stuck|"
        r"embedded|baked) (?:it|one|the|my|a)|"
        r"(?:floaty|floating|little|tiny|small|black|white|dark|weird|strange|hard) (?:bits|pieces|"
        r"things|particles|chunks|flakes|specks|fibers|fibres|threads|strands) (?:in|inside|"
        r"floating|at the bottom)|mou?ld (?:growing|on top|inside|in (?:the|it))|"
        r"(?:particles?|specks?|flecks?|floaters|sediment|debris|crystals|clumps) "
        r"(?:in|inside|floating in|at the bottom of) (?:the |my |his |her )?(?:vial|bottle|"
        r"syringe|solution|liquid|suspension|drops|pen|cartridge|syrup|cream|jar)|"
        r"(?:cloudy|murky|hazy) (?:liquid|solution|vial|syrup)|"
        r"(?:" + BODY_HAIR + r"hair|glass|metal|plastic|particles?|specks?|flecks?|bits? of \w+|"
        r"insect|bug|fly|worm|dirt|mou?ld|mildew|fungus|thread|stone|rubber|"
        r"fib(?:er|re)(?! supplement| powder| gummies| drink| range)|"
        r"something black|something floating|particulas?|(?<!el )(?<!mi )(?<!su )pelo|vidrio|"
        r"moho|insecto|bicho)"
        + W
        + r"(?:in|inside|on|floating|en|dentro)|mou?ldy|mou?ld on|contaminated|contamination|"
        r"floaters|floating (?:particles|bits|things|stuff)|black (?:specks|spots|dots) "
        r"(?:in|on)|foreign (?:object|body|material|matter|particle)|contaminad[ao]|mohos[oa]"
    ),
    C.APPEARANCE: rx(
        r"(?:pills?|tablets?|capsules?|caplets?|gummies|chews?|softgels?|lozenges?) (?:look|looks|"
        r"looked|are|were|is|was|seem|seemed) (?:all |very |really |kind of |sort of |a bit |"
        r"completely |totally |too )?(?:a )?(?:different|darker|lighter|smaller|"
        r"bigger|larger|thinner|thicker|wrong|off|weird|odd|strange|discolou?red|faded|"
        r"spotted|speckled|cracked|broken|chipped|soft|mushy|wet|hard|powdery|crumbly|"
        r"melted|fused|stuck together|swollen|leaking|empty|yellow(?:ed|ish)?|brown(?:ish)?|"
        r"grey|gray|pink|spotty)|(?:different|(?<!bought the )(?<!ordered the )(?<!picked the )"
        r"(?<!chose the )(?<!sent me the )(?<!got the )wrong|(?<!your )(?<!our )new) (?:size|"
        r"shape|colou?r|"
        r"imprint|"
        r"marking|markings|coating|logo)|(?:no|missing|wrong|different) imprint|"
        r"(?:pills?|tablets?|capsules?|caplets?|gummies) (?:have|had|has|with) (?:\w+ ){0,2}"
        r"(?:spots|specks|marks|dots|stains|cracks|chips)|imprint (?:\w+ ){0,4}(?:is |was |are "
        r")?(?:missing|different|wrong|gone|faded)|squished|squashed|"
        r"(?:crumbled|crumbling|falling apart|disintegrat\w+|turned to powder|dissolved in the "
        r"(?:bottle|pack))|(?:smells?|smelled|stinks?|stank|reeks?) (?:like|of) |"
        r"(?:strong|bad|foul|strange|chemical|rotten|musty|fishy|vinegar|sour) (?:smell|odou?r)|"
        r"(?:rancid|spoiled|gone off(?! lay)|separated|curdled|gritty|grainy|"
        r"crystallized|crystallised|solidified|dried out|"
        r"(?<!tooth )(?<!teeth )(?<!skin )(?<!nail )discolou?ration)|"
        r"(?:different|strange|weird|odd|funny|unusual|wrong|bad|(?<!been )(?<!feel )(?<!felt )"
        r"(?<!feels )(?<!looks )(?<!seems )(?<!a bit )off|new|darker|lighter|"
        r"distinto|diferente|raro|extrano|feo)\s(?:colou?r|smell|odou?r|taste(?! in (?:my|his|"
        r"her|the|their) mouth)|texture|shape|"
        r"consistency|olor|sabor|color|textura|forma)|(?:smells?|smelled|tastes?|tasted|"
        r"looks?|looked) (?:funny|weird|strange|odd|different|bad|rancid|like vinegar|off|rotten|"
        r"spoiled)|(?<!tooth )(?<!teeth )(?<!skin )(?<!nail )discolou?r(?:ed|ation)|"
        r"changed colou?r|colou?r changed|cloudy|crumbl(?:ed|ing|"
        r"y)|chalky|sticky|melted|clumped|clumpy|separated|hardened|(?:broken|chipped|cracked|"
        r"(?<!snorting the )(?<!snorted the )(?<!snorts the )(?<!sniffing the )crushed|split) "
        r"(?:pills?|tablets?|capsules?|gummies)|(?:pills?|tablets?|capsules?) "
        r"(?:were |are |was |is |arrived |came )?(?:all )?(?:broken|chipped|cracked|crushed|"
        r"smashed|shattered|in pieces|crumbl\w+|stuck together|melted|"
        r"discolou?red|sticky)|huele (?:raro|mal|extrano)|sabe (?:raro|mal)|cambio de color|"
        r"color raro|turbi[oa]|"
        r"(?:comes?|came|coming) out (?:\w+ )?(?:brown|yellow|pink|green|black|grey|gray|cloudy|"
        r"milky|dark|orange|red|lumpy|watery|chunky)|instead of (?:being )?(?:clear|white|"
        r"colou?rless|transparent)|(?:liquid|solution|syrup|cream|gel|tablets?|pills?|drops|spray|"
        r"suspension|lotion|ointment|capsules?|powder|gummies) (?:has |have |had )?turned "
        r"(?:brown|yellow|pink|green|black|grey|gray|cloudy|milky|dark|orange)"
    ),
    C.DEVICE_MALFUNCTION: rx(
        r"(?:won't|wouldn't|doesn't|does not|didn't|did not|will not|would not|can't|cannot) "
        r"(?:turn (?:back )?on|power on|switch on|boot|start up|charge|hold a charge|pair|sync|"
        r"connect|"
        r"calibrate|read the strip|recogni[sz]e the (?:strip|sensor|cartridge)|retract|"
        r"deliver the dose|inject|stop beeping|"
        r"stop alarming|take a reading|give a reading|measure)|"
        r"(?:strips?|sensor|meter|monitor|reader|cuff|thermometer|device|cgm|glucometer) "
        r"(?:said|says|read|reads|showed|shows|displayed|gave|gives) (?:me |only |just |a )?"
        r"\d{2,3}\b[^.;]{0,40}?\b(?:but|yet|while|when|whereas) (?:i was|i'm|i am|he was|she "
        r"was|it was really|(?:my|his|her|the) (?:real |actual )?(?:sugar|glucose|bg|blood sugar|"
        r"level|reading|temp\w*|pressure) (?:was|is)|(?:at )?the (?:er|hospital|lab|doctor|clinic)|"
        r"at the (?:er|hospital|lab|clinic))|"
        r"(?:strips?|sensor|meter|monitor|reader|cuff|thermometer|device|pump|cgm|glucometer) "
        r"(?:gives?|gave|giving|shows?|showed|showing|reads?|reading|readings|results?) "
        r"(?:are |were |is |was )?(?:wrong|inaccurate|incorrect|off|way off|all over the "
        r"place|different|random|inconsistent|errors?|high|low|"
        r"\d+ (?:points|mg/dl) (?:higher|lower|off))|"
        r"(?:readings?|results?|numbers|values) (?:are|were|is|was|keep|kept) (?:wrong|"
        r"inaccurate|jumping|off|all over|way off|inconsistent|different)|"
        r"(?:error|err)[- ]?(?:code )?#?\d{1,3}|error code|error message|"
        r"(?:shows?|showed|showing|displays?|says|gives?|gave) (?:an? |the )?(?:code )?e-?\d{1,3}|"
        r"(?:\d+ )?points? (?:higher|lower|off) than|(?:higher|lower) than (?:the )?(?:lab|"
        r"doctor's|clinic's|hospital's|my other)|(?:doesn't|does not|didn't) match (?:the )?"
        r"(?:lab|doctor's|clinic)|(?:gives?|shows?|reads?) (?:a )?different (?:reading|number|"
        r"result|temperature|value)s? every time|(?:makes?|making) (?:a )?(?:loud|weird|"
        r"strange|grinding|clicking|buzzing) noise|barely (?:puts out|works|sprays|dispenses)|"
        r"(?:screen|display) (?:went|goes|is|was) (?:blank|dark|black|dead)|blank screen|"
        r"needle (?:\w+ ){0,3}(?:broke|snapped|bent|came off|stuck|broke off|was bent|was broken|"
        r"was blunt|didn't come out|did not come out|jammed)|broken needle|bent needle|"
        r"(?:battery|batteries) (?:died|dead|drain\w*|leak\w*|swell\w*|overheat\w*|got hot)|"
        r"(?:pump|pen|injector|inhaler|device|sensor|meter) (?:leak\w*|cracked|overheat\w*|"
        r"got hot|sparked|smok\w*|melted|fell apart|came apart|fell off|came off)|"
        r"(?:sensor|patch|pod) (?:fell off|came off|detached|failed early|stopped early)|"
        r"(?:alarm|alarms) (?:went off|keeps going off|for no reason|didn't go off|did not go "
        r"off)|no (?:alarm|alert) (?:went off|sounded)|occlusion|"
        + DEVICE
        + W
        + r"(?:stopped working|doesn't work|does not work|didn't work|did not work|"
        r"won't (?:turn on|work|charge|connect|pair|sync|start|click|dispense|inject|read)|"
        r"wouldn't (?:turn on|work|charge|connect|inject|click|dispense)|not working|fail(?:ed|s)?|"
        r"malfunction\w*|broke|broken|jammed|stuck|froze|freezes|frozen|crashed|reset|blank|"
        r"died|dead|shows? (?:an )?error|gave (?:an )?error|error|wrong reading|inaccurate|faulty|"
        r"defective|reads? (?:wrong|\d+)|"
        r"beeping|alarm\w*|overheat\w*|no funciona|dejo de funcionar|se apago|fallo|falla)|"
        r"malfunction(?:ed|ing|s)?|error (?:code|message) ?\w*|(?:communication|connection|"
        r"sensor|pairing|bluetooth|signal) (?:error|loss|failure)|(?:keeps|kept) losing "
        r"(?:connection|signal)|e-?\d{1,3} error|inaccurate "
        r"(?:reading|result)s?|(?:reading|result)s? (?:are|were|was|is) (?:wrong|inaccurate|off|"
        r"way off|different)|needle (?:bent|broke|didn't retract|did not retract|stuck)|"
        r"battery (?:died|dead|drains|won't charge|overheat\w*|swell\w*)|(?:didn't|did not|"
        r"doesn't|does not|won't) (?:inject|dispense|deliver|click|spray|fire)|"
        r"(?:falla|fallo|error) (?:del|de la|en el|en la) " + DEVICE + r"|misfir\w*|"
        r"(?:over|under)-?\s?deliver\w*|(?:over|under)-?\s?infus\w*|(?:delivered|gave|pumped|"
        r"dispensed) too much (?:insulin|medication|medicine|drug|dose)|"
        r"(?:dose )?counter (?:jumped|skipped|went (?:from|down|up)|is wrong|was wrong|stuck|"
        r"doesn't move|does not move|not moving|didn't move|reads wrong)|"
        r"(?:shows?|showed|reads?|gives?|gave|says) the same (?:reading|number|temperature|value|"
        r"result)s? (?:no matter|every time|each time|whatever|regardless)|"
        r"(?:marca|da|muestra) (?:valores|numeros|resultados|lecturas|cifras) (?:diferentes|"
        r"distint[oa]s|rar[oa]s|erroneos|equivocados)|(?:valores|lecturas|resultados) "
        r"(?:diferentes|distintos) cada vez|(?:motor|fan|screen|display|light|button|trigger|"
        r"spring|mechanism) (?:stopped|died|quit|broke|jammed|stuck|failed)"
    ),
    C.QUANTITY: rx(
        r"ran out (?:early|too soon|before|after (?:about |only )?(?:half|\d+))|half the (?:puffs|"
        r"doses|sprays|shots)|(?:count|number of (?:pills|tablets|capsules)) (?:is |was )?"
        r"(?:wrong|short|off|less|"
        r"incorrect)|(?:wrong|incorrect|short) count|(?:one|two|three|four|five|\d+|a few|"
        r"several|some) (?:pills?|tablets?|capsules?|gummies|doses?|strips?|pens?|needles?|"
        r"patches|sachets|vials|lancets|sensors) (?:were |are |was )?(?:missing|short)|"
        r"(?:should|supposed to) (?:have|contain) \d+|(?:should|supposed to) be \d+ (?:\w+ )?"
        + PILL
        + r"|only \d+ (?:\w+ )?"
        + PILL
        + r"|(?:there were|there are|there was|there's) only \d+|(?:only|just) (?:had|has|have|"
        r"contained|contains|got|received|counted) \d+|counted (?:only )?\d+|"
        r"(?:half|partly|partially) (?:empty|full|filled)|(?:box|pack|bottle|carton|kit) "
        r"(?:was |is |came )?missing (?:a|the|one|two|\d)|empty (?:slot|pocket|blister|cavity)|"
        r"(?:missing|fewer|less|short|faltan)"
        + W
        + PILL
        + r"|"
        + PILL
        + r" (?:were |are )?missing|short (?:count|filled|fill)|"
        r"count (?:was|is) (?:wrong|short|off)|"
        r"empty (?:capsules?|blisters?|bottle|vial|pen|syringe|sachet|pocket)|(?:bottle|box|pack|"
        r"blister|vial|pen|tube) (?:was |is |came |arrived )?(?:empty|half (?:empty|full)|"
        r"underfilled)|only \d+ (?:instead of|out of|of the) \d+|vacio|vacia|incomplet[oa]|"
        r"(?:cavit(?:y|ies)|pockets?|slots?|blisters?|bubbles?)(?: \w+){0,3} (?:was |is |were |"
        r"are |came )?empty|no (?:pill|tablet|"
        r"capsule|caplet|softgel) in (?:it|one|the)|under-?filled|(?:looks?|looked|seems?|seemed) "
        r"(?:half|only half|partly|partially) (?:full|empty|filled)"
    ),
    C.COUNTERFEIT: SPECIAL[SS.COUNTERFEIT],
}

TAMPERING = rx(
    r"(?:seal|foil|wrap|wrapping|shrink ?wrap|band|ring|blister|carton|box)(?: [\w-]+){0,3} "
    r"(?:has|had|have|with) (?:a |an |some )?(?:small |tiny |little |clean |neat )?(?:slit|slits|"
    r"hole|holes|cut|puncture|pinhole|tear|incision)|(?:slit|hole|cut|puncture|pinhole|incision)"
    r"s? in the (?:\w+ )?(?:foil|seal|wrap|wrapping|band|blister|cap|carton)|(?:glued|taped|"
    r"stapled|sealed) (?:shut|closed|back) with|(?:had been|was|were|been) (?:cut|sliced|slit) "
    r"(?:open|with)|cut with a (?:knife|blade|razor|scissors)|(?:seal|safety) ring(?: \w+){0,2} "
    r"(?:is |was )?(?:snapped|broken|cracked|split)|resellad[ao]|"
    r"(?:seal|safety seal|foil seal|inner seal|shrink ?wrap|shrink band|neck band|tamper band|"
    r"tamper strip|sticker|safety ring|plastic ring|foil|stopper|septum)(?: \w+){0,4}? (?:was |"
    r"is |had been |"
    r"has been |"
    r"looked |appeared )?(?:already )?(?:broken|open(?:ed)?|torn|cut|slit|peeled|lifted|"
    r"loose|missing|gone|ripped|damaged|punctured|resealed|re-?glued|re-?taped|tampered|"
    r"not intact|taped back|glued back|"
    r"not sealed|off)|(?:someone|somebody) (?:must |may |might |could )?(?:have |had |has )?"
    r"(?:been )?(?:opened|open|tampered|"
    r"been into|got into|messed with|replaced|swapped|refilled)|(?:looks?|looked|appears?|"
    r"appeared|seems?|seemed) (?:to have been |like it was |like someone )?(?:opened|"
    r"tampered|resealed|re-?taped|re-?glued|used|tampered with)|(?:pills?|tablets?|"
    r"capsules?|contents?|ones inside) (?:inside )?(?:are |were |was |is )?(?:not|aren't|weren't) "
    r"(?:the|my|what|the right)|(?:different|wrong|strange|other) (?:pills?|tablets?|"
    r"capsules?|medication|product) (?:inside|in (?:the|my|a))|(?:holes?|puncture|"
    r"needle marks?|pin ?holes?) (?:in|on|through) (?:the )?(?:seal|foil|cap|blister|bottle|"
    r"capsules?|box|carton|vial)|(?:unsealed|unseal\w*|un-?sealed) (?:bottle|box|pack|"
    r"container|jar|vial)|(?:no|without (?:a|the)?|missing) (?:safety |foil |inner )?seal|"
    r"precinto (?:roto|abierto|despegado)|sello (?:roto|abierto|despegado)|"
    r"tamper(?:ed|ing)?(?!-?\s?(?:evident|proof|resistant))|(?:safety |foil |inner |protective |"
    r"tamper-?\s?evident )?seals?" + W + r"(?:was |were |is |had been |has been )?(?:broken|"
    r"missing|open(?:ed)?|torn|cut|peeled|lifted|resealed|re-?glued|punctured|not there|gone)|"
    r"(?:broken|missing|torn|opened|no|cut) (?:safety |foil |inner |tamper-?\s?evident )?seals?|"
    r"(?:had been|was|been|already) (?:opened|re-?sealed|resealed|re-?glued|re-?taped)|"
    r"someone (?:had )?(?:opened|tampered|replaced|swapped|switched)|(?:different|wrong|other) "
    r"pills (?:inside|in the bottle|in the box)|pills (?:replaced|swapped|switched)|"
    r"needle (?:marks?|holes?) in|"
    r"(?:precinto|sello)" + W + r"(?:roto|abierto|rota|abierta)|"
    r"(?:ya )?(?:venia|estaba) abiert[oa]|manipulad[oa]"
)

# Seriousness (ICH E2A). Scoped like adverse events: "he did not die", "could be fatal".
# A clinician's workplace is no visit: "I'm a nurse in the emergency department".
AT_WORK = r"(?<!nurse in the )(?<!nurse in an )(?<!work in the )(?<!work in an )(?<!works in the )"
AT_WORK += r"(?<!worked in the )(?<!work at the )(?<!doctor in the )(?<!job in the )"

SERIOUS: dict[S, re.Pattern[str]] = {
    S.DEATH: rx(
        r"(?<!nearly )(?<!almost )(?<!could have )(?<!could've )(?<!casi )died|dies|"
        r"(?<!near )(?<!near-)death|passed away|passed on|fatal|deceased|was found dead|is dead|"
        r"lost (?:my|our|his|her) (?:\w+ )?(?:dog|cat|horse|pet|husband|wife|son|daughter|"
        r"mother|father|baby)|murio|fallecio|muerte|fallecimiento|se murio"
    ),
    S.LIFE_THREATENING: rx(
        r"life-?\s?threatening|near[- ]death|(?:almost|nearly|could have|could've) died(?! (?:of|"
        r"from|with) (?:embarrassment|shame|laugh\w*|boredom|fright|shock|envy|jealousy))|"
        r"stopped breathing|"
        r"cpr|resuscitat\w*|intubated|anaphyla\w*|heart stopped|cardiac arrest|coded|"
        r"casi (?:se )?muere|casi muero|paro cardiaco|dejo de respirar|anafila\w*"
    ),
    S.HOSPITALIZATION: rx(
        r"hospitali[sz](?:ed|ation)|admitted(?: to| into)?(?: the)? (?:hospital|icu|ward)|"
        r"admitted|in the hospital|in hospital|to the hospital|(?:icu|intensive care)|kept "
        r"(?:him |her |me )?overnight|stayed (?:\w+ )?(?:days?|nights?) in (?:the )?hospital|"
        r"inpatient|hospitali[sz]ad[oa]|ingresad[oa]|internad[oa]|en el hospital|"
        r"cuidados intensivos|uci|nicu|picu|neonatal (?:intensive|special) care|special care baby "
        r"unit|scbu|high dependency unit"
    ),
    S.DISABILITY: rx(
        r"permanent(?:ly)?|disabled|disability|paraly[sz]ed|paralysis|can(?:'t| ?not) walk|"
        r"unable to (?:walk|work|see|hear)|lost (?:my|his|her) (?:sight|vision|hearing)|"
        r"blind|deaf|incapacit\w*|discapacidad|paralizad[oa]|no puede caminar|ciego|ciega|sordo"
    ),
    S.CONGENITAL_ANOMALY: rx(
        r"birth defects?|congenital|born with|born deformed|malformation|malformed|deformit\w*|"
        r"cleft (?:lip|"
        r"palate)|spina bifida|heart defect|defecto de nacimiento|malformacion|nacio con|congenit"
    ),
    S.MEDICALLY_IMPORTANT: rx(
        r"(?:broke|broken|fractured?d?) (?:her|his|my|their|a|the) (?:hip|leg|arm|wrist|ankle|neck|"
        r"back|pelvis|femur|skull|collarbone|ribs?)|fractures?|seizures?|convulsions?|"
        + AT_WORK
        + r"(?:emergency room|emergency department)|\ber\b visit|"
        r"went to the "
        r"er|to the er|urgent care|ambulance|paramedics|911|blood transfusion|transfusion|"
        r"surgery|dialysis|stevens-?johnson|toxic epidermal|liver failure|kidney failure|renal "
        r"failure|stroke|heart attack|suicid\w*|epinephrine|epipen|poison control|"
        r"urgencias|ambulancia|convulsion\w*|cirugia|infarto|derrame"
    ),
}
