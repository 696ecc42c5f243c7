"""Complaint and tampering families from the first batch written by a second, independent
writer (eval/contact_center/train_13.txt, 2026-12-05, labelled before the screener was run on
it). Its first look showed how one writer's families generalise: tampering 9/20, complaints
0.82. Same rules as concepts_quality_families.py: plain pattern strings on normalised text,
families not phrases, narrow enough for ordinary customer-service wording.
"""

from __future__ import annotations

from caredesk.safety.screening.codes import ComplaintCategory as C

_CONTENTS = (
    r"(?:blister(?: strip| pack)?s?|strips?|foil|inner (?:pack|bag|tray)|contents|insert|trays?|"
    r"sachets?|vials?|ampoules?|syringes?|cartridges?|tablets|capsules|pills|bottle)"
)
_DEVICE = (
    r"(?:dispenser|pump|monitor|meter|machine|cuff|cpap|nebuli[sz]er|pen|inhaler|scales?|"
    r"thermometer|sensor|reader|hearing aid|tens|device|unit|heater|heating pad|pad|blanket|"
    r"alarm|timer|concentrator|glucometer|oximeter|toothbrush|massager|injector|nebulizador|"
    r"tensiometro|aparato|maquina)"
)
_BOXES = r"(?:ends?|flaps?|lids?|boxes|box|cartons?|packs?|packets?|tubs?)"
# Contents swapped for others; boxes glued shut with the contents gone; a box opened and
# resealed with other tape; a pack that looks refilled or opened; capsules pulled apart and
# rejoined; a claim or a threat to harm products or people; Spanish chemical smells.
TAMPERING_SECOND = (
    _CONTENTS + r"(?: [\w']+){0,3} (?:has|have|had) been (?:swapped|switched|substituted|"
    r"replaced)(?! (?:for|by|with) (?:a |the )?(?:new|replacement|free|fresh))|"
    + _BOXES
    + r"(?: [\w']+){0,3} (?:neatly |carefully )?(?:re-?glued|glued|taped|stuck) (?:back )?(?:shut|"
    r"closed|down|together)?(?: [\w']+){0,6} (?:but|and|yet) (?:the )?(?:blisters?|tablets|"
    r"contents|bottles?|strips?|capsules|pills|sachets?)(?: [\w']+){0,2} (?:were |was |are |"
    r"is )?(?:all )?(?:missing|gone|empty|removed)|"
    r"(?:opened|cut|slit|torn) (?:open )?and (?:then )?(?:resealed|re-?taped|re-?glued|taped "
    r"(?:back|up|shut)|glued (?:back|shut)|stuck (?:back|down))|(?:resealed|taped|stuck|sealed) "
    r"(?:back )?(?:up )?with (?:a )?(?:different|another|other|clear|brown|parcel|cheap) (?:\w+ )?"
    r"(?:of )?(?:tape|glue|sticker|sellotape)|"
    r"(?:looks?|looked|seems?|seemed|appears?|appeared) (?:like |as if |as though )?(?:it |they "
    r")?(?:had |has |have )?been (?:re-?filled|topped up|tampered with|resealed|re-?glued)|"
    r"(?:twisted|pulled|prised|split|taken) apart and (?:re-?joined|put back together|pushed back "
    r"together|closed again)|(?:capsules?|caps)(?: [\w']+){0,3} re-?joined|"
    r"(?:claim\w*|said|says|saying|boast\w*) (?:that )?(?:he|she|they|someone|somebody)(?:'d| "
    r"had| has|'s)? (?:injected|put|added|laced|spiked|poisoned|contaminated|mixed)(?: [\w']+)"
    r"{0,3} (?:into|in|with) (?:your|the|some)(?= )|"
    r"(?:got|get|broken|broke|break) into (?:your|the) (?:factory|warehouse|plant|production|"
    r"depot|site)|(?:poisoning|contaminating|spiking|lacing|tampering with)(?: [\w']+){0,2} "
    r"(?:products|stock|shelves|medicines|food|treats)|(?:huele|olia|huelen|olian|sabe|sabia) "
    r"(?:mucho |muy fuerte )?a (?:lejia|gasolina|disolvente|amoniaco|quimicos?|productos "
    r"quimicos|aguarras|queroseno|insecticida|veneno|pintura)|"
    r"different (?:shape|colou?r|size)(?: [\w']+){0,6} (?:had |with )?no (?:imprint|markings?|"
    r"embossing|logo)|(?:no|without) (?:imprint|markings?|embossing)(?: [\w']+){0,6} different "
    r"(?:shape|colou?r|size)|(?:ring|band|collar|seal)(?: [\w']+){0,4} (?:was |were |is |are )?"
    r"(?:already )?in (?:two|2|pieces|bits|half)"
)

COMPLAINT_SECOND: dict[C, str] = {
    C.DEVICE_MALFUNCTION: (
        r"(?:stuck on|won't|wouldn't|doesn't|does not|didn't|did not) (?:switch|turn|go) off|"
        r"stuck on (?:the )?(?:highest|max|maximum|high|full|top)|(?:shows?|gives?|reads?|showing|"
        r"giving|displays?) (?:a )?(?:different|wildly different|random|inconsistent) (?:weight|"
        r"reading|result|number|value|figure)s? (?:each|every) time|"
        + _DEVICE
        + r"(?: [\w'\"-]+){0,6} (?:(?:shows?|showing|displays?|flashing|flashes) (?:an? )?"
        r"[\"']?(?:\w+ ){0,2}(?:fault|error)|(?:shuts|shut|switches|turns|cuts) (?:itself )?"
        r"(?:down|off|out) (?:after|every|on its own|randomly|by itself|mid)|(?:doesn't|does not|"
        r"won't|no longer|stopped|isn't|is not|didn't) (?:\w+ )?(?:beep|beeping|alarm|alarming|"
        r"rotate|rotating|dispense|dispensing|vibrate|vibrating|charge|charging|light up|"
        r"lighting up|inflate|inflating|heat up|heating))"
    ),
    C.LABELING: (
        r"(?:leaflet|label|insert|instructions|booklet)(?: [\w']+){0,5} (?:is |are |was |were )?"
        r"(?:only )?in (?:polish|german|french|italian|dutch|portuguese|russian|arabic|chinese|"
        r"greek|turkish|romanian|hungarian|czech|another language|a foreign language|a different "
        r"language)|(?:prospecto|etiqueta|caja|instrucciones)(?: \w+){0,3} (?:viene|vienen|esta|"
        r"estan|venia) (?:solo )?en (?:aleman|frances|ingles|italiano|portugues|chino|polaco|"
        r"ruso|arabe|otro idioma)"
    ),
    C.FOREIGN_MATTER: (
        r"(?:staple|screw|nail|bolt|wire|splinter|shard|pin|stone|pebble|rubber|string|thread|"
        r"maggot|fly|beetle|ant|insect|bug|larva|worm)s? (?:\w+ ){0,2}(?:embedded|stuck|baked|set) "
        r"in(?:to|side)?|(?:grey|gray|white|green|black|blue)? ?(?:fuzzy|furry|hairy) (?:spots|"
        r"patches|bits|growth|film|layer)"
    ),
    C.QUANTITY: (
        r"\d+ ?ml (?:bottle|tube|pack|can|canister)(?: [\w']+){0,6} (?:only )?(?:gave|had|"
        r"contained|held|gives|has|contains|lasted) (?:me )?(?:about |around |only |just |"
        r"roughly )?\d+ ?ml|"
        r"(?:traia|trae|tenia|venian|vienen|contenia|contiene) (?:solo |solamente )?\d+ en (?:vez|"
        r"lugar) de \d+"
    ),
    C.PACKAGING: (
        r"cierre (?:de seguridad )?(?:\w+ )?(?:roto|estropeado|defectuoso|no funciona|no cierra)|"
        r"se abre sin (?:apretar|presionar|empujar)"
    ),
}
