"""Complaint and tampering families told by readings, parts and counts rather than named: a
thermometer that "reads 34.1 on everyone", a meter showing "HI" against a clinic's 180, a
wrap that stays stone cold, a kit that came with no mask, a cup with no markings, print too
pale to read, a box and a tube that disagree, "counted them twice and there are 97", a
bristle in a gummy, an organism grown from what was left in the bottle, a box opened and
closed again. Read off the misses of the seventeenth to nineteenth writers' batches
(eval/contact_center/train_28.txt, train_29.txt, train_30.txt, written 2026-12-05 before the
screener was run on them). Same rules as concepts_quality_families.py.
"""

from __future__ import annotations

from caredesk.safety.screening.codes import ComplaintCategory as C

_PART = (
    r"(?:mask|syringe|spoon|cup|dropper|spacer|needles?|lancets?|strips|batteries|leaflet|cap|"
    r"applicator|tubing|charger|mouthpiece|measuring cup|vasito|jeringa|cuchara)"
)
_PACK = (
    r"(?:label|box|tube|bottle|pack|leaflet|carton|insert|packet|jar|tub|sachet|blister|"
    r"syringe|vial)"
)
_CONTAINER = r"(?:cartons?|boxes|bottles|tubes|packs|vials?|blisters?|strips|sachets|pouches)"
_GERM = r"(?:organism|bacteria|bacterium|fungus|mou?ld|yeast|bug|germ)"

COMPLAINT_READINGS: dict[C, str] = {
    C.DEVICE_MALFUNCTION: (
        r"(?:reads|shows|says|gives|displays|marca|read) \d+(?:[.,]\d+)? (?:on|for) "
        r"(?:everyone|everybody|all of us|every(?:one)? (?:of us|person)|todos)|"
        r"(?:cada vez|every time|each time) (?:marca|da|shows|reads|gives) (?:una cosa |un valor "
        r"|a )?(?:distint[oa]|diferente|different)|"
        r"(?:showing|shows|reads|displays|says) \W?(?:hi|lo|err(?:or)?|e\d+)\W? (?:when|while|but|"
        r"even though|although)|"
        r"(?:won't|will not|doesn't|does not|didn't|did not) (?:heat|warm|charge|turn on|switch "
        r"on|power on|inflate|click|fire)(?: up)? at all|stays? (?:stone |ice |freezing )cold|"
        r"cuts? out (?:after|every|within|mid)|whistles? (?:constantly|all the time|non-?stop)|"
        r"drains? (?:a |the )?(?:new |fresh )?batter(?:y|ies)|"
        r"(?:wheel|dial|button|knob|clip|switch) (?:has )?(?:come|came|coming) (?:loose|off)|"
        r"(?:too deep|full depth) (?:even )?on (?:setting )?\d|(?:depth|setting|dial) (?:setting )?"
        r"(?:doesn't|does not|don't|won't) work|"
        r"control line (?:never|didn't|did not|doesn't|does not) (?:came|come|show|appear)|"
        r"(?:casing|case|unit|charger|device|plug|handle) (?:gets|got|getting|goes|went|became) "
        r"(?:very |really |too |so )?(?:hot|burning)"
    ),
    C.PACKAGING: (
        r"(?:came|arrived|come|comes|was|were) (?:with )?(?:no|without (?:a |the |any )?) "
        + _PART
        + r"|"
        r"(?:\d+ ?ml )?(?:syringe|spoon|cup|dropper) in the (?:box|pack|kit) instead of "
        r"(?:the |a )?\d|"
        r"(?:cup|vasito|syringe|jeringa|spoon|dosificador)(?: [\w']+){0,4} (?:sin (?:ninguna )?"
        r"marcas?|without (?:any )?(?:markings|marks|lines|graduations)|(?:has |with )?no "
        r"(?:markings|marks|lines|graduations))|"
        r"(?:pouches?|sachets?|blisters?|vials?|ampoules?) (?:had |have |were |was )?(?:split|burst"
        r"|torn|cracked)"
    ),
    C.LABELING: (
        r"(?:print|writing|lettering|text|font|directions) on (?:the )?(?:[\w']+ ){0,5}"
        + _PACK
        + r"(?: [\w',]+){0,3} (?:so|too|very) (?:small|faint|pale|tiny|light)|"
        + _PACK
        + r"(?:'s)? (?:print|writing|lettering|text|font)(?: [\w',]+){0,3} (?:so|too|very) "
        r"(?:small|faint|pale|tiny)|"
        r"(?:prospecto|leaflet|label|instructions|etiqueta|insert)(?: \w+){0,2} (?:viene|is|came|"
        r"was|are|esta) (?:only )?(?:in|en) (?:portugues|portuguese|french|frances|german|aleman|"
        r"chinese|chino|arabic|arabe|italian|italiano|polish|polaco|russian|ruso|dutch|another "
        r"language|otro idioma)|"
        r"no tiene (?:marcada|marca|la linea)|(?:no|missing) dosing (?:chart|table|instructions)|"
        r"(?:ndc|gtin|lot|batch|expiry|strength)(?: [\w'-]+){0,6} but (?:the )?(?:unit |inner )?"
        + _CONTAINER
        + r"(?: inside)? (?:are|is|say|says|show|read)|"
        r"(?:expiry|exp|lot|batch)(?: date)? on the (?:outer )?(?:box|carton|pack|bottle)"
        r"(?: [\w'/-]+){0,4} but the (?:\w+ )?(?:inside|tube|bottle|blister|vial|strip)|"
        r"(?:dosis|dose|dosing) (?:para|for) adult(?:os|s) (?:en|on) (?:la|the) (?:caja|box|label|"
        r"bottle) (?:de|for) (?:ninos|children|kids)"
    ),
    C.QUANTITY: (
        r"counted (?:them|it|the \w+)(?: [\w']+){0,3},? (?:and )?(?:there (?:are|were|is) |"
        r"(?:i )?(?:got|get|found|only got) )(?:only |just )?\d+|"
        r"(?:llego|vino|came|arrived) con (?:unos |solo |only )?\d+(?:[.,]\d+)? (?:litros|ml|"
        r"comprimidos|tabletas|pastillas)|nivel (?:\w+ ){0,3}bajo|fill level (?:\w+ ){0,3}low"
    ),
    C.FOREIGN_MATTER: (
        r"(?:bristle|hair|fibre|fiber|thread|fibra|pelo|hilo)s? (?:in|inside|stuck (?:in|to)|en|"
        r"dentro de) (?:one|a|the|my|una|un|el|la)|"
        r"flotando (?:una |un )?(?:fibra|pelo|hilo|particula|cosa|mancha)|"
        r"grew (?:the same |an? |some )?" + _GERM + r"(?: [\w']+){0,4} from (?:the|that|what|"
        r"his|her|our)"
    ),
}

TAMPERING_READINGS = (
    r"(?:looked|looks|seemed|seems|appeared)(?: to have been)? (?:re-?glued|re-?sealed|"
    r"re-?taped|glued back)|"
    r"abiert[oa]s? y (?:vuelt[oa]s? a )?cerrad[oa]s?(?: otra vez| de nuevo)?|"
    r"abiert[oa]s? y (?:pegad[oa]s?|sellad[oa]s?) (?:otra vez|de nuevo)"
)
