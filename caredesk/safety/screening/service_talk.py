"""Harm words said of a service, not of a product: "the price made me sick", "the hold music is
giving me a migraine", "side effect of your new app", "an overdose of emails".

Why a gate rather than more idioms: customer-service writers use every harm word as a figure of
speech about prices, waits, websites and calls, and the idiom list never ends. A harm in a
sentence that names such a service thing, and no product, dose, use or clinician, is read as a
figure of speech; so are an overdose, a withdrawal, misuse, abuse, lack of efficacy or a
medication error said there or in a message that is about a service only ("the 4-week
subscription is too much", "my points still haven't gone through"). A sentence that also names
a product or its use ("since your app told me to double the dose I've had a headache") keeps
its findings.
"""

from __future__ import annotations

import re
from functools import lru_cache

from caredesk.safety.screening.service_talk_figures import FIGURATIVE_MORE
from caredesk.safety.screening.text import Sentence

_SERVICE = (
    r"price|prices|pricing|cost|delivery (?:charge|fee|cost|driver|slot|date)|postage|shipping "
    r"(?:cost|fee|charge)|fees?|bill|invoice|cancellation|(?:the|a|that|this|\d+[- ]\w+) wait|"
    r"wait(?:ing)? times?|waiting (?:list|for (?:my|the|a|your|an) (?:order|parcel|refund|call|"
    r"reply|delivery|package|answer|agent))|queue|hold music|on hold|"
    r"app|app update|website|web site|web ?page|web ?shop|portal|chatbot|chat bot|bot|"
    r"customer service|call centre|call center|phone call|phone line|emails?|newsletters?|"
    r"subscription|basket|cart|log ?in|login|logging in|checkout|voucher|coupon|promo|discount "
    r"|gift ?cards?|gift vouchers?|store credit|tarjeta(?: de)? regalo|cheque|(?:store|pharmacy|"
    r"shop) (?:finder|locator)|map|reviews?|offers?|oferta|instagram|facebook|tiktok|social "
    r"media|giveaway|competition|sorteo|logo|merch|tote bags?|careers page|recycling|google|"
    r"(?:one|two|three|four|five) stars?|ratings?|registry|gift list|wish ?list|baby list|"
    r"accounts|parking|car park|unsubscrib\w*|mailing list|"
    r"code|promo code|refund|order history|layout|logo|loyalty|points|scheme|password|account|"
    r"tracking|courier|parcel|returns? (?:portal|process|policy|form|label)|sale|discount|"
    r"advert|ads|marketing|spam|ivr|(?:phone |automated |call )?menus?|helpline|switchboard|"
    r"precio|precios|gastos de envio|factura|la espera|pagina web|aplicacion|correos?|"
    r"reembolso|suscripcion|esperar|esperando|al telefono|telefono|llamada|llamadas|(?:my|your|"
    r"the|our|this|an|last) order|order (?:number|no|status|confirmation|#|is|was|has|hasn't|"
    r"still|arrived|never)|mi pedido|el pedido|you(?:'ve| have)? sent|you shipped|(?:was|were) "
    r"(?:sent|dispatched|shipped)|complaint (?:number|reference|ref)|complained (?:last|to you|"
    r"before|already|twice|again)|since i complained"
)
SERVICE = re.compile(r"(?<![\w'])(?:" + _SERVICE + r")(?![\w'])")
# A product, a dose, its use or a clinician: then the harm may be real. (Body parts are not
# enough: "a sore throat from shouting at your phone menu".)
_HEALTH = (
    r"pills?|tablets?|tabs|capsules?|caplets?|softgels?|gumm(?:y|ies)|chews?|lozenges?|"
    r"medicines?|medications?|meds|drugs?|doses?|dosing|dosage|cream|gel|ointment|lotion|drops|"
    r"syrup|spray|inhaler|injections?|jabs?|vaccines?|shots?|patch(?:es)?|supplements?|"
    r"vitamins?|probiotics?|wormer|collar|spot-on|insulin|pen|needle|syringe|product|nicotine|"
    r"take|takes|took|taken|taking|apply|applied|applying|swallow\w*|inject\w*|"
    r"gave (?:him|her|it|them|the)|since (?:starting|taking|using)|after (?:taking|using|"
    r"starting|the first|the second)|doctor|gp|nurse|hospital|a&e|er|pharmacist|vet|"
    r"prescriptions?|pharmacy|batch|lot|strengths?|formulation|\d+ ?(?:mg|mcg|ml|g|iu|units?)|"
    r"mg|mcg|ml|chemist|clinic|appointment|pump|meter|monitor|sensor|device|cgm|pastillas?|medicamentos?|"
    r"jarabe|crema|gotas|dosis|tome|tomar|tomando|pt|c/o|sx|hx|rx|appl|patient|caller's|sachets?|"
    r"tinctures?|linctus|drench|premix|pomadas?|corticoides?|comprimidos?|capsulas?|inhalador|"
    r"parches?|sobres|suplementos?|vitaminas?|vacunas?|inyecci\w+|ampollas?|tabletas?|colirios?|"
    r"supositorios?|pipetas?|antiparasitarios?|desparasitantes?|remedios?"
)
HEALTH = re.compile(r"(?<![\w'])(?:" + _HEALTH + r")(?![\w'])")
# Always figures of speech, whatever else the sentence says.
FIGURATIVE = re.compile(
    r"(?<![\w'])(?:over-?dose of (?:\w+ )?(?:emails?|messages?|texts?|calls?|spam|ads|adverts?|"
    r"marketing|notifications?|newsletters?|junk|paperwork|admin|meetings?|information|info)|"
    r"sobredosis de (?:\w+ )?(?:correos?|mensajes?|publicidad|llamadas|emails?|"
    r"notificaciones|spam)|sick to death of|bleed(?:s|ing)? (?:\w+ ){1,3}dry|"
    r"pain in the (?:backside|arse|bum|rear)|fever of (?:excitement|anticipation)|"
    r"(?:box|parcel|package|packaging|carton|transit|shipping|courier|delivery|cosmetic|water|"
    r"storm|flood) damage|flat (?:\d+\w?|[a-z]|number)|(?:anti-)?(?:[a-z]+ )?[a-z]+ (?:pads|pants|"
    r"liners|dressings|plasters|bandages|gloves|wipes|test strips|kits?|bands?|wristbands?|"
    r"bracelets?|sleeves?|stockings|supports?|insoles|pillows?|chewables|granules|rub|roll-ons?|balm|"
    r"pad|liner|dressing|plaster|bandage|glove|wipe|range)|"
    r"overdosed (?:with|on) (?:\w+ )?(?:bubble wrap|packaging|emails?|spam|plastic|paper|"
    r"cardboard|offers|ads|texts?)|(?:to stop|to prevent|to avoid|against|protect\w* (?:against|"
    r"from)|anti-?) (?:fakes|counterfeits?|counterfeiting|forgeries|copies)|counterfeit-?proof|"
    r"anti-?counterfeit\w*|(?:black friday|shopping|cabin|football|sale|christmas|spring|gold|"
    r"saturday night|world cup|election) fever|pain points?|sick (?:note|leave|pay|days?)|off "
    r"sick|call(?:ed|ing)? in sick|sickness (?:absence|policy|leave)|(?:crushed|squashed|"
    r"pressed|folded) flat|flat-?pack(?:ed)?|reaction to (?:the |your |our )?(?:new )?(?:brand|"
    r"colou?rs|logo|design|campaign|ad|advert|launch|news|announcement|changes?|sale|store|shop|"
    r"website|app)|(?:customer|public|market|initial|first|great|positive|mixed) reactions?|"
    r"(?:reviews?|ratings?|accounts?|profiles?|websites?|sites?|pages?|offers?|emails?|"
    r"giveaways?|competitions?|ofertas?|cuentas?|perfiles?)(?: [\w']+){0,6} (?:are|is|were|was|"
    r"look|looks|seem|seems|son|es) [\"']?(?:fake|falsas?|falsos?|a scam|phishing|bogus)|fake "
    r"(?:reviews?|accounts?|profiles?|websites?|sites?|pages?|offers?|emails?|giveaways?|order)|"
    r"(?:oferta|cuenta|pagina|perfil) [\"']?fals[oa]|mix-?up (?:with|on|in|over) (?:my |the |our |"
    r"your |two )?(?:orders?|accounts?|bills?|billing|invoices?|payments?|charges?|refunds?|"
    r"deliver(?:y|ies)|address(?:es)?|names?)|mix-?up(?:[:,]| -)? (?:i|we) (?:got|was|were) "
    r"(?:charged|billed|sent|invoiced)|(?:is|was|are|were|'s) (?:a |an )?(?:absolute |total |"
    r"complete |real |bit of a |such a )?nightmare|(?:the|an?|my|our|empty|upstairs|downstairs|"
    r"next door|old|new|rented|council|student) (?:\w+ )?flat(?! (?:feeling|mood))(?!-?\s?lin)|"
    r"flat (?:upstairs|downstairs|above|below|next door)|pregnancy (?:vitamins|tests?|"
    r"multivitamins|supplements|pillows?|range|products|tea|support|massage|oil|yoga|classes)|"
    r"(?:bump|stretch mark|maternity|prenatal|antenatal) (?:massage )?(?:oil|cream|vitamins|range|"
    r"clinic|class(?:es)?|pads|bras?|wear|unit)|baby shower|parent ?craft|expired stock|"
    r"destruction certificates?|(?:sent|send|returned|return|returning) (?:back )?(?:the |"
    r"our )?expired|(?:took|picked up|grabbed|brought) the wrong (?:bag|basket|trolley|"
    r"parcel) home|compr\w* por error|(?:bought|ordered|purchased) (?:\w+ ){0,4}by mistake|"
    r"bleeding (?:money|cash|customers|staff|sales)|(?:price|prices|price rise|price increase|"
    r"cost|bill|invoice|paperwork|admin|queue|wait)(?: [\w']+){0,6} (?:gave|gives|"
    r"giving) me (?:a |an )?(?:proper |real |right |massive |bit of a |splitting )?headache|"
    r"(?:sales|demand|trading|business|market|interest|activity)(?: \w+){0,6} (?:have been|"
    r"has been|is|are|was|were) feverish|feverish (?:demand|sales|trading|activity|pace))"
    r"(?![\w'])"
)


# Buying, ordering, returning, cancelling: a message about these and nothing of a product's use
# holds no amount or mix-up of a medicine ("I ordered two boxes instead of one", "return the
# double pack I bought by mistake"). Only the special-situation gate asks: "I bought the face
# wash and got a rash" still reports a harm.
PURCHASE = re.compile(
    r"(?<![\w'])(?:order(?:ed|ing)?|bought|buy(?:ing)?|purchas(?:e|ed|ing)|return(?:ed|ing)?|"
    r"cancel(?:led|ling|ed)?|basket|cart|checkout|charged|pedi|pedido|compre|devolver)(?![\w'])"
)


def about_a_purchase(norm: str) -> bool:
    """The text names buying, ordering or returning, and nothing of a product's use or a
    clinician."""
    return PURCHASE.search(norm) is not None and HEALTH.search(norm) is None


def figurative_spans(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans in norm[start:end] that are figures of speech whatever the context."""
    return [
        (m.start(), m.end())
        for rx in (FIGURATIVE, FIGURATIVE_MORE)
        for m in rx.finditer(norm, start, end)
    ]


def about_a_service(norm: str, sentence: Sentence | None = None) -> bool:
    """The sentence (or, without one, the whole text) names a service thing and nothing of a
    product, its use or a clinician."""
    return _service_only(norm if sentence is None else norm[sentence.start : sentence.end])


@lru_cache(maxsize=1024)
def _service_only(text: str) -> bool:
    # Cached: the harm rules, the AE model's reader and the special-situation gate ask about
    # the same sentences.
    return SERVICE.search(text) is not None and HEALTH.search(text) is None
