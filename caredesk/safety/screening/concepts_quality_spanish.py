"""Complaint and tampering families in Spanish, from the misses of an all-Spanish batch by an
independent writer (eval/contact_center/train_25.txt, written 2026-12-05 before the screener
was run on it; first look: complaints 0.63, tampering 5/9). Same rules as
concepts_quality_families.py (text is accent-folded and lower-cased before matching).
"""

from __future__ import annotations

from caredesk.safety.screening.codes import ComplaintCategory as C

COMPLAINT_SPANISH: dict[C, str] = {
    C.PACKAGING: r"no traba|gira (?:y gira )?en falso|gira y gira",
    C.LABELING: (
        r"(?:prospecto|etiqueta|caja|instrucciones)(?: \w+){0,3} (?:vino|vinieron|llego|llegaron) "
        r"(?:solo |solamente )?en (?:aleman|frances|ingles|italiano|portugues|chino|polaco|ruso|"
        r"arabe|otro idioma)|(?:etiqueta|caja|prospecto|rotulo)(?: [\w']+){0,3} (?:dice|decia|"
        r"pone)(?: [\w'\"-]+){1,8},? pero (?:\w+ ){0,3}(?:contiene|contienen|trae|traen|tiene|"
        r"tienen|son|es)"
    ),
    C.FOREIGN_MATTER: (
        r"particulas (?:\w+ )?flotando|flotando (?:unas |unos )?(?:particulas|cosas|pelusas)|"
        r"(?:gorgojos|gusanos|bichos|insectos|hormigas|cucarachas)(?: \w+){0,3} (?:adentro|dentro|"
        r"en el|en la)|(?:sedimento|poso|residuo) (?:\w+ )?(?:en el fondo|al fondo)|(?:cultiv\w+|"
        r"aisl\w+)(?: \w+){0,4} (?:la botella|el frasco|el vial|del frasco|del vial|de la botella)|"
        r"(?:salio|aislo|aislaron|encontro|encontraron) una bacteria|"
        r"(?:insecto|bicho|hormiga|mosca|gusano)s?(?: [\w()]+){0,5} flotando|(?:pelo|cabello|"
        r"hilo)s? flotando en (?:el|la) (?:jarabe|frasco|botella|liquido|solucion|suero|gotas|"
        r"colirio|vial|ampolla|envase)"
    ),
    C.APPEARANCE: (
        r"(?:siempre son|siempre es|antes (?:eran|era))(?: \w+){0,4}(?:,? (?:y )?ahora| ahora)|"
        r"puntitos|manchitas|manchas (?:cafes|negras|verdes|blancas|marrones)|sabor (?:amargo|"
        r"raro|extrano|metalico|a (?:monedas|metal|cloro|quimico))|(?:salio|vino|esta|estaba) "
        r"(?:toda |todo )?separad[oa]|grumos duros"
    ),
    C.DEVICE_MALFUNCTION: (
        r"no disparo|apret\w+ y apret\w+|(?:la aguja )?nunca salio|corrientazo|descarga (?:fuerte|"
        r"electrica)|marca \d+ (?:grados )?a todo el mundo|(?:marca|da) siempre lo mismo|"
        # a second all-Spanish batch (train_34): "marca 82-84 a todos en la casa"
        r"(?:marca|da) \d+(?:[-\u2013]\d+)? a todos"
    ),
    C.QUANTITY: (
        r"(?:dice|decia|pone) \d+ (?:\w+ )?y (?:conte|habia|vinieron|venian|trae|traia) (?:solo )?"
        r"\d+"
    ),
}

TAMPERING_SPANISH = (
    r"(?:habia|venian|eran) otras pastillas|no (?:son|eran) las de ustedes|meterle algo|(?:voy a|"
    r"va a|vamos a) (?:meter|poner|echar)(?:le|les)? (?:algo|agujas|veneno|agua)|inyectar agua "
    r"en|(?:tapa|sello|precinto) ya (?:abiert[oa]|rot[oa])|sabia a (?:cloro|lejia|gasolina|"
    r"quimico)"
)
