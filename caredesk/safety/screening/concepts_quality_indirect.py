"""Complaint and tampering families from the misses of a third training batch written by an
independent writer (eval/contact_center/train_14.txt, 2026-12-05, before the screener was run
on it; first look: tampering 0.68, complaints 0.85): tampering told by its traces and by threats
on social media and in Spanish; look-alike labels and packs, contamination found in unopened
product, missing leaflets, tastes and layers. Same rules as concepts_quality_families.py.
"""

from __future__ import annotations

from caredesk.safety.screening.codes import ComplaintCategory as C

_CONTAINER = r"(?:boxes|packs|bottles|packets|jars|tubs|cartons|pots|vials|tubes)"
TAMPERING_INDIRECT = (
    r"(?:looks?|looked|as if|like) (?:a )?(?:needle|pin|syringe) (?:went|had gone|has gone|was "
    r"pushed|was put) (?:through|in|into)|(?:someone|somebody)(?:'s| has| had) been at (?:it|"
    r"them|the \w+)|(?:tasted|tastes|taste|smelled|smells|smelt) (?:\w+ ){0,3}(?:like|of) (?:nail "
    r"polish remover|acetone|paint stripper|turps|chemicals|battery acid)|(?:'s|has|have|had) "
    r"been (?:re-?filled|watered down|diluted)|(?:gr[ae]y|brown|black|green|blue|different|"
    r"gritty) (?:gritty |fine |coarse )?powder (?:instead of|not|rather than) (?:the )?(?:white|"
    r"usual|normal|right)|se nota que (?:la|las|lo|los) (?:abrieron|han abierto|habian abierto|"
    r"manipularon)|(?:abrieron|abierto|abiertas|abiertos) y (?:cerraron|cerrado|cerradas|"
    r"cerrados|pegaron|pegado)|(?:crimp|caps|lids|seals|foils)(?: \w+){0,2} (?:had been|have "
    r"been|has been|were|was) (?:lifted|prised|pried|bent back|peeled back)|(?:full of|covered "
    r"in|with) (?:tiny |small )?(?:needle|pin|syringe) (?:marks|holes|pricks|punctures)|"
    r"(?:opening|opened) (?:them|it|the \w+|" + _CONTAINER + r") and (?:putting|put|adding|added|"
    r"dropping|slipping) (?:\w+ ){0,2}(?:inside|in)|demand\w* (?:for )?(?:money|payment|cash|"
    r"bitcoin|crypto|a ransom)|demanding [$£€]?[\d,.]+k?(?: \w+)? or|si no (?:depositan|pagan|"
    r"transfieren|pagais|paga)|abrieron con (?:cuter|cutter|navaja|cuchilla|tijeras)|(?:otro|"
    r"distinto|diferente) grabado|(?:different|wrong|another) (?:imprint|embossing)|left (?:a "
    r"|some )?(?:surprise|something|present|gift) in (?:a |the |your |some )?(?:batch|bottles?|"
    r"products?|stock|boxes|line)|(?:a |one )?used (?:stick|test|needle|syringe|strip|lancet)"
    r"(?: [\w',]+){0,4} (?:inside|in) (?:the |a )?(?:box|pack|carton)|inside the box(?: [\w',]+)"
    r"{0,6} (?:was|were|there was|there were) a used|(?:opening|opened|open) (?:the )?"
    r"(?:boxes|packs|bottles|packets)(?: [\w']+){0,6} (?:and )?(?:putting|put|placing) them back|"
    r"alguien (?:le )?(?:esta|estaba|anda) (?:echando|poniendo|metiendo|inyectando) (?:algo|"
    r"veneno|cosas)|(?:razor|knife|blade|clean|neat|straight) (?:cuts?|slits?|slices?)"
    r"(?: \w+){0,4} (?:box|boxes|carton|cartons|pack|packs|seal|film|wrap)|(?:ring|line|trace|"
    r"smear|bead) of (?:glue|adhesive|superglue)(?: \w+){0,3} (?:round|around|on|at) (?:the )?"
    r"(?:neck|cap|lid|seal|top)|label(?: \w+){0,4} (?:like|as if|as though) (?:it|someone) "
    r"(?:was|had been|has been|had) (?:taken|peeled|removed) (?:it )?off"
)

COMPLAINT_INDIRECT: dict[C, str] = {
    C.LABELING: (
        r"(?:are|look|looks) (?:exactly |almost |nearly )?(?:the same|identical|too similar)"
        r"(?: [\w']+){0,4} (?:tiny|small) print|(?:the same|identical) (?:colou?r|gr[ae]y|"
        r"packaging|box|design) (?:with|and) (?:tiny|small|the same) print|(?:etiqueta|frasco|"
        r"caja|prospecto|label|bottle|box|leaflet|carton)(?: \w+){0,3} (?:dice|says|reads|states) "
        r"[\"']?[\w ]{1,30}[\"']?,? (?:pero|but|while|and|whereas) (?:la|el|the) (?:caja|etiqueta|"
        r"frasco|prospecto|box|label|bottle|leaflet|carton|outer)(?: \w+){0,3} (?:dice|says|"
        r"reads|states)|(?:labell?ed|says|reads|marked) \d+(?:\.\d+)? ?(?:mg|mcg|ml|g|%)"
        r"(?:/\d+ ?ml)?,? (?:but |while |and |whereas )?(?:the )?(?:bottles?|packs?|vials?|boxes|"
        r"tablets|blisters?|strips?)(?: inside)? (?:say|says|are|read|reads|marked) \d|"
        r"(?:printed|marked|placed) in the wrong (?:place|position|spot)"
    ),
    C.FOREIGN_MATTER: (
        r"(?:cultures?|swabs?|lab|tests?)(?: [\w']+){0,4} (?:from|of|on) (?:the )?unopened "
        r"(?:\w+ )?(?:bottles?|packs?|vials?|product|tubes?)(?: [\w']+){0,3} (?:positive|grew|"
        r"grow)|(?:grew|cultured|isolated|found)(?: [\w']+){0,4} (?:from|in) (?:an? )?unopened"
    ),
    C.PACKAGING: (
        r"(?:pipettes?|ampoules?|vials?|sachets?|tips?|caps?|tabs?|seals?|foils?)(?: [\w']+){0,3} "
        r"(?:won't|doesn't|didn't|will not|wouldn't|don't) (?:snap|break|twist|tear|peel|pop)"
        r"(?: off| open)?|(?:vino|venia|llego|viene) sin (?:el |la )?(?:prospecto|folleto|"
        r"instrucciones|tapa|dosificador|jeringa|vasito)|(?:came|arrived|comes) without (?:the |a "
        r"|any )?(?:leaflet|insert|instructions|measuring (?:cup|spoon|syringe)|cap|dosing (?:cup|"
        r"syringe)|spacer)"
    ),
    C.APPEARANCE: (
        r"(?:separado|separada|separated) (?:en|into) (?:dos|two|2) (?:capas|layers)|huele "
        r"(?:agrio|raro|mal|a podrido)|(?:taste|tastes|flavour|flavor)(?: [\w']+){0,4} (?:very |"
        r"completely |totally )?(?:different|off|wrong|bitter|funny|strange)(?: [\w']+){0,2} "
        r"(?:this|from the last|than (?:the )?(?:last|usual|before))"
    ),
    C.DEVICE_MALFUNCTION: (
        r"(?:glucometro|medidor|tensiometro|termometro|aparato|meter|monitor)(?: \w+){0,2} "
        r"(?:marca|shows?|reads?|says|gives)(?: [\w'\"]+){0,6} (?:con otro|with another|on "
        r"another)"
    ),
    C.QUANTITY: (
        r"\d+[- ]count(?: [\w']+){0,4} (?:with|containing|had|have|has) (?:only )?\d+|(?:holds|"
        r"contains|has|had|held|contained) \d+ (?:\w+ )?instead of \d+"
    ),
}
# Said in passing (eval/contact_center/train_15.txt, a fourth independent batch).
COMPLAINT_INDIRECT[C.PACKAGING] += (
    r"|(?:cap|lid|closure)(?: [\w'-]+){0,4} (?:just )?(?:spins|turns|goes) (?:round|around)|"
    r"(?:never|doesn't|does not) (?:locks?|clicks?)|(?:flap|flaps|end|ends|seam)(?: [\w']+){0,3} "
    r"(?:unglued|unstuck|hanging open|not glued|came unstuck)"
)
COMPLAINT_INDIRECT[C.LABELING] += (
    r"|(?:expiry|exp|use by|best before)(?: [\w']+){0,4} (?:3[01]/0?2|31/0?[469]|31/11)/|"
    r"(?:missing|left off|absent)(?: [\w']+){0,2} (?:from|on) the (?:label|leaflet|box|carton|"
    r"pack)|(?:box|label|carton|pack)(?: \w+){0,3} says [\w .,/-]{1,40} but the (?:leaflet|"
    r"insert|label|box|bottle)(?: \w+){0,3} says"
)
COMPLAINT_INDIRECT[C.FOREIGN_MATTER] += (
    r"|(?:bristle|hair|fibre|fiber|thread)s? (?:\w+ ){0,2}(?:embedded|stuck|baked|set) (?:right |"
    r"deep |firmly )?in(?:to|side)?|trozo de (?:plastico|vidrio|cristal|metal|goma|papel|madera)"
)
COMPLAINT_INDIRECT[C.APPEARANCE] += r"|hech[oa]s? polvo|desmoronad[oa]s?|deshech[oa]s?"
COMPLAINT_INDIRECT[C.DEVICE_MALFUNCTION] += (
    r"|(?:shows?|showing|displays?|flashing|flashes|gives?) (?:an? )?(?:error )?(?:code )?[\"']?"
    r"(?:e|err|er|f)-?\d{1,3}[\"']?(?![\w'])|(?:deflates|stops|cuts out|switches off) (?:halfway|"
    r"midway|half way|part way)|(?:clicked|pressed|fired)(?: [\w']+){0,3} (?:but|and) nothing "
    r"(?:came out|happened|was delivered)|(?:da|marca|muestra) (?:valores|lecturas|resultados|"
    r"numeros) (?:distintos|diferentes|muy distintos)"
)
