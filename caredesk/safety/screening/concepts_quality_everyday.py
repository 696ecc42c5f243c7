"""Complaint and tampering families in everyday words, from the misses of an independent
writer's batch of OTC, supplement, pet and farm complaints (eval/contact_center/train_23.txt,
written 2026-12-05 before the screener was run on it; first look: complaints 0.73, tampering
24/33). What it showed: people tell a defect by what they saw, smelt, tasted, weighed or
counted against what they expected ("always pink, this one's milky beige", "whiffed of
vinegar", "weighed it: 2.4 kg"), and a spray by how it behaved ("dribbles", "fires sideways").
Same rules as concepts_quality_families.py: plain pattern strings on normalised text.
"""

from __future__ import annotations

from caredesk.safety.screening.codes import ComplaintCategory as C

_COLOUR = (
    r"(?:colou?r|tinge|tint|shade|beige|grey|gray|brown|yellow|yellowy|pink|green|blue|dark|"
    r"cloudy|milky|cafe|oscur\w+|amarill\w+|verde|gris|rosad\w+|marron)"
)
_FORM = (
    r"(?:cream|rub|gel|ointment|lotion|syrup|linctus|sachets?|powder|drops|pour-on|paste|balm|"
    r"tablets|capsules|gummies|suspension|liquid|crema|pomada|jarabe|polvo|gotas|locion)"
)
_TEXTURE = (
    r"(?:hard|grainy|gritty|lumpy|stiff|runny|watery|thick|gloopy|gummy|sticky|"
    r"crystalli[sz]ed|solid|aguad[oa]|espes[oa]|grumos[oa]|separated|separad[oa]|dur[oa])"
)
_SPRAY = r"(?:spray|inhaler|dropper|puffer|pump|nozzle|espray|inhalador|gotero|atomi[sz]er)"

COMPLAINT_EVERYDAY: dict[C, str] = {
    C.APPEARANCE: (
        r"(?:always|usually|normally|siempre es|siempre son|should be|meant to be)(?: [\w']+)"
        r"{0,4}[.,]? (?:this|the new|but this|esta|este|cuando)(?: [\w'-]+){0,6} " + _COLOUR + r"|"
        r"(?:came out|come out|has come out|salio|vino) (?:a |de )?(?:weird|strange|odd|funny|"
        r"different|color|colour)? ?(?:\w+ )?(?:colou?r|gray|grey|brown|black|green|cafe|"
        r"oscuro)|(?:pale |slight |faint |strange |weird )?(?:yellow|brown|green|pink|grey|gray|"
        r"orange|blue) (?:tinge|tint|hue|cast)|(?:tinte|tono) (?:amarill\w+|verde|marron|gris|"
        r"rosad\w+|oscur\w+)|"
        r"(?:smells?|smelt|smelled|whiffed|whiffs|reeks?|reeked|stinks?|huelen?|olian?|olor)"
        r"(?: \w+)"
        r"{0,2} (?:of |like |a )?(?:vinegar|off milk|sour|rancid|fermented|fermentad\w+|chicha|"
        r"nail varnish|cat pee|rotten|mou?ldy|damp|musty|rarisimo|agrio|podrido)|"
        r"tastes? (?:like|of) (?:sucking )?(?:a )?(?:metal|coins?|two pence|pennies|tin|soap|"
        r"chemicals|rotten|sour milk)|(?:bitter and tinny|tinny|metallic) (?:taste|tasting)|"
        + _FORM
        + r"(?: [\w']+){0,3} (?:has |have |had )?(?:gone|went|turned|come out|came out|is|are|"
        r"was|were|salio|esta|estaba|vino) (?:all |really |rock |very |completely |a bit |"
        r"like )?" + _TEXTURE + r"|like (?:black )?treacle|like (?:old )?candle wax|like wet "
        r"cement|with a (?:\w+ )?skin (?:floating )?on top"
    ),
    C.DEVICE_MALFUNCTION: (
        r"(?:dribbles?|dribbled|squirts?|squirted|fires?|fired|shoots?) (?:out )?(?:sideways|"
        r"everywhere|out the (?:end|side)|onto my|in a (?:jet|stream)|down my)|(?:never|not|won't|"
        r"doesn't|didn't) (?:once )?(?:come|came|comes) out as a (?:fine )?(?:mist|spray)|weak "
        r"(?:little )?(?:hiss|puff|squirt)|(?:locks?|locked|jams?|jammed|sticks?) after (?:one|1|"
        r"the first|each) (?:spray|puff|press|click|use)|no (?:pulveriza|rocia)|sale un chorro|"
        r"(?:no|nunca) (?:solto|salio|echo) nada|(?:didn't|did not|doesn't|does not|wouldn't) "
        r"(?:give|release|deliver) (?:a |any |the )?(?:puff|spray|dose|mist|drop)|(?:pressed|"
        r"squeezed|apretaba) (?:it )?(?:over and over|again and again|y apretaba)(?: [\w']+){0,4} "
        r"(?:and )?(?:nothing|nada)|(?:then|and then) (?:three|two|four|a load|loads|the lot|half "
        r"the bottle) (?:come|came|comes|pour|poured) out (?:in|at) (?:one go|once)|counter "
        r"(?:has )?(?:said|says|shows|read|reads|stuck on) \d+ for (?:\w+ )?(?:days|weeks|months)|"
        r"counter (?:is |was )?stuck|(?:heat|warming|air-activated) (?:patch|pad|wrap)(?:es|s)?"
        r"(?: [\w',.]+){0,15} (?:stone cold|never (?:warmed|heated) up|didn't (?:warm|heat) up|"
        r"far hotter|much hotter)|(?:got|gets|getting) (?:far|much|way) hotter than|se trabo|se "
        r"atasco|disparo doble|(?:dial|ring|setting)(?: \w+){0,3} (?:slipped|slid) (?:while|when|"
        r"as)|(?:spring|valve) (?:went|had gone|has gone|broke|gave way|failed)|double (?:squirt|"
        r"shot|dose) (?:every|each) time|" + _SPRAY + r"(?: [\w']+){0,3} (?:jammed|stuck)"
    ),
    C.PACKAGING: (
        r"ball (?:popped|came|fell) (?:out|off)|reventad[oa]|revento|anillo de seguridad (?:suelto|"
        r"roto|abierto)|(?:pipettes?|pipetas?|tips?|punta)(?: \w+){0,4} (?:won't|doesn't|does not|"
        r"wouldn't|no se) (?:open|snap|break|abre)|no (?:venia|traia|vino|trae) (?:ninguna? |la |"
        r"el )?(?:jeringa|cuchara|vasito|gotero|aplicador)|(?:no|missing (?:the |a |its )?)"
        r"(?:measuring |dosing )?(?:spoon|syringe|cup|dropper|applicator|adaptor)(?: \w+){0,3} "
        r"(?:in the box|inside|included)|(?:says|said) (?:it )?(?:comes|came|includes?|contains?) "
        r"with (?:a |an )?(?:[\w-]+ )?(?:spoon|syringe|cup|dropper|applicator|adaptor|scoop)"
        r"(?: [\w']+){0,6} (?:there was no|there's no|there is no|but no|missing|not included|"
        r"wasn't|isn't)"
    ),
    C.QUANTITY: (
        r"(?:weighed|measured) (?:it|them|the (?:bag|tub|bottle|pack|box|sack|tin|jar|drum))"
        r"(?: [\w']+){0,6} (?:and )?(?:got|came to|it was|it's|was|only|just) (?:only |just |about "
        r")?[\d.]+ ?(?:kg|g|ml|l|grams|litres?)|felt (?:a bit |too )?light\W+(?:[\w']+\W+){0,5}"
        r"\d+|counted(?: [\w']+){0,5}: ?\d+|(?:have|has|with) no "
        r"(?:patch|tablet|capsule|pill|lozenge) (?:on|in)|(?:vino|venia|llego) (?:a la mitad|medio "
        r"vacio|por la mitad)|half[- ]empty|only half full|(?:holding|had|contained|with) only "
        r"(?:about )?half"
    ),
    C.LABELING: (
        r"(?:box|carton|pack|label|leaflet|prospecto|caja|syringe)(?: [\w']+){0,3} (?:says|said|"
        r"reads|pone|dice)(?: [\w'\"-]+){1,8},? (?:but|pero|while|whereas|y) (?:the |la |el )?"
        r"(?:[\w']+ ){0,4}(?:says|say|is printed|are printed|printed|pone|dice|reads|turned out to "
        r"say)|printed on the (?:syringe|bottle|tube|pipette|blister|tablet)s?(?: itself)?,? "
        r"(?:though|but|although|while) the (?:box|carton|label|leaflet) says|(?:chart|bands?|"
        r"table|columns?|label|instructions)(?: [\w']+){0,6} (?:the )?wrong way (?:round|around)"
    ),
    C.FOREIGN_MATTER: (
        r"(?:bits?|pieces?|lump) of (?:wire|wood|metal|glass|plastic|stone)(?: [\w']+){0,6} "
        r"(?:pressed|stuck|embedded|mixed|baked) (?:into|in)|pelitos|pelos (?:\w+ )?(?:revueltos|"
        r"mezclados|dentro)|pedacitos? de (?:plastico|vidrio|metal)|astillas|(?:parecen|parece) "
        r"vidrio|(?:metal|metallic) (?:shaving|sliver|filing)s?"
    ),
}

TAMPERING_EVERYDAY = (
    r"(?:looked|was|were) (?:re-?)?glued (?:at|on) (?:one|the) end|(?:pin|needle|sewing needle|"
    r"sewing pin)s? (?:pushed|stuck|inserted) (?:right )?(?:into|in|through) (?:one of )?(?:the "
    r"|a )?(?:[\w-]+ ){0,3}(?:capsules?|softgels?|tablets?|gummies|pills?)|(?:mess|interfere) "
    r"with (?:your|the) (?:bottles|products|stock|tablets|shelves)|put (?:stuff|something|things) "
    r"in (?:them|your \w+)|(?:slug (?:bait|pellets)|rat poison|antifreeze)(?: [\w']+){0,4} "
    r"(?:mixed|in|inside)|(?:cut|slit) and (?:sewn|stitched) back|(?:been )?swapping (?:a few|"
    r"some|them) out|(?:pinprick|pin-prick|needle) hole|squeezed (?:stuff|something) in|meter "
    r"cosas en|(?:van a|iban a|va a) salir envenenad\w+|hole (?:punched|poked|made) (?:through|"
    r"in)|went at it with a pin|(?:a few |some )?surprises in (?:the |your )?(?:\w+ ){0,3}"
    r"(?:bottles|products|line|batch)|agujerito|agujero de aguja"
)
