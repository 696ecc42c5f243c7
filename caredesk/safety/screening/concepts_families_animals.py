"""Special situations on farms, in practices and with pets, told the way owners, farmers and
vets tell them: a drench gun left set for bigger cattle, "10x intended", a dose read off the
sheep chart instead of the cattle one, a jab into the vein instead of under the skin, eggs or
milk sold inside a withdrawal period, one pipette split between three dogs, a label saying
"not above 30 degrees" and the treatment used anyway, "in whelp", a fortnight after the tups
went in, "label says up to 16 weeks protection" and strike at six, a cat curled up with a dog
just treated, a horse in the feed store, a needlestick with a live vaccine. Read off the misses
of a second animal-health batch by an independent writer (eval/contact_center/train_35.txt,
written 2026-12-05 before the screener was run on it; first look: special situations 0.51).
Merged through concepts_families_lay.py.
"""

from __future__ import annotations

from caredesk.safety.screening.codes import SpecialSituation as SS
from caredesk.safety.screening.family_table import FamilyTable

SPECIAL_ANIMALS = FamilyTable()
_add = SPECIAL_ANIMALS.add

_PESTS = r"(?:lice|fleas|ticks|mites|nits|worms|strike|maggots)"
_ROUTE = (
    r"(?:intravenously|into the vein|iv|im|intramuscularly|subcut\w*|under the skin|into the "
    r"muscle|orally|by mouth)"
)
# Both an overdose and a medication error: a dosing gun set for the wrong amount or not reset.
_GUN_SET_WRONG = r"set (?:on|at|to|for) \d+ ?(?:ml|kg|cc)? instead of \d+|forgot to reset"
_PRODUCE = r"(?:eggs|milk|meat|honey|fish|lambs|cattle|cows|pigs)"

_add(
    SS.OVERDOSE,
    r"(?:ate|eaten|chewed through|got into|scoffed|wolfed) (?:an |the |a )?(?:entire|whole) "
    r"(?:\d+-?pack|pack|tub|box|bag|bottle|tube|packet|sack)|\d+ ?x (?:the )?(?:intended|dose|"
    r"normal|recommended|prescribed)|(?:ten|five|\d+) times (?:the )?(?:intended|normal|"
    r"recommended|prescribed) (?:dose|amount)|"
    + _GUN_SET_WRONG
    + r"|(?:didn't|did not|never) reset|(?:whole|entire|full) \d+ ?kg (?:tube|"
    r"syringe|dose)|(?:pumped|dumped|emptied) the (?:whole|entire|full) (?:[\w-]+ ){0,3}"
    r"(?:solution|stock|sachet|bag)|(?:into|in) the \d+ ?(?:l|litre|liter)s? (?:[\w-]+ ){0,3}"
    r"instead of the \d+|dosis calculada para \d+ (?:kilos|kg)",
)
_add(
    SS.MEDICATION_ERROR,
    r"(?:off|from) the (?:\w+ )?(?:chart|table|line|column|row) (?:[\w']+ ){0,4}instead of the|"
    r"read the wrong (?:line|row|column|chart|label|dose|table)|(?:didn't|did not) see the "
    r"(?:red |treatment |marker )?(?:tape|mark|band|tag|spray mark)|"
    + _ROUTE
    + r" instead of "
    + _ROUTE
    + r"|inadvertent(?:ly)? (?:intravascular|intra-?arterial|intravenous|iv)|"
    + _GUN_SET_WRONG
    + r"|(?:inside|within|before) the "
    r"(?:[\w-]+ ){0,3}(?:withdrawal|withholding)(?: period| time)? (?:was|were|had been) (?:up|"
    r"met|over)|(?:two|three|\d+) days (?:inside|within) the (?:\w+ )?withdrawal|before the "
    r"(?:[\w-]+ ){0,3}(?:of )?withdrawal (?:were|was) met",
)
_add(
    SS.MISUSE,
    r"split (?:one|a|the) (?:[\w-]+ ){0,3}(?:pipette|spot-?on|tablet|tube|syringe) between|"
    r"to (?:hide|mask|cover up) (?:that|the|his|her)|(?:i|we) (?:[\w']+ ){1,8}even though the "
    r"(?:box|label|leaflet|packet|tin|drum) says|(?:label|box|packet|leaflet|tin|drum) says not "
    r"(?:for|above|below|with|before|in|on|to)(?: [\w',]+){0,8} (?:and )?(?:we|i) (?:[\w']+ )"
    r"{0,3}(?:anyway|regardless)|even though the (?:label|box|packet|tin) says not|(?:selling|"
    r"sell|sold|sends?|sent|keeps? selling) (?:the )?" + _PRODUCE + r"(?: [\w']+){0,4} (?:while|"
    r"whilst|when) (?:the |her |his |their )?(?:\w+ )?(?:are|were|is|was) (?:on|still on|"
    r"being treated)|(?:a|en) (?:mis|los|las|sus) (?:cuyes|conejos|gatos|perros|cabras|"
    r"gallinas|ovejas|caballos)(?: \w+){0,6} (?:de|del|para) (?:ovejas|ganado|vacas|caballos|"
    r"perros|gatos)",
)
_add(
    SS.PREGNANCY,
    r"in whelp|due to whelp|in kid|in pup|after the (?:tups?|rams?|bulls?|stallion|boar) went "
    r"in|(?:\d+|two|three|four) (?:weeks?|days?) (?:after|post)[- ](?:tupping|mating|service|"
    r"insemination|covering)",
)
_add(
    SS.BREASTFEEDING,
    r"(?:pups|puppies|kittens|foals|kids|lambs|piglets|calves)(?: [\w']+){0,5} (?:still )?"
    r"(?:suckling|sucking|nursing|latching)",
)
_add(
    SS.LACK_OF_EFFICACY,
    r"(?:label|box|packet|leaflet|tin) says (?:up to |it gives |gives )?\d+ (?:weeks|months|days)"
    r"(?:'|s)? (?:of )?(?:protection|cover)|(?:vaccinated|jabbed|protected) against (?:[\w']+ )"
    r"{1,3}(?:[\w',]+ ){0,12}(?:confirmed|diagnosed|came down with|outbreak)|you can (?:still )?"
    r"see (?:the )?" + _PESTS + r"|still (?:dying|losing (?:birds|fish|lambs|calves|pigs|"
    r"ewes))|(?:salio|quedo|sigue|siguio) igual o peor|no bajo (?:la carga|el conteo|los "
    r"conteos)|no mejoro (?:nada|en nada)",
)
_add(
    SS.ACCIDENTAL_EXPOSURE,
    r"(?:cuddl|strok|hugg|pett)\w*(?: [\w']+){0,3} (?:dog|cat|puppy|kitten)(?: [\w']+){0,6} after "
    r"(?:i |we )?(?:did|put on|applied|gave|treated)|(?:curled up|slept|sleeping|lay|lying) "
    r"(?:with|next to|against) (?:the |our |my )?(?:\w+ )?(?:dog|cat|him|her|labrador)"
    r"(?: [\w']+){0,6} after (?:i |we )?(?:put|did|applied|gave|treated)|(?:curled up|slept) "
    r"with (?:him|her) (?:on|in) the|got into the (?:feed store|feed room|feed shed|shed|store|"
    r"cupboard|bin)(?: [\w']+){0,4} (?:ate|eaten|scoffed)",
)
_add(
    SS.OCCUPATIONAL_EXPOSURE,
    r"stuck (?:myself|the needle (?:into|in) (?:my|the back of my))|needle-?\s?stick|jabbed "
    r"(?:myself|my (?:own )?(?:hand|finger|thumb))|dart (?:rebounded|ricocheted|bounced)",
)
_add(
    SS.INFECTIOUS_AGENT,
    r"(?:stuck|scratched|jabbed|splashed)(?: [\w']+){0,6} (?:live|orf|brucella|newcastle) "
    r"(?:[\w-]+ ){0,3}vaccine",
)
_add(
    SS.ABUSE,
    r"(?:taking|took|taken|using|used|diverting|diverted) (?:it|them|the \w+) for (?:his |her |"
    r"their |my )?(?:own )?personal use",
)
