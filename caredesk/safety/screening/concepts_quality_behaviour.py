"""Complaint and tampering families told by what a device or a pack did: readings that jump
("62, then 99, then 71"), nothing coming out, a channel giving nothing at any level, a pen that
fired on its own or out of the wrong end, a counter stuck at 60, a cuff that would not release,
a child lock that clicked open, seams that came apart, a box of 30 with 25 inside, a dead
beetle in a sealed bag, a tamper ring already snapped. Read off the misses of the twentieth and
twenty-first writers' batches (eval/contact_center/train_31.txt, complaints and devices, and
train_32.txt, a global week in many Englishes; written 2026-12-05 before the screener was run on
them; first looks: complaints 0.75 and 0.87). Same rules as concepts_quality_families.py.
"""

from __future__ import annotations

from caredesk.safety.screening.codes import ComplaintCategory as C

_READ = r"(?:giving|gives|gave|reads|read|says|said|shows|showed|showing|da|marca|dio|marco)"
_THEN = r"(?:then|and then|y (?:al minuto|luego|despues)|al minuto|then a minute later)"
_GADGET = (
    r"(?:termometro|tensiometro|oximetro|glucometro|medidor|aparato|nebulizador|bomba|"
    r"inhalador|pistola|jeringa|dosificador|aplicador)"
)
_INJECTOR = r"(?:pen|injector|auto-?injector|pricker|lancet device|vaccinator|gun)"

COMPLAINT_BEHAVIOUR: dict[C, str] = {
    C.DEVICE_MALFUNCTION: (
        _READ + r" (?:me |him |her )?\d+(?: de \w+)?,? " + _THEN + r"(?: \w+){0,2} \d+|"
        r"\d+(?:[.,]\d+)? for me,? \d+(?:[.,]\d+)? for|"
        r"nothing (?:comes|came|coming) out|no (?:mist|spray|medicine|insulin|liquid) (?:at all|"
        r"comes out|came out)|(?:gives|giving) nothing at (?:any|all) (?:level|setting)|"
        r"(?:channel|side) \d (?:is |that's |that is )?(?:dead|not working)|"
        r"(?:safety |blue |orange )?cap (?:wouldn't|would not|won't|will not) come off|"
        r"blows up like a balloon|(?:shows?|showing|says|reads) \W?no (?:chip|signal|reading|"
        r"result|delivery)|"
        r"(?:goes|went|fires?|fired|goes off|went off|triggers?|triggered|jumped)(?: [\w']+){0,6} "
        r"on (?:its|it's) own|(?:fired|went off|discharged)(?: \w+){0,3} (?:out of |from )?the "
        r"wrong end|" + _INJECTOR + r"(?: [\w']+){0,4} (?:didn't|did not|wouldn't|would not|won't|"
        r"failed to) (?:fire|click|inject|activate|go off)|it (?:didn't|did not|wouldn't) fire|"
        r"jumped from \d+ (?:straight )?to \d+|"
        r"(?:counter|contador|dial|display|pantalla)(?: \w+){0,3} (?:stuck|trabad[oa]|"
        r"atascad[oa]|frozen|congelad[oa]|se quedo \w+) (?:\w+ )?(?:at|on|en) \d+|"
        r"(?:cuff|band|strap|monitor|machine)(?: [\w']+){0,8} (?:didn't|did not|wouldn't|would "
        r"not|won't) (?:release|let go)|(?:didn't|did not|wouldn't|would not|won't) (?:deflate|"
        r"stop inflating)|"
        r"needle (?:detached|came off|came loose|snapped|broke off)|"
        r"(?:jet|stream|squirt) (?:[\w-]+ ){0,4}instead of (?:a )?(?:mist|spray|fine spray)|"
        r"(?:nick|tear|rip|split|crack) in the edge|"
        + _GADGET
        + r"(?: [\w']+){0,8} no (?:prende|enciende|arranca)|(?:pistola|jeringa|dosificador|"
        r"aplicador|inhalador|bomba)(?: \w+){0,3} (?:pierde|gotea)"
    ),
    C.APPEARANCE: (
        r"(?:huele|huelen|olia|olian|olor) (?:a |como a )?(?:rancio|pescado|aceite viejo|fatal|"
        r"raro)|(?:blandas|blandos|pegajos[oa]s|derretid[oa]s) y (?:pegajos[oa]s|blandas|"
        r"blandos)|se deshacen en (?:los|las) (?:dedos|manos)|smells? like fish|tacky to (?:the )?"
        r"touch|crumbles? (?:to|into) (?:powder|dust|bits)"
    ),
    C.PACKAGING: (
        r"seams?(?: \w+){0,4} (?:have |has |had )?(?:come apart|split|burst)|"
        r"(?:weeping|leaking|seeping|dripping) (?:at|from) (?:the )?(?:administration )?(?:port|"
        r"seam|crimp|join)|(?:came|arrived|comes) without (?:its|their) (?:\w+ )?(?:cap|lid|"
        r"mouthpiece|needles?|syringe|mask|leaflet)|leaflet (?:also |is |was )?missing|"
        r"split (?:at|along) the seam|child(?:-proof| lock| resistant| safety)?(?: cap| lid| "
        r"lock| closure)?(?: \w+){0,2} (?:just )?(?:clicked|popped) (?:open|off)"
    ),
    C.LABELING: (
        r"(?:says|reads) (?:(?:lot|batch|exp\w*|ndc|gtin) (?:no\.? |number )?[\w/-]*\d[\w/-]*|"
        r"[a-z]+-?\d[\w/-]*),? but the (?:[\w']+ ){0,5}"
        r"(?:says|reads|shows)|front (?:of the (?:\w+ )?)?says(?: [\w']+){0,6},? (?:but )?the "
        r"(?:\w+ ){0,3}(?:on the )?back says|"
        r"(?:expiry|exp|lot|batch)(?: date)? on the (?:\w+ )?(?:strip|blister|vial|tube|bottle|"
        r"box|carton|pack)(?: is)? [\w/-]+,? but the (?:\w+ )?(?:carton|box|pack|outer|strip|"
        r"blister|vial|tube|bottle) (?:says|is|reads)|"
        r"marcad[oa] solo en|(?:only marked|marked only) in"
    ),
    C.QUANTITY: (
        r"(?:box|pack|tub|bottle|carton|bag) of \d+(?: [\w-]+){0,3},? (?:only|just) \d+ (?:inside|"
        r"in it|in there|in the (?:box|pack))|labell?ed \d+ (?:per|a|in each) (?:pack|box|bag|"
        r"carton),? (?:only )?\d+ (?:received|inside|in)|(?:half|some|two|three|several) (?:of )?"
        r"the (?:blister )?pockets (?:[\w']+ ){0,5}(?:were|are) empty"
    ),
    C.FOREIGN_MATTER: (
        r"(?:dead|live) (?:insect|beetle|fly|bug|moth|spider|ant|weevil)s?|fuzzy (?:thing|stuff|"
        r"growth|bits|white|green)|like mou?ld"
    ),
}

TAMPERING_BEHAVIOUR = (
    r"tamper[- ](?:ring|band|seal|evident \w+)(?: [\w']+){0,4} (?:was |were )?(?:already )?"
    r"(?:snapped|broken|cut|missing|torn)"
)
