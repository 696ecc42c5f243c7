"""Context that decides whether a product-problem wording is a complaint about *our* product:
ordinary merchandise, a shipping box, a web shop or a threat are not.

Each gate is written against a family of wording, with the words that look like the family but
are not it (a reviewer's list, issue 3):

- Merchandise ("a shirt", "a mug") unless the word names a part of a health product ("infusion
  bag", "dosing cup", "calendar pack") or the foreign matter found in one ("a fruit fly", "a
  piece of a plastic bag", "towel fibres").
- Logistics (a crushed delivery box, "el repartidor", "opened by customs") with the product
  intact; a postal seal (an envelope's, a letter's) is not a product's tamper-evident seal.
- IT context ("the promo code", "the website crashed") unless the IT word is the channel the
  message came by ("Angry email:", "sent via your website") or a product word ("injection
  site", "error code", "page 2 of the leaflet").
- Threats ("I'll put something in your pills on the shelves"): suspected tampering, which is not
  a packaging complaint unless a physical product problem is described too.
"""

from __future__ import annotations

import re

from caredesk.safety.screening.text import word_rx as _rx


def _uncovered(
    rx: re.Pattern[str],
    covers: tuple[re.Pattern[str], ...],
    norm: str,
    start: int = 0,
    end: int | None = None,
    extra: tuple[range, ...] = (),
) -> bool:
    """Whether `rx` matches somewhere in norm[start:end] outside every match of `covers` (found
    in the whole text)."""
    stop = len(norm) if end is None else end
    covered = [range(m.start(), m.end()) for cover in covers for m in cover.finditer(norm)]
    covered.extend(extra)
    return any(not any(m.start() in c for c in covered) for m in rx.finditer(norm, start, stop))


# --- logistics ---------------------------------------------------------------------------------
SPANISH_SHIPPING = (
    r"repartidor\w*|mensajero|cartero|transportista|paqueteria|(?:la )?aduana|"
    r"(?:caja|paquete|envio|bulto|sobre)(?: de (?:envio|carton|reparto|mensajeria))? "
    r"(?:(?:llego|vino|venia|estaba|esta) )?(?:aplastad|abollad|mojad|danad|golpead|rot)[oa]s?"
)
SPANISH_INTACT = (
    r"(?:las pastillas|los frascos|las cajas|los blisteres|los blisters|las capsulas|el "
    r"medicamento|el frasco|las ampollas|los sobres|todo|lo de dentro|el interior) "
    r"(?:esta|estan|estaba|estaban|llego|llegaron|vino|vinieron) "
    r"(?:bien|intact[oa]s?|perfect[oa]s?|en buen estado|sin danos?|cerrad[oa]s?|sellad[oa]s?)"
)
LOGISTICS = _rx(
    r"(?:shipping|delivery|outer|mailing|cardboard|amazon|parcel|courier|postal)"
    r" (?:box|package|packaging|carton|envelope)|padded (?:envelope|bag)|jiffy bag|mailer|"
    r"(?:product|contents|bottles?|pills|items?|everything|medication|medicine|it)"
    r"(?: itself| inside)? (?:was|were|is|are|looks?|seems?) "
    r"(?:fine|intact|ok|okay|undamaged|sealed|unharmed|in good (?:shape|condition))|"
    r"(?:producto|contenido) (?:esta|estaba) (?:bien|intacto)|nothing(?:'s| is| was)? "
    r"(?:missing|broken|damaged)|(?:all|everything(?:'s| is| was)?) (?:there|fine|ok|okay|"
    r"intact)|(?:stuff|items?|products?) inside (?:is |are |was |were )?(?:ok|okay|fine)|"
    r"(?:opened|inspected|checked|searched) by (?:the )?(?:customs|border (?:force|agents?)|"
    r"post office|postal service)|pallets?|outer (?:cases?|cartons?|boxes)|caja exterior|"
    r"embalaje exterior|customs (?:opened|inspected|had opened|have opened|tape|"
    r"sticker|label)|delivery (?:driver|guy|man|person)|courier|postman|"
    + SPANISH_SHIPPING
    + "|"
    + SPANISH_INTACT
)
# The seal of what the product travelled in: an envelope, a letter, a parcel.
POSTAL_SEAL = _rx(
    r"seal(?:s|ed)? (?:on|of) (?:the |my |your |our |this |that |an? )?(?:\w+ )?(?:letter|envelope|"
    r"parcel|package|mailer|jiffy bag|padded bag|shipping box|delivery box|postal box|order box|"
    r"outer box|box it "
    r"came in)|(?:envelope|letter|parcel|mailer|postal|courier)(?:'s)? (?:seal|flap)s?|"
    r"(?:sobre|carta|paquete)(?: \w+){0,2} (?:sello|precinto)|(?:sello|precinto) del "
    r"(?:sobre|paquete|envio)"
)
PRODUCT_SEAL = re.compile(r"seal|precinto|sello|tamper")
# A seal said to be intact names no problem with it ("the bottle itself is still sealed").
INTACT_SEAL = _rx(
    r"(?:is|are|was|were|itself is|themselves are|still|remains?|remained|fully|properly|"
    r"factory|came) (?:still |fully |properly )?sealed|seals? (?:is |are |was |were )?(?:still )?"
    r"(?:intact|unbroken|fine|ok|okay|in place|untouched)|(?:intact|unbroken) seals?|"
    r"(?:precinto|sello)s? (?:esta |estan |estaba |estaban )?(?:intact|perfect|bien)\w*|"
    r"(?:sellad|precintad|cerrad)[oa]s?|(?:intact|fine|undamaged|unopened) and sealed|sealed and "
    r"(?:intact|fine|undamaged|unopened|dry)"
)


# The product itself said to be fine: then no packaging wording in the text is a complaint.
PRODUCT_INTACT = _rx(
    r"(?:product|contents|bottles?|pills|items?|everything|medication|medicine|it|vials?|pens?|"
    r"blisters|blister (?:packs?|strips?)|tubs?|jars?|tubes?|sachets?|pouch(?:es)?|cartons?|"
    r"tablets|boxes|packs|(?:every|each) (?:box|pack|bottle|item|carton))(?: itself| themselves|"
    r" inside)? (?:was|were|is|are|looks?|"
    r"seems?|arrived) (?:all )?(?:fine|intact|ok|okay|undamaged|sealed|unharmed|perfect|in good "
    r"(?:shape|condition))|nothing(?:'s| is| was)? (?:missing|broken|damaged)|(?:all|"
    r"everything(?:'s| is| was)?) (?:there|fine|ok|okay|intact)|(?:stuff|items?|products?) "
    r"inside (?:is |are |was |were )?(?:ok|okay|fine)|(?:producto|contenido) (?:esta|estaba) "
    r"(?:bien|intacto)|(?:the |all |our )?(?:products?|goods|stock|inner (?:packs?|cases?|"
    r"cartons?|boxes)|mercancia|productos)(?: (?:were|are|was|is|all|arrived|look|looked|seem|"
    r"seemed|themselves|itself))* (?:perfect|perfectly fine|undamaged|fine|intact|unharmed|ok|okay|"
    r"bien|perfect[oa]s?|intact[oa]s?)|(?:checked|inspected)[,;]? (?:and )?(?:no|zero) damage|"
    r"all sealed and fine|" + SPANISH_INTACT
)
# A part of the product itself, named where packaging wording is found ("the vial cracked").
PRODUCT_PART = _rx(
    r"(?:bottle|vial|cap|lid|seal|blister|ampoule|ampule|tube|cartridge|syringe|pen|sachet|"
    r"pouch|inhaler|canister|dropper|pump|frasco|tapa|ampolla|jeringa|tubo|bote|envase|"
    r"precinto|sello)s?"
)


def packaging_in_transit(norm: str, start: int) -> bool:
    """Packaging wording at `start` in a text about the shipment is logistics, not a complaint,
    when the product is said to be fine or the wording names no part of the product ("the
    delivery box was crushed"); "the courier dropped it and the vial cracked" stays one."""
    if product_intact(norm):
        return True
    return not _uncovered(PRODUCT_PART, (POSTAL_SEAL,), norm, max(0, start - 30), start + 30)


def product_intact(norm: str) -> bool:
    """The writer says the product itself is fine ("the products were undamaged")."""
    return PRODUCT_INTACT.search(norm) is not None


def logistics(norm: str) -> bool:
    """The text talks about the shipment (its box, its carrier, customs), not the product."""
    return LOGISTICS.search(norm) is not None or POSTAL_SEAL.search(norm) is not None


# Tampering read off the contents, not the pack: a chemical smell, contents swapped or
# refilled, capsules rejoined, tablets unlike the rest. A shipment's state says nothing of these
# ("the bottle came sealed but the syrup smells of bleach").
CONTENTS_TAMPERED = _rx(
    r"(?:smell\w*|smelt|reek\w*|taste\w*|huele\w*|olia\w*|sabe|sabia) (?:\w+ ){0,2}(?:of|like|a) "
    r"(?:bleach|petrol|gasoline|solvent|ammonia|paint|white spirit|weedkiller|lejia|gasolina|"
    r"disolvente|amoniaco|quimic\w+)|swapped|substituted|switched|re-?filled|topped up|"
    r"re-?joined|no (?:imprint|markings?|embossing)|(?:cambiad|rellenad|sustituid)[oa]s?"
)


def contents_tampered(norm: str) -> bool:
    """The text describes tampering with the contents, whatever the shipment's state."""
    return CONTENTS_TAMPERED.search(norm) is not None


def names_product_seal(norm: str) -> bool:
    """A seal is named that is not a postal one (an envelope's or a letter's seal is not the
    product's tamper-evident seal)."""
    return _uncovered(PRODUCT_SEAL, (POSTAL_SEAL, INTACT_SEAL), norm)


# --- merchandise -------------------------------------------------------------------------------
# A complaint about ordinary merchandise (a shirt, a candle, headphones) is not a product
# quality complaint for a health product, unless a health product is named too.
MERCHANDISE = re.compile(
    r"(?<![\w'])(?:t-?shirts?|shirts?|scarf|scarves|jackets?|shoes?|socks?|hats?|towels?|"
    r"candles?|chocolates?|cookies|fruit|flowers|cookbook|book|notebook|calendar|puzzle|"
    r"board game|game|toy|mug|cup|tote(?: bag)?|(?<!in my )(?<!in the )(?<!in his )(?<!in her )"
    r"(?<!over my )(?<!over the )(?<!into my )bag"
    r"|backpack|umbrella|headphones|earbuds|"
    r"speaker|phone|phone case|laptop(?: sleeve)?|printer|ink|lamp|kettle|blender|watch band|"
    r"yoga mat|mat|water bottle|gift (?:basket|box|card|bag|note)|basket|pens? from the event|"
    r"display stand|posters?|shelf tags|camisa|zapatos|taza|libro)(?![\w'])"
)
_FOUND_STUFF = (
    r"piece|pieces|bit|bits|fragment|fragments|shred|shreds|scrap|scraps|flake|flakes|shard|"
    r"shards|strand|strands|fibre|fibres|fiber|fibers|thread|threads|chunk|chunks|trozo|trozos|"
    r"pedazo|pedazos|restos|hilos?|fibras?"
)
# A merchandise word that names a part of a health product, or the foreign matter found in one.
NOT_MERCHANDISE = _rx(
    r"fruit (?:fl(?:y|ies)|gnats?|midges?|pouch(?:es)?|purees?|squeez\w+)|moscas? de la fruta|"
    r"(?:infusion|iv|i\.v\.|drip|saline|fluid|drainage|ostomy|colostomy|ileostomy|urostomy|"
    r"stoma|urine|urinary|catheter|leg|night|blood|plasma|feeding|enteral|tpn|dialysis|"
    r"dialysate|irrigation|reservoir|breathing|oxygen|sterile|medication|medicine|pharmacy|"
    r"prescription|bladder|bolsa de) bags?|bags? (?:of|with) (?:saline|fluid|solution|blood|"
    r"plasma|feed|formula)|"
    r"(?:dosing|dose|measuring|measure|medicine|medication|dosage|spacer|suction|menstrual|eye|"
    r"nipple|specimen|sample|urine|pill|vaso|vasito) cups?|cups? (?:dosificador|medidor)|"
    r"(?:calendar|day|wallet) (?:packs?|blisters?|strips?|cards?)|(?:pill|dose|dosing) calendar|"
    r"(?:log|diary|dose|dosing|record|glucose|insulin) book|"
    r"(?:" + _FOUND_STUFF + r") (?:of|from|de) (?:(?:a|an|some|what looks? like|what looked "
    r"like|un|una|algo como)\s)?(?:[\w-]+\s)?[\w-]+|"
    r"[\w-]+ (?:fibres?|fibers?|threads?|lint|fluff|fuzz|fragments?|shards?|crumbs?|flakes?)"
)
HEALTH_PRODUCT = re.compile(
    r"(?<![\w'])(?:pills?|tablets?|tabs?|capsules?|caplets?|gumm(?:y|ies)|softgels?|medicines?|"
    r"medications?|meds|drugs?|cream|ointment|gel|lotion|drops|syrup|spray|inhaler|meter|"
    r"strips?|injector|autoinjector|vials?|syringes?|needles?|supplements?|vitamins?|"
    r"probiotics?|patch(?:es)?|sensor|pump|monitor|device|chews?|collar|dewormer|flea|doses?|"
    r"lozenges?|powder|solution|suspension|thermometer|nebuli[sz]er|cuff|lancets?|pastillas?|"
    r"medicamentos?|jarabe|crema|gotas|frasco|tubes?|sachets?|blisters?|ampoules?|wormer|spot-on|"
    r"pens?|pessar(?:y|ies)|suppositor(?:y|ies)|pastillas?|sobres?|droppers?|spacers?|"
    r"(?:eye|ear|nasal|nose|pill|medicine|syrup|dropper|spray) ?bottles?|feed|pellets|licks?|"
    r"drench|minerals?|\d+(?:\.\d+)? ?kg)(?![\w'])"
)


def merchandise_only(norm: str) -> bool:
    """Ordinary merchandise is named and no health product is."""
    if HEALTH_PRODUCT.search(norm):
        return False
    return _uncovered(MERCHANDISE, (NOT_MERCHANDISE,), norm)


# --- IT context --------------------------------------------------------------------------------
# "The promo code doesn't work" is not lack of efficacy; "the app crashed" on a shop is not a
# device malfunction.
IT_CONTEXT = re.compile(
    r"(?<![\w'])(?:website|web site|site|link|code|coupon|promo|password|login|log in|account|"
    r"checkout|check out|tracking|(?<!blister )card|payment|email|e-mail|page|browser|"
    r"pagina|enlace|codigo|kiosk|touch ?screen|self-checkout|(?:at|behind) the till|returns? "
    r"label|shipping label|postage label|allocation|home screen|(?:old|new|app) version|invoiced?|"
    r"statement|credit note|remittance|spreadsheet|software|excel|csv|(?:got|received) (?:\d+ ?%|"
    r"half|part|some) of (?:the|our|my) order|order (?:only )?(?:got |"
    r"was )?(?:half|partly|partially|part) (?:filled|fulfilled)|contrasena|cuenta|pagar con|"
    r"bizum|paypal|voiceover|screen reader|alt text|accessibility|(?:order|pedido)(?: \w+){0,2} "
    r"(?:llego|arrived|came|vino|was) incomplet\w*)"
    r"(?![\w'])"
)
_CHANNEL_NOUN = (
    r"e-?mails?|web ?site|web ?form|(?:online |contact |web )?form|app|portal|chat|message|dm|"
    r"sms|text|letter|correo(?: electronico)?|la web|la pagina(?: web)?|whatsapp|formulario"
)
# The IT word as the channel of the message, or as a word about the product.
NOT_IT = _rx(
    r"(?:via|by|per|through|over|using|por|mediante) (?:the |your |our |an? |this |su |la |el )?"
    r"(?:" + _CHANNEL_NOUN + r")(?: (?:contact )?(?:form|chat|message))?|"
    r"(?:in|on|with) (?:my|this|an?|our|his|her|the) (?:\w+ )?(?:previous |earlier |last |first )?"
    r"e-?mail|(?:writing|write|wrote|send|sending|sent|reply|replying|this|an|angry|long|"
    r"follow-?up|customer|patient) (?:this |an? |to your |you an? )?e-?mail|"
    # the IT word as a product word
    r"(?:injection|application|insertion|infusion|puncture|sensor|patch|pump|test|body|"
    r"wrong|same|different|other|skin) sites?|"
    r"(?:error|fault|alarm|lot|batch|expiry|expiration|date|serial|product|ndc|udi|qr|bar|"
    r"ref|reference|model|strip|calibration) ?codes?|codigo de (?:error|lote)|"
    r"pages? (?:\d+|one|two|three|four) (?:of|in|from) (?:the |our |your )?(?:leaflet|insert|"
    r"booklet|instructions|label|pil|manual|guide)|(?:leaflet|insert|booklet|manual|"
    r"instructions)(?:'s)? (?:\w+ )?pages?|"
    r"(?:dosing|dose|instruction|alert|patient|wallet|reminder|test|strip|calibration|blister) "
    r"cards?|"
    # "me di cuenta" is "I realised", not an account
    r"(?:me|se|te|nos|le|les) (?:di|dio|dieron|dimos|diste|doy|da|dan|de|den|ha dado|han dado)"
    r" cuenta|dar(?:se|me|le)? cuenta|dandose cuenta"
)


# A header before a colon ("Angry email:", "Email from patient:", "Sent via website form:"):
# the channel word in it names how the message came, whatever follows.
HEADER = re.compile(r"\s*(?:[^\s.!?:]+\s+){0,5}[^\s.!?:]+:")
CHANNEL = _rx(_CHANNEL_NOUN)


def in_it_sentence(norm: str, start: int, end: int) -> bool:
    """The sentence norm[start:end] is about IT (a web shop, an account, a code), not about a
    product: an IT word is there that is neither the message's channel nor a product word."""
    header = HEADER.match(norm, start, end)
    channel: tuple[range, ...] = ()
    if header:  # only the channel noun in the header is covered, not "promo code" next to it
        found = CHANNEL.finditer(norm, start, header.end())
        channel = tuple(range(m.start(), m.end()) for m in found)
    return _uncovered(IT_CONTEXT, (NOT_IT,), norm, start, end, channel)


# --- threats -----------------------------------------------------------------------------------
_INTENT = (
    r"i'll|i will|we'll|we will|he'll|he will|she'll|she will|they'll|they will|i'm going to|"
    r"we're going to|he's going to|she's going to|they're going to|going to|gonna|i could|"
    r"could easily|threaten\w* to|promised to|intends? to|plans? to|voy a|vamos a|va a|van a|"
    r"amenaz\w+ con"
)
_NOUN = (
    r"(?:products?|pills?|tablets?|capsules?|medicines?|medications?|syrups?|bottles?|shelves|"
    r"stock|formula|boxes|packs|drops|jars|paracetamol|painkillers|productos|pastillas|"
    r"medicamentos|frascos|jarabes?|estanterias|cajas)"
)
_ANY_TARGET = (
    r"(?:(?:every|each|all|some|a) (?:[\w'-]+ )?of )?(?:your|the|their|some of your|sus|los|las|"
    r"vuestros|vuestras|tus) (?:[\w'-]+ ){0,2}" + _NOUN
)
_YOUR_TARGET = r"(?:your|their|some of your|sus|vuestros|vuestras|tus) (?:[\w'-]+ ){0,2}" + _NOUN
_PUT = r"(?:put|add|slip|mix|inject|drop|meter|meterle|poner|ponerle|echar|echarle)"
_HARMFUL = (
    r"(?:poison|a substance|chemicals|bleach|needles|pins|glass|razor blades|rat poison|veneno|"
    r"agujas|cristales)"
)
_IN = r"(?: \w+){0,2}? (?:in|into|inside|en|dentro de|a) "
# A threat to tamper with products: an intent, an act on the products, the products ("I'll put
# something in your pills on the shelves", "threatening to spike the formula").
THREAT = _rx(
    r"(?:" + _INTENT + r")(?: \w+){0,2}? " + _PUT + " " + _HARMFUL + _IN + _ANY_TARGET + "|"
    r"(?:"
    + _INTENT
    + r")(?: \w+){0,2}? "
    + _PUT
    + r" (?:something|stuff|things|algo)"
    + _IN
    + _YOUR_TARGET
    + "|"
    r"(?:" + _INTENT + r")(?: \w+){0,2}? (?:poison|contaminate|taint|lace|spike|tamper with|"
    r"doctor|mess with|envenenar|contaminar|manipular) (?:(?:every|each|all|some) (?:[\w'-]+ )?"
    r"(?:of )?)?" + _ANY_TARGET + "|"
    # "somebody ought to spike a few bottles", "knows which tank to spike", "be a shame if the
    # kids' vitamins weren't just vitamins"
    r"(?:ought to|should) (?:\w+ )?(?:poison|contaminate|taint|lace|spike|tamper with) "
    r"(?:a few|some|all|every|each|the|your|their) \w+|"
    r"knows? (?:which|what|where|how) (?:\w+ ){0,2}to (?:poison|contaminate|taint|lace|spike)|"
    r"(?:(?:it'?d |it would |would )?be a (?:real |crying )?|a (?:real )?)?shame if "
    r"(?:[\w'-]+ ){0,4}(?:weren't|wasn't|were not|was not) (?:just|really|actually)"
)
# Also a threat when a message demands money for leaving products alone.
DEMAND = _rx(
    r"threat\w*|ransom|extort\w*|blackmail\w*|chantaje|rescate|amenaz\w*|(?:unless|or else|"
    r"otherwise|si no) (?:you |me |se |le |les )?(?:pay|paid|pagan|pagais|pagas|paga|depositan|"
    r"transfieren)|"
    r"demand\w* (?:for )?(?:money|payment|cash|bitcoin|crypto)|demanding [$£€]?[\d,.]+k?|"
    r"unless (?:\w+ ){0,2}paid|(?:claim|demand|"
    r"money|ransom)(?: \w+){0,2} (?:isn't|is not|aren't|are not|not) (?:paid|met)"
)


INTENT_WORD = _rx(_INTENT + r"|threat\w*|ransom|extort\w*|blackmail\w*|demand\w*|amenaz\w*")
# A sentence that promises harm or punishment makes any tampering wording in it a threat
# ("people will get hurt unless...", "he'd teach us a lesson by poisoning products").
HARM_PROMISED = _rx(
    r"(?:people|someone|somebody|customers|kids|children|babies) (?:will|would|are going to|is "
    r"going to|could) (?:get )?(?:hurt|harmed|sick|die|pay)|teach (?:us|you|them|your \w+) a "
    r"lesson|(?:you'll|you will|you'd|you would) (?:be sorry|regret)|unless (?:you|the|they|"
    r"your|his|her|my)|(?:claim\w*|boast\w*) (?:that )?(?:he|she|they|someone|somebody)"
)
ACT_WORD = _rx(r"taint\w*|poison\w*|contaminat\w*|spike|lace|tamper with|envenen\w*")


def threat_sentence(text: str) -> bool:
    """The sentence threatens harm to products or people: no report of a harm that happened."""
    return HARM_PROMISED.search(text) is not None or THREAT.search(text) is not None


def threat_span(norm: str, start: int, end: int, sentence: range) -> bool:
    """The tampering wording at norm[start:end] is a threat, not a described product problem:
    it holds an intent ("will", "threatening to", "ransom", "unless paid") or follows one, or it
    is a bare act ("taint") in a sentence that threatens or demands money."""
    lo = max(sentence.start, start - 25)
    if any(rx.search(norm, lo, end) for rx in (INTENT_WORD, THREAT, DEMAND)):
        return True
    if HARM_PROMISED.search(norm, sentence.start, sentence.stop):
        return True
    sent_threat = DEMAND.search(norm, sentence.start, sentence.stop) or THREAT.search(
        norm, sentence.start, sentence.stop
    )
    return sent_threat is not None and ACT_WORD.search(norm, start, end) is not None
