"""Second round of concept families for product quality (issue 3): complaint categories and
tampering wording that fresh training batches (eval/contact_center/train_9.txt, train_10.txt,
each written before the screener was run on it) showed the first round did not cover: a seal cut
and stuck back, a second foil glued over the first, a threat to poison products, a product the
wrong colour for what it should be, a measure line in the wrong place, two labels that disagree.

Plain pattern strings (concepts_quality.py merges them into its tables). Written on normalised
text (lower case, accents folded); each family is kept narrow enough not to fire on ordinary
customer-service wording ("we'll put the tablets in the post", "I can't open my account").
"""

from __future__ import annotations

from caredesk.safety.screening.codes import ComplaintCategory as C

HARD_FORM = r"(?:pills?|tablets?|tabs?|caplets?|chewables?|suppositor(?:y|ies)|pessar(?:y|ies))"
SOLID_FORM = (
    r"(?:pills?|tablets?|tabs?|capsules?|caplets?|lozenges?|chewables?|gumm(?:y|ies)|"
    r"softgels?|pastilles?|suppositor(?:y|ies)|pessar(?:y|ies))"
)
LIQUID_FORM = (
    r"(?:injection|solution|liquid|drops|syrup|suspension|vial|ampoule|infusion|eye drops|"
    r"cream|gel|lotion)"
)

COMPLAINT_MORE: dict[C, str] = {
    C.PACKAGING: (
        r"(?:sachets?|pouch(?:es)?|wrappers?|packets?|foil|strips?) (?:\w+ ){0,4}(?:tear|tears|"
        r"tore|rip|rips|ripped) (?:diagonally|unevenly|across|in half|the wrong way|when opened|"
        r"when you open)|(?:ampoules?|ampules?|vials?|bottles?|jars?)(?: \w+){0,5} (?:with )?"
        r"(?:hairline )?(?:fractures?|fractured|shattered)|(?:caps?|lids?|tops?)(?: \w+)"
        r"{0,4} (?:stripped threads|threads are stripped|won't tighten|spins? (?:round|freely)|"
        r"never catches)|(?:tubo|frasco|bote|sobre|blister|envase|tapa)(?: \w+){0,3} se "
        r"(?:parte|rompe|raja|agrieta|abre solo)|(?:measuring )?(?:cup|spoon|syringe|dropper)"
        r"(?: [\w']+){0,4} (?:has|had|with) a (?:hole|crack|split)|dropper(?: \w+){0,2} "
        r"(?:fell|fallen|dropped) (?:into|in) the bottle|(?:foil|blister|backing)(?: [\w']+){0,4} "
        r"(?:is |so |too )?(?:so |too )?(?:paper )?thin (?:that|the|it|they)"
    ),
    C.LABELING: (
        r"(?:line|mark|marking|graduation)s?(?: [\w.]+){0,6} where (?:the )?[\w.]+(?: \w+){0,2} "
        r"(?:line|mark) should be|(?:leaflet|insert|label|instructions|carton|box)(?: [\w']+){0,3} "
        r"(?:is |are )?(?:entirely |only |all )?in (?:polish|german|french|italian|arabic|chinese|"
        r"russian|dutch|greek|another language|a foreign language|a different language)|no "
        r"english (?:leaflet|version|one|instructions|label)|same (?:colou?r|green|blue|red|"
        r"packaging|design|box)(?: \w+){0,2} as (?:the )?(?:higher|lower|other|stronger|weaker|"
        r"different) (?:strength|dose|product)|(?:label|leaflet|insert|carton|box|printed|"
        r"instructions)(?: [\w']+){0,6} (?:disagrees?|conflicts?|contradicts?|differs?|is "
        r"inconsistent|are inconsistent) (?:with|from)|(?:strength|dose|expiry|lot|batch)"
        r"(?: number| date)? (?:is )?missing from (?:the )?(?:foil|strip|blister|label|carton|box)"
    ),
    C.FOREIGN_MATTER: (
        r"(?:bits?|pieces?|shreds?|flakes?|scraps?) of (?:\w+ )?(?:foil|plastic|glass|metal|paper|"
        r"rubber|wood|cardboard)(?: \w+){0,2} (?:mixed (?:through|in|with)|in|inside|among|"
        r"throughout) (?:the |my |a )?(?:\w+ )?(?:granules|powder|tablets|pills|capsules|cream|"
        r"syrup|liquid|bottle|tub|jar|vial|pot|sachet|gel|ointment|suspension|solution|feed)|"
        r"(?:pelusa|pelos?|bicho|mosca|hormiga|astilla)s?(?: \w+){0,2} (?:dentro|en) (?:de )?"
        r"(?:el|la|los|las|del|un|una)? ?(?:vial|frasco|capsula|pastilla|crema|jarabe|bote|tubo|"
        r"ampolla|sobre|comprimido)|(?:dead )?(?:fruit )?(?:fly|flies|insects?|bugs?|hairs?|"
        r"fib(?:re|er)s?|specks?)(?: [\w']+){0,4} (?:stuck|visible|floating|sitting) (?:to|in|on|"
        r"inside)(?: the)?(?: inside of)?(?: the)? (?:\w+ )?(?:jar|bag|bottle|vial|tub|pot|tube|"
        r"ampoule|syringe|pack)|(?:hair|fib(?:re|er)|thread|speck)s? (?:coiled|pressed|baked|"
        r"embedded) (?:up )?(?:in|into) (?:the|a|one|my|his|her|of)"
    ),
    C.APPEARANCE: (
        SOLID_FORM
        + r" (?:have|has|are|were|with|covered in|got)(?: \w+){0,2} (?:blotches|spots|speckles|"
        r"streaks|stains|dots|crystals|bubbles)|"
        + HARD_FORM
        + r"(?: \w+){0,2} (?:are|were|is|was|have gone|went|feel) (?:\w+ )?(?:soft|bendy|rubbery|"
        r"spongy)|"
        + SOLID_FORM
        + r"(?: \w+){0,2} (?:are|were|is|was|have gone|went|feel) (?:\w+ )?(?:damp|wet|moist|"
        r"weeping|tacky|greasy|oily)|"
        + LIQUID_FORM
        + r"(?: [\w']+){0,3} (?:faintly |slightly |pale |bright |dark )?(?:yellow|brown|pink|green|"
        r"blue|grey|gray|orange|red|purple|cloudy)(?:ish)?[,;]? (?:but |when |and |where )?(?:it's "
        r"|it is |they're |they are |are |is |it should be |should be )?(?:meant|supposed|should) "
        r"(?:to )?"
        r"(?:be )?(?:colou?rless|clear|white)|(?:oval|round|square|smaller|bigger|larger|thinner|"
        r"thicker) instead of (?:round|oval|square|the usual)|(?:separated|split) into (?:an? )?"
        r"(?:oily|watery|liquid|clear)|(?:has|had|with) a skin on (?:top|it)|(?:posos|sedimento)"
        r"(?: \w+){0,2} (?:y|e) (?:esta|estan) turbi[oa]|llegaron (?:\w+ )?(?:blandas|deformadas|"
        r"derretidas|rotas|pegadas)"
    ),
    C.DEVICE_MALFUNCTION: (
        r"(?:nebuli[sz]er|device|machine|pump|inhaler|compressor|mask|spray)(?: [\w']+){0,4} "
        r"(?:but )?nothing (?:comes|came|is coming|coming) out|(?:clicked|fired|pressed) but "
        r"(?:the )?(?:needle|dose|medicine|drug)(?: \w+){0,2} (?:never|didn't|did not|wouldn't) "
        r"(?:came|come|appear|go|went)|(?:dial|counter|display|screen)(?: \w+){0,3} (?:spins?|"
        r"jumps?|skips?|froze|freezes|frozen)(?! (?:up )?(?:the |on the )?(?:website|app|page|"
        r"site))|(?:wildly|completely|totally|very) different (?:numbers|readings|results)|"
        r"readings? (?:are |were )?(?:all over the place|jump(?:s|ing)? around|vary wildly)|"
        r"(?:spring|mechanism|catch|trigger|plunger|valve)(?: \w+){0,4} (?:has gone|is gone|"
        r"broke|broken|snapped|sticks|stuck)|(?:pricker|lancet|lancing device|pen needle)"
        r"(?: [\w']+){0,4} (?:doesn't|does not|won't|will not) (?:pierce|prick|fire|click)|"
        r"(?:heat (?:wrap|pack|pad|patch)|warmer|heated \w+)(?: \w+){0,3} (?:got |gets |became |"
        r"went )?(?:so|too|really|very|dangerously|extremely|scorching) (?:hot|scalding|boiling)|"
        r"(?:humidifier|chamber|tubing|hose|mask)(?: \w+){0,3} (?:leaks?|leaking|leaked)|"
        r"(?:thermometer|meter|monitor|scales?)(?: [\w']+){0,3} (?:says|reads|shows|gives) "
        r"\d+(?:\.\d+)? (?:on|for) (?:all of us|everyone|everybody|all)|(?:marca|da) error"
    ),
    C.QUANTITY: (
        r"(?:gave up|ran out|runs out|stopped|finished|died|was empty)(?: \w+){0,2} after "
        r"(?:only |about |just |around )?\d+ (?:sprays|puffs|doses|actuations|shots|uses|clicks)"
        r"(?: [\w',]+){0,6} (?:says|states|claims|should be|meant to be|supposed to be) \d+|"
        r"(?:bottle|box|pack|pot|tub|carton|caja|frasco) (?:of|de) \d+ (?:\w+ )?[,;]? (?:i|we|"
        r"she|he) counted \d+|(?:meant|supposed|says|should) (?:to )?(?:have|has|contain) \d+"
        r"(?: \w+)?[,;]? (?:i|we|she|he) (?:only )?counted \d+|(?:only )?(?:two|three|four|\d+) "
        r"(?:pens|vials|sachets|tablets|strips|patches|cartridges|ampoules) in a (?:pack|box) of "
        r"(?:three|four|five|six|\d+)|(?:had|has|contained|held) \d+ (?:in it)?[,;]? (?:the )?"
        r"(?:label|box|carton) (?:says|said|states) \d+"
    ),
}

TAMPERING_MORE = (
    r"(?:pulled|prised|twisted|taken) apart and (?:pushed|put|stuck|glued|closed) back|"
    r"(?:ripped|torn|cut|slit|lifted|peeled back)(?: \w+){0,3} and (?:then )?(?:stuck|glued|"
    r"sealed|taped|pressed|smoothed|folded)(?: \w+)? (?:back|down again|shut again)|opened "
    r"(?:\w+ ){0,3}and (?:glued|taped|stuck|resealed|sealed) (?:\w+ )?(?:shut|closed|back|again)|"
    r"(?:tiny|small|little|pin-?prick|needle-?sized) holes? (?:in|on|through) (?:the )?(?:top|"
    r"cap|lid|seal|foil|bottle|tube|vial|nozzle)|(?:slit|slits|nick|nicks) (?:on|in|across) the "
    r"(?:back|foil|seal)|(?:cut|cuts) (?:in|across) the (?:foil|seal)|"
    r"(?:putting|put|slipping|slipped|adding|added|mixing|mixed|crushing)(?: \w+)? (?:something|"
    r"stuff|things|powder|poison) (?:in|into) (?:her|his|my|the|their) (?:\w+ )?(?:tablets?|"
    r"pills?|medicine|medication|bottle|syrup|capsules|box|inhaler|drops)|"
    r"(?:will|gonna|going to|i'll|we'll|threaten\w* to) (?:put|add|mix|slip) (?:\w+ )?(?:poison|"
    r"needles?|glass|bleach|pins|razor ?blades?|cyanide)|(?:will|gonna|going to|i'll|we'll|"
    r"threaten\w* to) (?:inject|lace|spike|poison|contaminate|tamper with) (?:your|the|their|"
    r"some of your) (?:\w+ )?(?:products?|syrup|tablets|medicines?|shelves|stock|formula|"
    r"bottles)|ransom|(?:been|were|was|are) (?:laced|spiked|poisoned|doctored) with|(?:been|"
    r"were) injected with (?:something|a substance|an unknown|poison)|"
    r"(?:stopper|bung|septum|seal|foil|cap|lid|membrane)(?: [\w']+){0,5} (?:stabbed|poked|"
    r"spiked)|(?:sello|precinto)s?(?: \w+){0,3} (?:estaba |esta |venia |vino |estaban |estan |"
    r"venian |vinieron )?(?:rot|abiert|despegad|pinchad|perforad|cortad|levantad)[oa]s?|"
    r"(?:caja|envase|frasco|bote|tapa|tapon)(?: \w+){0,2} (?:pegad[oa]|cerrad[oa]) con (?:celo|"
    r"cinta|pegamento|cola)|(?:tapon|tapa|frasco|blister|envase|caja)"
    r"(?: \w+){0,3} (?:estaba |esta |venia |vino )?(?:pinchad|perforad)[oa]|"
    r"(?:stuck|taped|glued|sealed|put|closed) (?:it )?back (?:down |together |up |shut )?"
    r"(?:with|using) (?:clear |some )?(?:sellotape|tape|glue|sticky tape|scotch tape|superglue)|"
    r"(?:razor ?blades?|needles?|pins?|glass|nails?)(?: \w+){0,2} (?:taped|hidden|concealed|"
    r"planted) (?:inside|in|into|under)|(?:opening|opened) (?:the |some |several )?(?:boxes|"
    r"packs|bottles|packets|cartons)(?: [\w']+){0,6} and (?:putting|put|placing|placed|"
    r"returning|returned) (?:them|it) back|(?:safety|tamper|security) (?:ring|band|seal|strip)"
    r"(?: \w+){0,3} (?:was |were )?already (?:broken|snapped|cut|open|torn|off|gone)|"
    r"(?:shrink|neck|safety|tamper) (?:band|ring|seal|sleeve)(?: \w+){0,3} (?:was |were )?"
    r"(?:missing|gone|absent)|(?:says|showing|shows|reads) void|(?:someone|somebody) (?:has |"
    r"had )?refilled|looks like (?:someone|somebody) (?:has )?(?:refilled|opened|topped)"
)

# Round 2: families from the misses of train_10.txt (written after round 1, before any run).
COMPLAINT_MORE[C.PACKAGING] += (
    r"|(?:aerosol|can|canister|valve)(?: \w+){0,4} (?:hiss(?:es|ing)?|went flat|gone flat|lost "
    r"(?:all )?(?:its )?(?:pressure|gas))|(?:ampollas?|frascos?|tapas?|tapones?|viales?|"
    r"jeringas?|agujas?|sobres?)(?: \w+){0,4} (?:doblad|rajad|agrietad|partid|aplastad)[oa]s?|"
    r"(?:ampollas?|frascos?|tapas?|tapones?|viales?|sobres?)(?: \w+){0,6} no se (?:puede|pueden)"
    r" abrir"
)
COMPLAINT_MORE[C.LABELING] += (
    r"|(?:carton|box|label|leaflet|insert|pack|bottle)(?: \w+){0,2} (?:says|states|reads)"
    r"(?: [\w',./-]+){1,6} (?:the )?(?:leaflet|insert|label|carton|box|bottle|pack)(?: \w+){0,2} "
    r"(?:says|states|reads)|(?:conflicting|contradictory) (?:info\w*|instructions|directions|"
    r"storage|dosing|labels?|dates?)|(?:chart|table|leaflet|label|dosing \w+)(?: \w+){0,4} "
    r"(?:skips|misses out|leaves out|omits)|(?:numeros|marcas|letras|fecha|lote|etiqueta|rayas)"
    r"(?: \w+){0,4} (?:estan |esta )?(?:borrad|despintad)[oa]s?"
)
COMPLAINT_MORE[C.APPEARANCE] += (
    r"|"
    + SOLID_FORM
    + r"(?: \w+){0,2} (?:are|were|is|was|have gone|has gone|went)(?: all)? (?:out of shape|bent|"
    r"warped)|"
    + LIQUID_FORM
    + r"(?: \w+){0,2} (?:is |are |was |were )?(?:fizzing|fizzy|bubbling|foaming|effervescing)|"
    + SOLID_FORM
    + r" (?:have|has) a (?:funny|strange|weird|odd|greasy|oily|shiny|white|grey|sticky) (?:sheen|"
    r"film|residue|bloom|coating)"
)
COMPLAINT_MORE[C.DEVICE_MALFUNCTION] += (
    r"|(?:pita|suena|alarma|vibra)(?:ba)? sin parar|no para de (?:pitar|sonar)|(?:beeps?|beeping|"
    r"alarms?|alarming|buzz(?:es|ing)?) (?:non-?stop|constantly|for no reason|all the time)|"
    r"(?:shows|reads|says|gives|gave|showed|read) \d+(?:\.\d+)? (?:when|but|while|even though) "
    r"(?:i'm|i am|"
    r"he's|she's|he is|she is|i was|i felt|i feel|it's|it was) (?:clearly |perfectly |completely "
    r"|totally )?(?:fine|ok|okay|normal|well|healthy)"
)
COMPLAINT_MORE[C.QUANTITY] += (
    r"|\d+[- ]?(?:count|ct)(?: [\w',]+){0,10} (?:holds|has|contains|contained|had|only has) "
    r"(?:only )?\d+"
)
TAMPERING_MORE += (
    r"|(?:came|come|comes) off without (?:breaking|snapping|cracking) (?:the )?(?:ring|band|"
    r"seal)|(?:someone|somebody) (?:must|might|may) have (?:had it|opened|been|tampered|taken)|"
    r"(?:glued|stuck|placed|put|taped)(?: [\w']+){0,3} (?:on top of|over) the (?:original|old|"
    r"real|factory) "
    r"(?:seal|foil|label|cap|film)|plungers? (?:\w+ )?(?:pulled|drawn) back|(?:loose|opened) "
    r"(?:tablets|pills|capsules|packs)(?: \w+){0,3} (?:tucked|hidden|left|stuffed) (?:behind|"
    r"under|among|between)|(?:packs|boxes|cartons) with (?:torn|opened|ripped|cut) (?:end )?"
    r"flaps|(?:pushed|put|pressed|stuck) back (?:in|into) (?:the )?(?:hole|blister|pocket|cavity|"
    r"foil)|re-?crimped|crimped (?:back|again|shut)|(?:cut|slit|sliced|ripped|torn) open"
    r"(?: [\w']+){0,4} and (?:\w+ ){0,2}(?:back|again|shut|resealed)|amenaz\w+(?: \w+){0,4} "
    r"(?:con )?(?:envenenar|contaminar|manipular|poner (?:agujas|cristales|veneno))|"
    r"(?:envenenar|contaminar) (?:los|las|sus|vuestros|vuestras) (?:productos|jarabes|pastillas|"
    r"medicamentos)|extorsion|chantaje"
)

# Round 3: families from the misses of train_11.txt (written after round 2, before any run).
COMPLAINT_MORE[C.PACKAGING] += (
    r"|(?:nozzle|cap|lid|spray|dropper|pump|tip)(?: \w+){0,3} (?:is |are |was |seems )?"
    r"(?:glued|stuck|sealed|welded|blocked|clogged) (?:shut|closed|solid|together)|(?:bottle|"
    r"tube|dropper|container)(?: \w+){0,3} (?:is |are )?(?:so |too |very )?(?:stiff|rigid)"
    r"(?: [\w']+){0,4} (?:squeeze|press|get)"
)
COMPLAINT_MORE[C.LABELING] += (
    r"|(?:syringe|cup|spoon|scale|markings?|unit)s?(?: [\w']+){0,4} (?:says|reads|marked|is) "
    r"(?:in )?(?:ml|mg|teaspoons?|tsp)(?: [\w']+){0,6} (?:in|go up in) (?:ml|teaspoons?|tsp|mg)"
)
COMPLAINT_MORE[C.APPEARANCE] += (
    r"|(?:don't|do not|doesn't|no longer|won't) (?:fizz|effervesce|foam)|(?:pastillas|tabletas|"
    r"capsulas|comprimidos)(?: \w+){0,2} (?:tienen|con|traen) (?:\w+ )?(?:puntitos|puntos|"
    r"manchas|manchitas|rayas)|(?:"
    + LIQUID_FORM[3:-1]
    + r"|vaccine)(?: \w+){0,2} (?:has|have|with|is full of|got) (?:\w+ )?(?:clumps|lumps|flakes|"
    r"crystals|strands)"
)
COMPLAINT_MORE[C.DEVICE_MALFUNCTION] += (
    r"|(?:won't|doesn't|does not|will not) stay (?:shut|closed|on|in)|keeps? going (?:dead|flat"
    r")|(?:syringe driver|infusion pump|driver|pump)(?: \w+){0,2} stopped|se queda (?:en blanco|"
    r"colgad[oa]|pillad[oa]|trabad[oa])|se (?:reinicia|resetea|congela|cuelga)|window (?:never|"
    r"didn't|did not) (?:went|go|turn|turned|change)|(?:don't|do not) know if (?:he|she|i|they|"
    r"we) got the dose"
)
TAMPERING_MORE += (
    r"|(?:cuts?|slits?|holes?) (?:on|in) (?:\w+ )?(?:pockets|blisters|cavities)|(?:cuts?|"
    r"slits?|holes?) (?:on|in)(?: \w+){0,4} (?:blister|foil) (?:pockets|cavities)|(?:seal|foil|"
    r"liner)(?: \w+){0,3} (?:was |had been )?(?:folded|tucked|scrunched|crumpled)(?: \w+){0,4} "
    r"(?:under|inside|into|back)|(?:surprise|present|gift) in (?:it|one of them)|good luck "
    r"finding|(?:do something to|mess with|interfere with|tamper with) (?:the|your|some "
    r"of your) (?:\w+ )?(?:medicines|products|stock|bottles|tablets|shelves)|(?:emptying|"
    r"swapping|switching|refilling)(?: [\w']+){0,5} and (?:replacing|putting|swapping|returning|"
    r"placing) (?:them|it)|(?:sandwich|zip|plastic|freezer) bag inside|instead of the (?:sealed|"
    r"original|foil) (?:liner|seal|blister|pouch|bag)|if (?:his|her|my|their|the) (?:claim|"
    r"demand|money|ransom)(?: \w+){0,2} (?:isn't|is not|aren't|not) (?:paid|met)|unless (?:i'm|"
    r"i am|he's|he is|she's|they're|we're|they are) paid|unless paid"
)

# Round 4: families from the misses of train_12.txt (written after round 3, before any run).
COMPLAINT_MORE[C.PACKAGING] += (
    r"|(?:child[- ]?(?:lock|proof|resistant)(?: cap| lid| closure)?|clip|catch|hinge)(?: \w+)"
    r"{0,2} (?:already |was |is )?(?:snapped|broken|broke|cracked|missing)|(?:weeping|leaking|"
    r"oozing|seeping) (?:crimp |end )?(?:seals?|crimps?|caps?|lids?|closures?|seams?)|(?:pouch|"
    r"zip|seam|zipper|resealable strip)(?: [\w']+){0,5} (?:has )?(?:split|burst|torn|ripped|"
    r"broken|come apart|gave way)|(?:bolsita|sobre|blister|frasco|envase|bote) (?:\w+ ){0,3}"
    r"(?:viene|venia|vino|llego|estaba) (?:abiert|rot|pinchad|despegad)[oa]"
)
COMPLAINT_MORE[C.FOREIGN_MATTER] += (
    r"|(?:strands?|threads?|lumps?|chunks?|bits?|pieces?) of (?:\w+ )?(?:twine|string|wire|rope|"
    r"hair|fib(?:re|er)|plastic|metal|glass|rubber)(?: \w+){0,2} (?:in|inside|among|through) "
    r"(?:the |a |my )?(?:\w+ ){0,3}(?:feed|bag|sack|tub|bucket|pellets|powder|granules)"
)
COMPLAINT_MORE[C.DEVICE_MALFUNCTION] += (
    r"|(?:went off|fired|discharged|activated|triggered)(?: [\w']+){0,2} (?:while|when|as) (?:i|"
    r"he|she|we) (?:was |were )?(?:taking|removing|pulling|twisting|holding|getting)|no (?:deja|"
    r"permite) (?:marcar|poner|cargar|seleccionar)|(?:rueda|boton|dial|gatillo|embolo) (?:esta |"
    r"se )?(?:dur[oa]|atascad[oa]|trabad[oa]|bloquead[oa])|(?:counter|dial|display|needle|gauge|"
    r"indicator)(?: \w+){0,2} (?:hasn't|has not|didn't|did not|doesn't|does not|won't|never) "
    r"(?:moved|changed|gone down|counted|registered|updated)|(?:light|led|indicator|display|"
    r"screen|collar|alarm)(?: [\w']+){0,3} stopped (?:flashing|working|lighting|beeping|glowing|"
    r"showing)"
)
COMPLAINT_MORE[C.QUANTITY] += (
    r"|paid for \d+ (?:and|but) (?:there (?:are|were)|i got|got|only|it has|it had)|(?:bote|caja|"
    r"frasco|paquete|blister|tubo) de \d+ (?:\w+ )?(?:venia|vino|traia|trae|tenia|tiene|llego) "
    r"con \d+"
)
TAMPERING_MORE += (
    r"|re-?taped|taped (?:back|up) (?:again|with (?:different|other|non-standard) tape)|(?:inner|"
    r"internal) (?:packs?|boxes|cartons|bottles) (?:have been|had been|were|was) opened|drill\w*"
    r"(?: \w+){0,3} holes?|holes? (?:\w+ ){0,2}drilled|(?:stuck|held|taped) (?:in|on|down|shut) "
    r"with (?:sellotape|selotape|tape|glue|sticky tape)|not the (?:normal|usual|original|proper) "
    r"(?:foil|seal|lid|cap|packaging)|(?:he's|he has|she's|she has|they've|they have|i've|i "
    r"have) put (?:something|stuff|poison|needles|glass) in (?:the|your)|taint\w*|(?:demand\w*|"
    r"asking for) (?:money|payment|cash|bitcoin|crypto)(?: \w+){0,3} (?:or|otherwise|else)"
)
# An injector or a pen that goes off before it is placed or pressed.
COMPLAINT_MORE[C.DEVICE_MALFUNCTION] += (
    r"|(?:injector|auto-?injector|pen|device|needle|lancet|lancing device|applicator|trigger)"
    r"(?: [\w'-]+){0,2} (?:fired|went off|discharged|triggered|deployed|clicked|released|"
    r"injected|dispensed)(?: [\w'-]+){0,3} (?:before|too (?:early|soon)|prematurely|on (?:its|"
    r"it's) own|by itself|in my hand|while (?:i was|still)|without (?:me|being|my|pressing))"
)
# Lead's probes, 2026-12-05: print that has worn away, a missing braille/barcode/leaflet field, a
# leaflet "for a completely different medicine", a dosing device that delivers the wrong amount,
# a patch without adhesive.
COMPLAINT_MORE[C.LABELING] += (
    r"|(?:lot|batch|expiry|expiration|use-by|label|print|printing|writing|numbers?|dates?|"
    r"markings?|graduations?)(?: [\w'-]+){0,4} (?:has |have |had |is |are |was |were )?(?:rubbed|"
    r"worn|wiped|washed|faded|peeled|scraped) (?:off|away)|(?:braille|barcode|bar code|lot number"
    r"|batch number|expiry date|expiration date|serial number|udi)(?: [\w'-]+){0,3} (?:is|are|"
    r"was|were) (?:missing|absent|blank|not there|not printed)|(?:leaflet|insert|label|"
    r"instructions)(?: [\w'-]+){0,5} (?:is|are|was|were) for (?:a |an )?(?:completely |totally |"
    r"entirely |quite )?(?:different|another|other|wrong) (?:\w+ )?(?:medicine|medication|drug|"
    r"product|tablets?|strength)"
)
COMPLAINT_MORE[C.DEVICE_MALFUNCTION] += (
    r"|(?:gun|pump|pen|injector|doser|dispenser|applicator|device|inhaler|syringe|dial)"
    r"(?: [\w'-]+){0,2} (?:delivers|delivered|gives|gave|dispenses|dispensed|puts out|squirts|"
    r"squirted|fires|fired|pushes out) (?:about |nearly |almost )?(?:double|twice|half|too much|"
    r"too little|more than|less than|the wrong)"
)
COMPLAINT_MORE[C.APPEARANCE] += (
    r"|(?:patch|patches|plaster|plasters|dressing|dressings|strip)(?: [\w'-]+){0,3} (?:has|have|"
    r"had|with|came with) (?:no|hardly any|barely any|not enough) (?:adhesive|glue|stick|"
    r"stickiness)(?![\w'])"
)
# A part of a device that broke off (a device that will not inflate: DEVICE_FAULT).
COMPLAINT_MORE[C.DEVICE_MALFUNCTION] += (
    r"|(?:hearing aid|device|meter|monitor|pump|pen|inhaler|sensor|machine|cpap|nebuli[sz]er|"
    r"wheelchair|walker|cuff|thermometer|reader|brace|splint)(?:'s)?(?: [\w'-]+){0,2} (?:battery "
    r"door|door|strap|clip|hinge|button|dial|cover|latch|buckle|cable|lead|connector|port|"
    r"wheel|brake|arm|tip|nozzle|mouthpiece|display|screen)s? (?:has |had |just )?(?:snapped|"
    r"broke|broken|cracked|came off|fell off|come off|split|sheared|stopped working)"
)
# Lead's tampering probes, 2026-12-05: a product that smells of a household chemical, needle
# marks anywhere, tablets with holes, a claim of having poisoned stock, a tamper ring already
# snapped, a stopper that looks punctured, Spanish "como si alguien lo hubiera pinchado".
TAMPERING_MORE += (
    r"|(?:smells?|smelled|smelt|smelling|tastes?|tasted|reeks?|reeked) (?:strongly )?(?:of|like) "
    r"(?:bleach|petrol|gasoline|kerosene|paraffin|white spirit|paint thinner|turps|antifreeze|"
    r"weedkiller|rat poison|ammonia|solvent|lejia|gasolina)|(?:needle|syringe|pin) (?:marks?|"
    r"holes?|pricks?|punctures?) (?:\w+ ){0,2}(?:on|in|through|into) (?:the |a |each |every )?"
    r"(?:\w+ )?(?:top|lid|cap|foil|seal|pouch|bottle|box|pack|packet|blister|tube|packaging|"
    r"wrapper|film|vial|bag|carton|jar|tub|sachet|container)s?|(?:tablets?|pills?|caplets?)"
    r"(?: [\w']+){0,3} (?:tiny |small |"
    r"little |pin )?holes? in (?:them|it|each)|(?:have|had|has|'ve|'d) (?:poisoned|contaminated|"
    r"tampered with|spiked|laced|injected)(?: [\w']+){0,3} (?:bottles|products|packs|boxes|jars|"
    r"stock|items|medicines?|tablets|pills|syrups?)|(?:ring|band|collar)(?: [\w']+){0,3} (?:is |"
    r"was |were |are )?already (?:snapped|broken|cracked|separated|detached|off|gone|loose)|"
    r"(?:rubber|stopper|septum|bung)(?: [\w']+){0,2} (?:looked|looks|was|is|had been|has been|"
    r"seemed) (?:\w+ )?(?:punctured|pierced|pricked)|(?:como si )?alguien (?:\w+ ){0,2}(?:hubiera|"
    r"hubiese|habia|ha) (?:pinchado|abierto|manipulado|cambiado|rellenado|inyectado)"
)
