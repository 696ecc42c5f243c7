"""Special situations in Spanish as people across Latin America and Spain write them, from the
misses of an all-Spanish batch by an independent writer (eval/contact_center/train_25.txt,
written 2026-12-05 before the screener was run on it; first look: special situations 0.49,
adverse events R 0.82, complaints 0.63). Merged into the table through
concepts_families_lay.py; same rules as concepts_families.py: families, not phrases (text is
accent-folded and lower-cased before matching).
"""

from __future__ import annotations

from caredesk.safety.screening.codes import SpecialSituation as SS
from caredesk.safety.screening.family_table import FamilyTable

SPECIAL_SPANISH = FamilyTable()
_add = SPECIAL_SPANISH.add


_FORMS = r"(?:comprimidos|pastillas|tabletas|capsulas|sobres|parches|gotas|dosis|grageas)"
# Both an overdose and a medication error: a weekly dose labelled daily, a volume mistaken
# ("5 ml en vez de 0,5 ml").
_DAILY_NOT_WEEKLY = r"cada dia\W{0,3} en (?:lugar|vez) de\W{0,3} cada semana"
_ML_INSTEAD_OF_ML = r"\d+(?:[.,]\d+)? ?ml (?:\w+ ){0,4}en (?:vez|lugar) de \d+(?:[.,]\d+)? ?ml"
for _code in (SS.OVERDOSE, SS.MEDICATION_ERROR):
    _add(_code, _DAILY_NOT_WEEKLY)
    _add(_code, _ML_INSTEAD_OF_ML)

_add(
    SS.OVERDOSE,
    r"(?:olvid\w+|no me acordaba|no se acordaba)(?: \w+){0,8} (?:me tome|se tomo|tome|tomo|le "
    r"di|le dio|me puse|se puso) otra|se (?:comio|tomo|trago) (?:casi )?(?:toda|todo|la mitad "
    r"de) (?:la caja|el frasco|el blister|el bote|la tira|el pote)|ingiri\w+ (?:intencionalmente "
    r")?(?:\d+|veinte|treinta)|(?:dos|tres|2|3) " + _FORMS + r"(?: [\w']+){0,4} (?:juntos|"
    r"juntas|a la vez|de golpe)|le di de mas",
)
_add(
    SS.MEDICATION_ERROR,
    r"me (?:dieron|vendieron|despacharon|entregaron) (?:\w+ ){1,3}en (?:lugar|vez) de|por "
    r"confusion|me confundi|se confundio|(?:nos|se|me) equivoc\w+|pensando que (?:era|eran) "
    r"(?:la|el|las|los)|(?:por la vena|en la vena|intramuscular|subcutane\w+|debajo de la piel)"
    r"(?: \w+){0,3} en (?:vez|lugar) de|de otro (?:residente|paciente|interno|abuelo)",
)
_add(
    SS.MISUSE,
    r"(?:spray|gotas|descongestionante)(?: [\w']+){0,6} desde hace (?:como |unos |mas de )?"
    r"(?:\d+|dos|tres|cuatro|cinco|seis) (?:meses|anos)|con (?:un vaso de |una copa de |unas? )?"
    r"(?:vino|alcohol|cerveza|chelas?|trago|tragos) para que|para que me hagan? mas efecto|del "
    r"(?:perro|gato|caballo) en (?:mis|mi)|(?:mastico|machaco|parto|muelo) (?:los |las )?"
    + _FORMS
    + r" de liberacion (?:prolongada|modificada)|como crema de (?:cara|manos|cuerpo)|(?:cortisona|"
    r"corticoide)(?: \w+){0,4} (?:todos los dias|a diario)",
)
_add(
    SS.ABUSE,
    r"para (?:sentirse|sentirme|estar) (?:bien|volad\w+|drogad\w+|arriba|pasad\w+)|subidon|me "
    r"inyecto (?:\w+ ){0,4}machacad\w+|machaca\w+ y (?:me )?(?:lo |la )?(?:inyect|esnif)\w+|"
    r"(?:en|para) las fiestas|pastis|se (?:las |los )?meten (?:las |los )?",
)
_add(
    SS.PREGNANCY,
    r"(?:quede|salio|salí|quedo|resulto) embarazada|(?:quede|quedo) en estado|estoy en estado",
)
_add(
    SS.LACK_OF_EFFICACY,
    r"(?:igual|igualmente|de todas formas|aun asi) se (?:nos |le |les |me )?(?:enferm|contagi|"
    r"infect)\w+|puro cuento|no (?:le |me )?sirve(?:n)? para nada|ni se inmuto|no (?:me |le )?"
    r"(?:hace|hizo) (?:nada|efecto)|como si nada|(?:no sirvieron|no funcionaron)\W+(?:\w+ ){0,3}"
    r"(?:quede|salio) embarazada",
)
_add(
    SS.OFF_LABEL_USE,
    r"(?:que es|que son) (?:para|de) (?:caballos|perros|gatos|vacas|bovinos|adultos|cerdos)|no "
    r"contemplad[oa] en la ficha|(?:fuera de|no incluid[oa] en) (?:la )?ficha|(?:yo )?(?:presion|"
    r"diabetes|epilepsia|depresion) no tengo|no tengo (?:presion|diabetes|epilepsia)",
)
_add(
    SS.OCCUPATIONAL_EXPOSURE,
    r"trabajo en (?:la |una |el )?(?:fabrica|planta|farmacia|granja|laboratorio|criadero|"
    r"hospital|clinica|veterinaria)[^.]{0,80}(?:me salio|me salieron|inhale|me pinche|me cayo|"
    r"me salpico|respire|me dio|me entro)|me pinche (?:el dedo|la mano)|mientras vacunaba|"
    r"(?:inhale|aspire|respire|trague) el polvo|al (?:triturar|mezclar|preparar|moler|fraccionar)",
)
_add(
    SS.WITHDRAWAL,
    r"se (?:quedo|quedaron) sin (?:las |los |sus |el |la )?(?:pastillas|comprimidos|"
    r"medicamentos|remedios|parches|medicina)|me quede sin (?:las |los |mis |el |la )?"
    r"(?:pastillas|comprimidos|medicamentos|remedios|parches|medicina)|se (?:le|me|les) acabo "
    r"(?:el|la|las|los)|cada vez que (?:lo|la|las|los) dejo",
)
_add(
    SS.COUNTERFEIT,
    r"(?:tianguis|mercado libre|la feria|la calle|un puesto|el mercado|un vendedor ambulante)"
    r"(?: \w+){0,6} como si fuera|como si fuera (?:la|el|las|los) de ustedes|(?:me|le) "
    r"(?:vendieron|vendio)(?: \w+){0,6} (?:en|por) (?:el |la |un )?(?:tianguis|mercado|feria|"
    r"calle|puesto|facebook|instagram)",
)
