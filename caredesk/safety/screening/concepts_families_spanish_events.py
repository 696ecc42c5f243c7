"""Special situations in Spanish told by what happened, across Spain, Mexico, the Andes, the
Southern Cone, the Caribbean and US Hispanic customers: "se me olvidó si ya me la había tomado
y me tomé otra", "siguen llenos de pulgas", "estoy lactando", "para alucinar", "se nos acabó y
le dieron convulsiones", "al pesar la hormona le cayó polvo". Read off the misses of a second
all-Spanish batch by an independent writer (eval/contact_center/train_34.txt, written
2026-12-05 before the screener was run on it; first look: special situations 0.54). Text is
accent-folded and lower-cased before matching; merged through concepts_families_lay.py.
"""

from __future__ import annotations

from caredesk.safety.screening.codes import SpecialSituation as SS
from caredesk.safety.screening.family_table import FamilyTable

SPECIAL_SPANISH_EVENTS = FamilyTable()
_add = SPECIAL_SPANISH_EVENTS.add

_FORMS = r"(?:pastillas|tabletas|comprimidos|capsulas|sobres|cucharadas|gotas|dosis)"
_KIN = r"(?:mama|papa|madre|padre|espos[oa]|herman[oa]|abuel[oa]|hij[oa]|vecin[oa]|ti[oa])"
_PESTS = r"(?:pulgas|garrapatas|piojos|liendres|lombrices|gusanos|acaros)"
# Both an overdose and a medication error: the dose for cows or adults given to calves.
_BIG_ANIMAL_DOSE = (
    r"dosis de (?:las |los )?(?:vacas|adultos?|caballos|perros grandes)(?: [\w,]+){0,6} en "
    r"(?:vez|lugar) de"
)

# Forgetting and taking another; two in a day; many in a few hours; twenty at once; the adult
# dose to calves; 5 ml instead of 0.5.
_add(
    SS.OVERDOSE,
    r"(?:se me olvido|no me acorde|no recordaba|olvide)(?: [\w,]+){0,8} (?:me tome|le di|le "
    r"dio|tome|se tomo) otr[oa]|(?:hoy|ayer) (?:me )?(?:tome|tomo|tomamos|le di|le dio) dos "
    r"(?:de|pastillas|veces)|(?:\d+|tres|cuatro|cinco|"
    r"seis) " + _FORMS + r"(?: \w+){0,3} en (?:\d+|dos|tres|una|media) (?:horas?|hora)|(?:tomo|"
    r"tome|se tomo|se tomaron|tomaron|ingirio|se trago|trago|le dio|le di)(?: \w+){0,3} (?:unas |"
    r"unos |como |mas de )?(?:[1-9]\d|veinte|treinta|quince|diez) (?:tabletas|pastillas|"
    r"comprimidos|capsulas)|" + _BIG_ANIMAL_DOSE + r"|en (?:vez|lugar) de 0[.,]\d",
)
_add(SS.MEDICATION_ERROR, _BIG_ANIMAL_DOSE + r"|confundio la jeringa")
# Feeding told by "lactando", "dando teta", a baby "para mamar".
_add(
    SS.BREASTFEEDING,
    r"lactando|dando de lactar|dando (?:la )?teta|doy (?:la )?teta|para mamar",
)
# Pests still on the animals; the morning-after pill and then a positive test; "no me hicieron
# absolutamente nada, como si fuera harina"; a flock vaccinated and then ill of that disease.
_add(
    SS.LACK_OF_EFFICACY,
    r"siguen? (?:llen[oa]s?|cargad[oa]s?|con) (?:de )?" + _PESTS + r"|(?:pastilla|pildora) del "
    r"dia siguiente(?: [\w,]+){0,20} (?:positiv[oa]|embarazada|embarazo)|no me (?:hicieron|hizo|"
    r"hace|hacen) (?:absolutamente |ni )?nada|como si (?:fuera|fueran|tomara) (?:harina|agua|"
    r"caramelos?|dulces?|nada)|(?:vacunamos|vacunad[oa]s?)(?: [\w,]+){0,12} (?:y|pero) "
    r"(?:\w+ ){0,4}(?:presentaron|enfermaron|se enfermaron|dieron positivo|tuvieron)",
)
# Another person's medicine; a haemorrhoid cream under the eyes; a syrup "para que duerma";
# eye drops in the nose; a mouthwash on a wound.
_add(
    SS.MISUSE,
    r"(?:usa|uso|usamos|le da|le doy|toma|tomo) (?:las|los|el|la) (?:\w+ ){0,5}de (?:mi|su) "
    + _KIN
    + r"|(?:pomada|crema) (?:para las |de )?hemorroides (?:debajo de|en|bajo) (?:los|las|mis|"
    r"sus) (?:ojos|ojeras|bolsas|cara|arrugas)|para que (?:duerma|se duerma|no llore|este "
    r"tranquil[oa]|se calme)|(?:gotas|colirio) (?:para los ojos|oftalmicas|de los ojos)"
    r"(?: \w+){0,4} en (?:la|las) (?:nariz|oidos?|oreja)|(?:enjuague|colutorio)(?: \w+){0,3} "
    r"para (?:limpiar|curar|lavar) (?:las )?(?:heridas|cortes|llagas)",
)
# Taken to get high or to relax without a prescription; boxes by the dozen; staff injecting.
_add(
    SS.ABUSE,
    r"para (?:alucinar|drogarse|colocarse|volarse|ponerse|relajarse|relajarme|quedar "
    r"(?:volad[oa]|pasad[oa]))|(?:mas de |unas )?(?:[2-9]\d|\d{3}) cajas (?:este|al|por|en el) "
    r"(?:mes|semana)|inyectandose|se (?:estaba )?inyectando",
)
# Stopping felt: "dejó el clonazepam y ahora no duerme"; run out and then fits; "cuando intento
# dejarlo me dan escalofríos".
_add(
    SS.WITHDRAWAL,
    r"(?:dejo|deje|dejamos|suspendio|suspendi) (?:el|la|los|las|de tomar) "
    r"(?!(?:\w+ ){0,2}(?:ardiendo|rojo|roja|hinchad\w+|pelad\w+|llen[oa]))(?:\w+ ){0,8}(?:y|,) "
    r"(?:ahora|desde entonces|desde ahi)|se (?:nos|me|le) acabo(?: [\w,]+){0,10} (?:y|,) (?:le|"
    r"me|nos) (?:dieron|dio|empezaron|vino)|cuando (?:intento|trato de|quiero) dejarl[oa]s? "
    r"(?:me|le) (?:dan|da|viene|vienen)",
)
# At work: a splash while reconstituting, powder while weighing, a spill while preparing.
_add(
    SS.OCCUPATIONAL_EXPOSURE,
    r"(?:auxiliar|enfermer[oa]|tecnic[oa]|farmaceutic[oa]|veterinari[oa]|operari[oa]) (?:sufrio|"
    r"tuvo) (?:una )?(?:salpicadura|derrame|pinchazo)|(?:preparando|reconstituyendo|pesando|"
    r"aplicando|mezclando|fraccionando)(?: [\w,]+){0,8} (?:me|le) (?:cayo|salpico|salto)|al "
    r"(?:pesar|preparar|reconstituir|mezclar|fraccionar)(?: [\w,()]+){0,10} (?:le|me) cayo",
)
# A cat rubbing against a freshly treated dog; a splash in the eye at home.
_add(
    SS.ACCIDENTAL_EXPOSURE,
    r"(?:se froto|se restrego|lamio|se acosto) (?:con|a|al) (?:el |la )?(?:perr[oa]|gat[oa]) "
    r"(?:recien )?(?:pipetead[oa]|tratad[oa]|desparasitad[oa])|(?:le|me) salpico (?:el|la) "
    r"(?:\w+ ){0,3}en (?:el|los) ojos?",
)
_add(SS.PREGNANCY, r"(?:estaban|estan) prenad[ao]s")
_add(
    SS.INFECTIOUS_AGENT,
    r"contaminad[oa] con (?:micoplasma|bacterias?|salmonella|listeria|hongos?|virus|moho)",
)
_add(SS.COUNTERFEIT, r"proveedor informal|a mitad de precio")
