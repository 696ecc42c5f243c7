"""Concept patterns for product quality: complaints by category, tampering, and ICH
seriousness wording (see concepts.py for why they are written by concept, not by phrase).
"""

from __future__ import annotations

import re

from caredesk.safety.screening.codes import ComplaintCategory as C
from caredesk.safety.screening.codes import Seriousness as S
from caredesk.safety.screening.concepts import DOSE_FORM, F, merged, rx
from caredesk.safety.screening.concepts_quality_behaviour import (
    COMPLAINT_BEHAVIOUR,
    TAMPERING_BEHAVIOUR,
)
from caredesk.safety.screening.concepts_quality_devices import (
    COMPLAINT_DEVICES,
    TAMPERING_DEVICES,
)
from caredesk.safety.screening.concepts_quality_everyday import (
    COMPLAINT_EVERYDAY,
    TAMPERING_EVERYDAY,
)
from caredesk.safety.screening.concepts_quality_families import COMPLAINT_MORE, TAMPERING_MORE
from caredesk.safety.screening.concepts_quality_indirect import (
    COMPLAINT_INDIRECT,
    TAMPERING_INDIRECT,
)
from caredesk.safety.screening.concepts_quality_readings import (
    COMPLAINT_READINGS,
    TAMPERING_READINGS,
)
from caredesk.safety.screening.concepts_quality_registers import (
    COMPLAINT_REGISTERS,
    TAMPERING_REGISTERS,
)
from caredesk.safety.screening.concepts_quality_second_writer import (
    COMPLAINT_SECOND,
    TAMPERING_SECOND,
)
from caredesk.safety.screening.concepts_quality_spanish import (
    COMPLAINT_SPANISH,
    TAMPERING_SPANISH,
)

PRIMARY_PACK = (
    r"(?:cap|caps|lid|seal|foil|blister(?: pack| strip)?|strip|sachet|tube|jar|tub|"
    r"pot|bottle|vial|ampoule|ampule|stopper|bung|septum|nozzle|pump|dropper|bulb|applicator|"
    r"(?:dosing|dose|dosage|measuring|medicine|oral) (?:cup|spoon|syringe|scoop|beaker|pipette)|"
    r"spacer|mouthpiece|chamber|mask|vaso dosificador|"
    r"trigger|canister|cartridge|syringe|plunger|spoon|wrapper|tapa|tapon|blister|sobre|"
    r"bolsita|tubo|frasco|bote|ampolla|jeringa|gotero|envase|dosificador)"
)
PACK_DEFECT = (
    r"(?:cracked|cracks|split|splits|splitting|burst|ripped|torn|tears|perforated|punctured|"
    r"leak(?:s|ed|ing)?|dripping|loose|bent|dented|snapped|broke|broken|perished|came apart|"
    r"comes apart|fell apart|popped (?:out|off)|pops (?:out|off)|fell off|falls off|came off|"
    r"comes off|keeps coming (?:off|loose)|weak|faulty|defective|unseated|not seated|not sealed|"
    r"unsealed|spill(?:s|ed|ing)? out|(?:has )?come away|came away|no encaja|queda suelt[oa]|"
    r"no ajusta|(?:won't|doesn't|does not|will not|wouldn't|didn't) "
    r"(?:close|lock|click|seal|screw (?:on|back on)|stay (?:on|shut|closed)|spring back|"
    r"dispense|pump|spray)|stopped (?:clicking|locking|sealing)|lifts (?:straight )?off|"
    r"push(?:es)? (?:through|out) on (?:its|their) own|paper thin|flimsy|rajad[oa]|rot[oa]|"
    r"agrietad[oa]|pinchad[oa]|agujeread[oa]|perforad[oa]|despegad[oa]|suelt[oa]|gotea|goteaba|no "
    r"cierra|se sale|"
    r"se salia|se derrama)"
)
FOREIGN = (
    r"(?:threads?|fib(?:er|re)s?|strings?|twine|insects?|bugs?|flies|fly|ants?|beetles?|"
    r"weevils?|larva[e]?|maggots?|worms?|cockroach(?:es)?|spiders?|mou?ld|fungus|glass|metal|"
    r"wire|staples?|shards?|slivers?|splinters?|rust|grit|sand|stones?|pebbles?|rubber|plastic|"
    r"paper|cardboard|wood|specks?|flecks?|particles?|particulates?|dirt|debris|residue|"
    r"hilos?|insectos?|bichos?|vidrio|cristales|plastico|trocitos? de \w+|particulas?|moho|"
    r"suciedad|arena|screws?|bolts?|nuts?|nails?|fluff|lint|glove|latex|cotton|feathers?|"
    r"trozo de (?:cristal|vidrio|plastico|metal)|cristal|algo (?:\w+ )?(?:negro|blanco|raro|duro|e"
    r"xtrano|marron|verde))(?! (?:cap|lid|"
    r"bottle|applicator|dropper|spoon|cup|seal|tip|container|tub|"
    r"jar|pump|wrapper|wrap|bag|case|box|tray|insert|coating|shell|tube|sleeve|scoop|supplements?|"
    r"powder|gummies|drinks?|range))"
)
FOREIGN_WHERE = (
    r"(?:in|inside|into|within|on|floating in|stuck in|stuck to|embedded in|baked into|baked in|"
    r"at the bottom of|(?:en|at) (?:el |the )?(?:fondo|bottom) (?:de|of)|mixed in with|mixed with|"
    r"out of|on top of|among|en|dentro de|flotando en|"
    r"pegad[oa]s? a)"
)
DET = r"(?: (?:the|my|a|an|one|of|this|that|his|her|some|each|every|bottom|top|last|new|white|"
DET += r"two|three|four|several|both|all|few|\d+|clear|pink|soft|el|la|los|las|un|una|mi|del))*"
DEVICE = (
    r"(?:device|meter|monitor|pump|pen|injector|auto-?injector|inhaler|sensor|reader|machine|"
    r"cuff|thermometer|nebuli[sz]er|compressor|concentrator|cpap|bipap|tens(?: unit| machine)?|"
    r"hearing aid|oximeter|scales?|lancing device|lancet|spacer|infusion set|cannula|tubing|"
    r"catheter|dial|button|screen|display|battery|charger|strip reader|"
    r"glucometer|cgm|medidor|glucometro|tensiometro|termometro|bomba|pluma|aparato|"
    r"wheelchair|walker|rollator|crutch(?:es)?|commode|hoist|(?:catheter |gastric |foley )balloon|"
    r"balloon catheter|stent|brace|splint|"
    r"valve|regulator|"
    r"dispositivo|inhalador|nebulizador)"
)
DEVICE_FAULT = (
    r"(?:stopped (?:reading|recording|sending|syncing|charging|delivering|dispensing|responding|"
    r"counting|working|alarming)|no (?:da|suelta|saca|echa|marca|lee) (?:la |el )?(?:dosis|"
    r"medicamento|spray|lectura|resultado)|solo (?:sale|echa) aire|shuts? (?:itself )?(?:off|down)"
    r"|shutting (?:off|down)|switch(?:es)? (?:itself )?off|"
    r"cuts? out|turns? (?:itself )?off|keeps? (?:restarting|rebooting|resetting|beeping|"
    r"alarming|whistling|buzzing|shutting off|switching off|cutting out|freezing|crashing|"
    r"dropping out)|fault(?:y| light| code)?|failure|failed|fails|jammed|jams|stuck|seized|"
    r"unresponsive|not responding|won't respond|doesn't respond|does nothing|no response|"
    r"(?:won't|doesn't|does not|didn't|did not|wouldn't|will not|can't|cannot) (?:prime|fire|"
    r"click|release|dispense|deliver|inject|turn|switch on|turn on|power up|start|work|read|"
    r"respond|pair|connect|charge|hold|retract|draw|move|budge|mist|spray|inflate|deflate|"
    r"fill|drain|latch|light up|vibrate)|kink(?:s|ed|ing)?|"
    r"blocked|clogged|occlu\w+|whistles? constantly|overheat\w*|sparks?|sparked|smok(?:es|ed|"
    r"ing)|invalid (?:result|reading|test)|no (?:lines?|result|reading|readings|display|"
    r"power|mist|flow)|false (?:positive|negative|reading|alarm)|positive every (?:day|time)|"
    r"(?:says|reads|shows|gives|gave|showed|read) (?:\w+ ){0,2}(?:on|for) everyone|"
    r"se apaga|no enciende|no prende|no funciona|falla|fallo|se traba|trabad[oa]|atascad[oa]|"
    r"se bloquea|no marca|no lee|no suelta)"
)
PRODUCT_ANY = (
    DOSE_FORM[:-1]
    + r"|cream|gel|syrup|liquid|solution|suspension|powder|lotion|ointment|balm|tub|bottle|jar|"
    r"vial|ampoule|ampule|product|medicine|batch|pot|pellets|feed|treats?|paste|spray|tube|"
    r"sachet|blister|syringe|pen|cartridge|jarabe|crema|pomada|polvo|frasco|bote|ampolla|"
    r"producto|sobre|bolsa)s?"
)
PRODUCT_WORD = (
    r"(?:pills?|tablets?|tabs?|capsules?|caps|caplets?|softgels?|soft gels?|gumm(?:y|ies)|"
    r"chewables?|chews?|lozenges?|pastilles?|sachets?|pessar(?:y|ies)|suppositor(?:y|ies)|drops|"
    r"cream|gel|syrup|liquid|solution|suspension|powder|lotion|ointment|balm|spray|paste|"
    r"granules|jarabe|crema|pomada|polvo|pastillas?|tabletas?|comprimidos?|capsulas?)"
)
# Filler words between a product and its state that are not a person ("the drops my vision is
# cloudy" is an adverse event, not a cloudy product).
NOT_PERSON = r"(?: (?!(?:my|his|her|our|their|your|me|him|us|them|everything|food|water|i)\b)"
NOT_PERSON += r"[\w'-]+){0,3}"
BE = r"(?: (?:is|are|was|were|has|have|had|look|looks|looked|seem|seems|came|come|got|gone|"
BE += r"went|turned|become|became|now|all|very|really|a bit|completely|been|gone all))*"
COMPLAINT: dict[C, re.Pattern[str]] = {
    C.PACKAGING: rx(
        r"(?:loose|unseated|cracked|broken|split|damaged|leaking|bent|snapped|torn|punctured|fault"
        r"y|"
        r"defective|weak) (?:crimp )?(?:caps?|lids?|seals?|stoppers?|crimps?|closures?|tops?|"
        r"nozzles?|droppers?|crimp caps?)|"
        + PRIMARY_PACK
        + r"(?:s|'s)?"
        + F
        + BE
        + r"(?: already| just)? "
        + PACK_DEFECT
        + r"|(?:seam|crimp|seal|bottom)s? (?:\w+ )?(?:split|opened|burst|came open|gave way)"
    ),
    C.LABELING: rx(
        r"(?:leaflet|insert|label|information)(?: \w+){0,3} (?:is|are|was) out of date|(?:old|"
        r"outdated|superseded) (?:dosing|dose|leaflet|label|instructions|version)|(?:two|2) "
        r"different (?:lot|batch|expiry|expiration|strengths?|doses?|names?)|no (?:trae|tiene|pone|"
        r"indica|lleva) (?:el|la) (?:nombre|dosis|concentracion|lote|fecha)|"
        r"(?:columns?|numbers|units|markings|doses?|figures|dates)(?: \w+){0,3} (?:don't|doesn't|"
        r"do not|does not) (?:line up|add up)|(?:printed|labelled|labeled|marked) (?:with )?(?:the"
        r" )?"
        r"wrong|(?:fecha|lote|etiqueta|caducidad|letra|numero)(?: \w+){0,3} no se (?:lee|ve|"
        r"entiende|distingue)|"
        r"wrong (?:markings?|measurements?|scale|graduations?|units)|(?:says?|said) (?:[\w']+ ){1,"
        r"6}"
        r"(?:on one side|in one place) and|(?:leaflet|insert|label|box|instructions|carton) (?:is|"
        r"are|was|were) for (?:the )?(?:\d+ ?(?:mg|mcg|ml|g)|a different|another|the other)|"
        r"(?:label|leaflet|insert|carton|box|strip|blister|pouch|print|printing|barcode|markings?|"
        r"expiry|use-by|expiration|batch number|lot number|directions|instructions|spoon|cup|"
        r"syringe|prospecto|caja|etiqueta)(?: [\w'/-]+){0,5} (?:says?|said|shows?|lists?|reads?|"
        r"states?|talks? about|mentions?|scans? as|dice|pone)(?: [\w'/-]+){0,6} (?:but|while|"
        r"whereas|pero|y) (?:the |la |el )?(?:\w+ )?(?:box|label|bottle|strip|leaflet|carton|"
        r"blister|pouch|tube|vial|pack|caja|etiqueta|frasco|blister)|(?:dates?|numbers?|"
        r"strengths?|labels?|lot|batch|expiry|doses?|amounts?|boxes?|leaflets?)(?: \w+){0,5} "
        r"(?:don't|doesn't|do not|does not|didn't) (?:match|agree)|(?:no|missing|without) "
        r"(?:the )?(?:use-by|expiry|expiration|best-before|best before|batch|lot)(?: date| number"
        r"| code)?(?: printed| on)|(?:print|printing|writing|markings?|label|ink)(?: \w+){0,3} "
        r"(?:(?:rubs|rubbed|wore|wears|worn|came|comes|peel\w*|wip\w+) (?:off|away)|smudg\w+|"
        r"so faint|too faint|illegible|unreadable|blurred|fading|faded)|(?:can't|cannot|unable "
        r"to) (?:read|make out) (?:the )?(?:label|lot|batch|expiry|date|print|name|strength|dose|"
        r"instructions|writing|leaflet)|can't tell which (?:is|one)|(?:label|sticker)(?: \w+){0,3}"
        r" (?:on top "
        r"of|over) (?:another|the old|a different)|relabel\w*|scans? as (?:a |an )?(?:totally |"
        r"completely )?(?:different|another|wrong)|(?:el |la )?(?:prospecto|etiqueta|caja)(?: \w+)"
        r"{0,3} no (?:coincide|corresponde)|no (?:indica|trae|tiene) (?:la )?fecha de caducidad|"
        r"(?:instrucciones|prospecto)(?: \w+){0,2} (?:solo )?en (?:ingles|otro idioma|frances)"
    ),
    C.FOREIGN_MATTER: rx(
        r"(?:" + FOREIGN + r"|something (?:\w+ )?(?:sharp|hard|metallic|black|dark|brown|white|"
        r"crunchy))(?: [\w'-]+){0,2} "
        + FOREIGN_WHERE
        + DET
        + " "
        + PRODUCT_ANY
        + r"|"
        + PRODUCT_ANY
        + r"(?: [\w'-]+){0,4} (?:had|has|with|contained|contains) "
        r"(?:\w+ ){0,3}" + FOREIGN
    ),
    C.APPEARANCE: rx(
        r"(?:flaked|flaking|peeling|chipped|cracked) coating|(?:won't|doesn't|does not|didn't|will "
        r"not|wouldn't) (?:mix|dissolve|reconstitute|disperse|resuspend)|"
        r"(?:patch|patches|plasters?|dressings?)(?: \w+){0,3} (?:won't|don't|doesn't|didn't|do "
        r"not|does not|wouldn't) (?:stick|stay on|adhere)|"
        + PRODUCT_WORD
        + r"(?:'s)?"
        + NOT_PERSON
        + BE
        + r" (?:spott(?:y|ed)|mottled|speckled|"
        r"blotchy|marbled|discolou?red|darker|lighter|paler|chipped|cracked|crumbly|crumbling|"
        r"powdery|dusty|chalky|squishy|mushy|gooey|slimy|fused|stuck together|"
        r"flattened|squashed|deformed|misshapen|rock hard|brittle|melted|runny|watery|lumpy|grainy"
        r"|gritty|clumpy|clumped|caked|separated|split|curdled|"
        r"cloudy|milky|murky|hazy|crystalli[sz]ed|frothy|foamy|rancid|wrinkled|crinkled|creased|"
        r"curled|warped|"
        r"gone (?:hard|soft|off|brown|yellow|dark|pink|green|grey|gray|black|"
        r"orange|cloudy|runny)|turned (?:hard|soft|brown|yellow|dark|pink|green|grey|gray|black|"
        r"orange|cloudy|milky|watery)|(?:a )?(?:different|strange|weird|odd) colou?r|with a "
        r"(?:\w+ )?(?:tint|tinge)|(?:yellow|brown|pink|green)(?:ish)? (?:tint|tinge)|(?:half )?"
        r"empty)|(?:" + PRODUCT_WORD + r"|batch|tub|jar|pot|bottle|tube)" + NOT_PERSON + " "
        r"(?:smells?|smelled|smelt|stinks?|stank|reeks?|tastes?|tasted)(?: \w+){0,2} (?:like|of|"
        r"bitter|sour|off|different|funny|weird|strange|wrong|rancid|rotten|awful|horrible|"
        r"chemical)|" + PRODUCT_WORD + r"(?: [\w'-]+){0,4} (?:snap|snaps|snapped|break|breaks|"
        r"crumble|crumbles|split|splits|fall|falls)(?: \w+){0,2} (?:in two|in half|apart|into "
        r"pieces|into bits|to pieces|to powder)|(?:pastillas|tabletas|capsulas|comprimidos|"
        r"jarabe|crema|pomada|gel|gotas|sobres|masticables|gomitas|gominolas|caramelos|ovulos|"
        r"supositorios|parches)(?: \w+){0,3} (?:\w+ )?(?:aplastad|"
        r"pegajos|bland|rancio|rancia|partid|deshac|manchad|descolorid|humed|derretid|dur[oa]s|"
        r"de otro color|huele|huelen|sabe mal|saben mal)\w*|(?:color|olor|sabor|textura|forma) "
        r"(?:muy |bastante |super )?(?:diferente|distint[oa]|rar[oa]|extran[oa]|fuerte|feo|"
        r"desagradable|a (?:vinagre|quimico|gasolina|podrido|moho|pescado))"
    ),
    C.DEVICE_MALFUNCTION: rx(
        r"(?:fired|went off|triggered|activated|discharged) (?:early|prematurely|by itself|on its "
        r"own|accidentally|in my hand)|hace (?:mucho )?ruido|no sale (?:vapor|nada|medicamento|el "
        r"spray)|(?:unit|machine|device|pads?|tens)(?: \w+){0,2} (?:gave|gives) (?:me |him |her )?"
        r"(?:a )?(?:jolt|shock|electric shock)|"
        r"(?:pads?|electrodes?|heating pad|tens|device|machine|charger|battery|pump|sensor|"
        r"monitor|patch heater)(?: [\w'-]+){0,3} (?:burned|burnt|scalded|shocked|electrocuted|"
        r"zapped|blistered)|"
        r"(?:pen|pump|injector|auto-?injector|device|inhaler)(?: \w+){0,3} (?:gave|delivered|"
        r"dispensed|injected|pushed|released) (?:me |him |her )?(?:the )?(?:whole|entire|full|all|"
        r"double|too much)|"
        + DEVICE
        + r"(?:'s)?(?: [\w'-]+){0,5} "
        + DEVICE_FAULT
        + r"(?! in (?:the )?(?:post|mail|customs|transit|warehouse))|(?:pregnancy|ovulation|"
        r"covid|lateral flow) test(?: [\w'-]+){0,4} (?:showed|shows|gave|gives|had|has) (?:no|"
        r"a false|an invalid|a positive every|blank)"
    ),
    C.QUANTITY: rx(
        r"(?:sachets?|capsules?|vials?|ampoules?|pouches|blisters?|pockets?|pens?|cartridges?)"
        r"(?: \w+){0,2} (?:are|were|was|is|came) (?:completely |totally )?empty|(?:pesa|trae|tiene|"
        r"contiene) (?:la mitad|menos)|"
        r"(?:was|were|is|came|arrived) (?:one|two|three|a few|\d+) (?:\w+ )?short|"
        r"(?:only|just) (?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
        r"twenty|thirty) (?:of|out of) (?:the |a )?(?:\d+|two|three|four|five|six|seven|eight|nine|"
        r"ten|eleven|twelve|twenty|thirty)|"
        r"(?:carton|box|pack|packet|bottle|kit|pouch|tube|tub|strip|blister|caja|frasco)s? (?:of|"
        r"de) \d+(?: \w+){0,4} (?:had|has|contained|contains|with|only|but|held|came with|"
        r"solo|tenia|traia) (?:only |just )?(?:\d+|one|two)|(?:one|two|three|a|an|\d+) (?:whole )?"
        r"(?:strip|blister|vial|ampoule|sachet|sensor|needle|pen|tablet|capsule|syringe|dose|lance"
        r"t|"
        r"pouch|patch|cartridge|tube|bottle)s? (?:was |were |is |are )?(?:missing|absent)|"
        r"(?:no|not a single) (?:needles?|strips?|syringes?|lancets?|applicator|spoon|cup|dropper|"
        r"spacer|pen needles) (?:in|inside|with) (?:the|it|my)|(?:kit|box|pack|carton|package)"
        r"(?: \w+){0,2} (?:didn't|did not|doesn't|does not) (?:have|contain|come with|include) "
        r"(?:any )?(?:needles?|strips?|syringes?|lancets?|applicator|spoon|cup|dropper|pens?|"
        r"leaflet)|(?:ran|runs|running|went) (?:dry|empty)(?: \w+){0,3} (?:after|halfway|half|"
        r"early|before)|(?:ran|runs) out (?:after|halfway through) (?:only |about |just )?(?:half|"
        r"\d+|a few|two|three)|(?:only|barely|about|maybe|just|contained|holds?|held|has|had) half "
        r"(?:the |of the )?(?:weight|volume|amount|puffs|doses|sprays|shots|contents)|"
        r"short[- ]?(?:filled|fill|weight|"
        r"measure)|less than (?:the )?(?:label|stated|printed|it says|what it says)|(?:half|quarte"
        r"r|"
        r"third|two-thirds|three-quarters|partly|partially)[- ]full|barely (?:\w+ ){0,2}full|(?:me"
        r" |nos )?falta(?:n|ban)? "
        r"(?:\w+ )?(?:pastillas|ampollas|sobres|capsulas|comprimidos|parches|dosis|tiras|agujas)|"
        r"menos (?:\w+ )?de lo que (?:dice|indica|pone)|solo (?:venian|traia|trae|habia|"
        r"tenia|vienen) (?:\d+|dos|tres|cuatro|cinco)|huecos vacios"
    ),
}
TAMPERING = rx(
    r"(?:stopper|septum|seal|foil|cap|lid)(?: \w+){0,3} (?:had|has|with) (?:a |some )?(?:needle |"
    r"pin |puncture |small |tiny )?(?:holes?|punctures?|needle marks?)|re-?pressed|re-?stuck|"
    r"re-?wrapped|re-?capped|(?:swapping|swapped|switching|switched|changing|changed|altering|"
    r"altered) (?:the )?labels? (?:on|of)|cortad[oa] con (?:cuchilla|navaja|cuchillo|tijeras)|"
    r"pegad[oa] (?:otra vez|de nuevo)|vuelto a pegar|"
    r"forzad[oa]|marcas de haber sido (?:abiert|forzad|manipulad)\w*|"
    r"(?:film|wrap|wrapping|seal|foil|band|ring|cap|lid|pouch|bottle|blister|"
    r"tamper ring|tamper band)(?: [\w'-]+){0,3} (?:had been|has been|was|were|been|looked|looks|"
    r"appeared) (?:\w+ )?(?:cut|slit|sliced|lifted|pierced|pushed in|peeled|prised|pried|forced|"
    r"tampered|resealed|re-?glued|taped|refolded|folded back|separated|stuck back|glued back)|"
    r"(?:someone|somebody)(?: \w+){0,3} (?:pushed|poked|pierced|inserted|injected|poured|"
    r"substituted|topped up|swapped|tampered)|(?:someone|somebody)(?: \w+){0,3} (?:put|added|"
    r"mixed)(?: \w+){0,3} (?:into|in) (?:the|my) (?:bottle|box|pack|jar|tub|capsules|tablets|"
    r"medicine|syrup)|pin ?holes?|pin marks|knife marks|(?:softgels?|capsules?|gel ?caps?)(?: \w+)"
    r"{0,4} (?:little |tiny "
    r"|small )?(?:holes?|punctures?|pricks?)|threat\w*(?: \w+){0,5} (?:poison|contaminat\w+|"
    r"tamper\w*|needles?|glass)|(?:poison|contaminate|tamper with|put needles in|put glass in)"
    r"(?: \w+){0,3} (?:your|the|their) products|extort\w*|blackmail|replaced with (?:sweets|"
    r"candy|another|a different|other|white|something)|(?:contained|had|were|was) (?:\w+ ){0,2}"
    r"(?:sweets|candy|mints) instead of|(?:tablet|pill|capsule)s?(?: \w+){0,2} had been "
    r"(?:replaced|substituted|swapped)|(?:topped up|diluted|watered down)(?: \w+){0,3} with|"
    r"(?:forced|prised|pried) open|alguien (?:\w+ )?(?:abrio|cambio|manipulo|rellen\w+)|"
    r"(?:caja|envase|frasco|bote)(?: \w+){0,2} (?:despegad[oa]|abiert[oa]|manipulad[oa]) y (?:las|"
    r"los) (?:\w+ )?(?:no eran|eran otr|distint)"
)
for _more in (
    COMPLAINT_MORE,
    COMPLAINT_SECOND,
    COMPLAINT_INDIRECT,
    COMPLAINT_DEVICES,
    COMPLAINT_REGISTERS,
    COMPLAINT_EVERYDAY,
    COMPLAINT_SPANISH,
    COMPLAINT_READINGS,
    COMPLAINT_BEHAVIOUR,
):
    COMPLAINT = {c: merged(p, _more.get(c)) for c, p in COMPLAINT.items()}
for _extra in (
    TAMPERING_MORE,
    TAMPERING_SECOND,
    TAMPERING_INDIRECT,
    TAMPERING_DEVICES,
    TAMPERING_REGISTERS,
    TAMPERING_EVERYDAY,
    TAMPERING_SPANISH,
    TAMPERING_READINGS,
    TAMPERING_BEHAVIOUR,
):
    TAMPERING = merged(TAMPERING, _extra)
SERIOUS: dict[S, re.Pattern[str]] = {
    S.DEATH: rx(
        r"(?:was|were|lay|found) dead|didn't survive|did not survive|didn't make it(?! to)|"
        r"(?:had to be |had (?:him|her|it) )?put (?:down|to sleep)|put (?:him|her|it) (?:down|to "
        r"sleep)|euthani[sz]\w+|"
        r"fallecid[oa]|murio"
    ),
    S.LIFE_THREATENING: rx(
        r"nearly (?:didn't|did not) make it|(?:throat|airway|windpipe)(?: \w+){0,2} (?:closed|"
        r"closing|swelled shut|swelling shut|shut)|swelled shut|(?<!with )(?<!and )adrenaline"
        r"(?! cartridges?| content| 1:)|epi-?pen|nearly lost "
        r"(?:him|her|them)|could have killed|shocked (?:him|her)|defibrillat\w+|casi no la cuenta"
    ),
    S.HOSPITALIZATION: rx(
        r"kept (?:him |her |me |them )?in (?:overnight|for (?:observation|\w+ (?:nights?|days?))|"
        r"hospital)|(?:on|put on) a drip|"
        r"(?:medical|surgical|general|children's) ward|ingresaron|internaron|hospitalizaron|"
        r"ingreso en|(?:stayed|spent|was|were) (?:\w+ ){0,2}(?:nights?|days?) in (?:the )?hospital"
    ),
    S.DISABILITY: rx(
        r"(?:give|gave|given|giving) up (?:my|his|her) (?:job|work)|can(?:'t| ?not) (?:walk|work|"
        r"drive|see|hear)(?: \w+){0,3} without|for good|never recovered|lost (?:the )?(?:hearing|"
        r"sight|vision|use of)"
    ),
    S.CONGENITAL_ANOMALY: rx(
        r"hole in the heart|club ?foot|born without|missing (?:fingers|limbs?)"
    ),
    S.MEDICALLY_IMPORTANT: rx(
        r"dangerously (?:low|high)|blood clot|clot in|dvt|pulmonary embol\w*|agranulocytosis|"
        r"neutropeni\w*|(?:white (?:blood )?(?:cell )?count|platelets?)(?: \w+){0,3} (?:dropped|"
        r"fell|crashed|very low|dangerously low)|dka|ketoacidosis|liver (?:damage|injury|failure)|"
        r"hepatitis|pancreatitis|a ?& ?e|casualty|(?:had|has) a fit|first (?:ever )?seizure|fittin"
        r"g|"
        r"arrhythmi\w+|tendon ruptur\w*|ruptur\w+ (?:my |his |her )?(?:achilles|tendon)|"
        r"miscarri\w+|lost the (?:pregnancy|baby)"
    ),
}
