"""Complaint and tampering families for medical devices, tests and animal-health products, read
off an independent writer's batch of device and farm messages (eval/contact_center/train_19.txt,
2026-12-05, labelled before the screener was run on it). Its first look: complaints 0.63.

What that batch showed: a device failure is mostly told by what the device did, not by a
defect word: a reading that another meter contradicts, an alarm that never came, a nebuliser
that only hummed, a cuff that would not deflate, a case that smelt of burnt plastic, a test
with no control line. Same rules as concepts_quality_families.py: plain pattern strings on
normalised text, families not phrases.
"""

from __future__ import annotations

from caredesk.safety.screening.codes import ComplaintCategory as C

_W = r"(?: [\w'/.-]+)"
_DEVICE = (
    r"(?:meter|glucometer|monitor|sensor|cgm|receiver|reader|pump|pen|inhaler|nebuli[sz]er|cpap|"
    r"machine|cuff|thermometer|oximeter|hearing aids?|aids|charging case|charger|device|unit|"
    r"tens|brace|drench gun|dosing gun|applicator|glucometro|aparato|bomba|nebulizador|"
    r"tensiometro|termometro|maquina|sensor)"
)
# Parts of a device or a single-use device that break, stick or fail to move.
_PART = (
    r"(?:plunger|dial|button|hinge|clip|strap|buckle|dome|tip|wire|lead|cable|connector|"
    r"battery|screen|touchscreen|display|needle|shield|safety shield|balloon|cuff|valve|"
    r"mouthpiece|mask|hose|tubing|tube|cannula|catheter|swab|lens|brace|filter|motor|fan|"
    r"medication cup|cup|reservoir|cap|counter|spring|trigger|embolo|boton|bateria|pantalla)"
)
_REFERENCE = (
    r"(?:the (?:hospital|paramedic|ambulance|ward|gp|doctor|nurse|pharmacist|clinic|surgery|"
    r"practice)(?:'s)?|(?:my|his|her|the|our) (?:old|other|spare|sister's|wife's|husband's|mum's|"
    r"dad's|friend's|neighbour's) (?:meter|monitor|machine|one|thermometer|cuff)|finger-?prick|"
    r"(?:a|the) blood test|el aparato de|la farmacia|el hospital|another (?:meter|monitor|one))"
)

COMPLAINT_DEVICES: dict[C, str] = {
    C.DEVICE_MALFUNCTION: (
        # A reading that another measurement contradicts.
        _DEVICE + r"(?: [\w']+){0,3} (?:said|says|showed|shows|read|reads|gave|gives|marco|"
        r"marca|dio|displayed|kept saying|was saying|has been telling me)(?: me)? [\d.,/]+"
        r"(?:\W+[\w'/.-]+){0,30}?\W+"
        + _REFERENCE
        + r"(?:\W+[\w'/.-]+){0,8}?\W+[\d.,/]*\d|"
        + _DEVICE
        + _W
        + r"{0,6} (?:reads|reading|read|is reading|runs|measures|is|was) (?:about |around )?"
        r"(?:\w+ )?(?:degrees?|points?|units?) (?:too )?(?:low|high|out)|"
        r"(?:readings?|numbers?|results?|figures?)" + _W + r"{0,3} (?:are|were|was|is|go|went|"
        r"jump|jumped|jumping)? ?(?:all over the place|way (?:out|off)|miles (?:out|off))|"
        r"(?:machine|meter|monitor|device|thermometer|cuff|sensor|scales?) (?:must be|is|was) "
        r"(?:way |miles |totally |completely )(?:out|off)|"
        # An alarm or warning that never came.
        r"(?:never|didn't|did not|failed to|doesn't|does not) (?:once )?(?:alarm|alarmed)|never "
        r"alarmed|(?:no|never) (?:avis[oó]|son[oó]|alert[oó]) cuando|"
        # Parts that break, come off, stick or do not move.
        + _PART
        + _W
        + r"{0,4} (?:snapped|sheared|broke off|came (?:off|away|loose|apart)|fell off|peeled off|"
        r"(?:doesn't|does not|didn't|did not|won't|wouldn't|would not|will not) (?:move|deflate|"
        r"inflate|stop|lock|retract|release|turn|click|deploy)|jammed|stuck (?:open|shut|down)|"
        r"keeps? (?:tapping|pressing) (?:by )?itself|se (?:rompio|partio|trabo|atasco))|"
        r"(?:adhesive|sensor|patch|dressing)" + _W + r"{0,3} (?:just )?(?:peeled|peeling|lifted|"
        r"lifting|fell|falling|came|coming) (?:off|away|up)(?: at the edges| on day \d+)?|"
        r"(?:inflated|beeped|buzzed|vibrated) and (?:inflated|beeped|buzzed|vibrated)|ghost "
        r"(?:touches|taps|tapping)|"
        # No output: nothing delivered.
        r"no (?:mist|spray|aerosol|puff|flow|suction|air flow|airflow)(?: at all| came out| comes "
        r"out)?|nothing but air|(?:just |only )hummed|(?:isn't|is not|wasn't|was not) "
        r"(?:delivering|dispensing|misting|spraying|pumping)|injecting nothing|no alcanza a "
        r"terminar|no sale (?:nada|el spray|la niebla)|"
        # Heat, smoke, burning smells.
        r"(?:burning|burnt|burned|melting|melted|hot) ?-?(?:plastic|rubber|electrical) smell|"
        r"smells? (?:of|like) (?:burning|burnt|burned|melting|melted|hot) (?:plastic|rubber|"
        r"electrics|wires)|" + _DEVICE + _W + r"{0,3} (?:got|gets|getting|became|was|is) (?:so |"
        r"really |very |too |extremely )?hot|overheat(?:s|ed|ing)?|se recalienta|se calienta "
        r"(?:mucho|demasiado)|huele a (?:quemado|plastico quemado)|(?:contacts?|pins?|plug) "
        r"(?:is |are |was |were )?(?:blackened|scorched|melted)|sparked|caught fire|"
        # Doing things by itself.
        r"(?:shuts?|shut|switch(?:es|ed)?|turn(?:s|ed)?|cuts?) (?:itself )?(?:off|down) (?:by "
        r"itself|on its own|randomly)|se apag[oa] sol[oa]|se (?:baja|sube|apaga|reinicia) "
        r"sol[oa]|(?:pressure|setting|dose|volume)(?: \w+){0,2} (?:drops?|dropped|goes down|went "
        r"down|changes?|changed) (?:by itself|on its own)|hace un (?:ruido|silbido|pitido) "
        r"(?:raro|extrano)|marca fuga|"
        # Devices that died, gave up or packed in.
        r"(?:transmitter|sensor|battery|pump|meter|receiver|reader|device|monitor|charger|"
        r"hearing aid|nebuli[sz]er|cpap|machine|thermometer|cuff)(?: \w+)? (?:died|dies|is dead|"
        r"went dead|has died|gave up|gave out|packed up|packed in|conked out)|"
        # Tests that do not work.
        r"(?:no|none of the)" + _W + r"{0,6} (?:show|shows|showed|showing|had|has|have) (?:a |"
        r"any |the )?control line|no control line|control line (?:didn't|did not|never|doesn't|"
        r"does not|won't) (?:appear|show|come up)|(?:all|three|two|both|each) (?:of (?:them|the "
        r"tests|your tests) )?(?:said|showed|came (?:back|up)|read) (?:not pregnant|negative)"
        + _W
        + r"{0,12} (?:blood test|doctor|scan|gp|hospital|midwife)(?: [\w']+){0,4} (?:says|said|"
        r"showed|confirmed)|"
        # Dosing devices that give the wrong amount.
        r"(?:set (?:to|at)|set for) [\d.]+ ?(?:ml|mls|units?|mg)(?: [\w']+){0,3},? but (?:it's|it "
        r"is|it was|it has been|it's been|it keeps|it)(?: been)? (?:putting out|giving|delivering|"
        r"dispensing|squirting|pushing out) [\d.]+"
    ),
    C.PACKAGING: (
        r"(?:seal|seam|seams)(?: [\w']+){0,4} (?:was |were |is |are )?(?:never|not) (?:formed|"
        r"closed|sealed)|torn (?:at|along) the seams?|(?:one|two|three|some|a few|several) (?:of "
        r"(?:them|the \w+) )?(?:is|are|was|were) (?:cracked|split|broken|punctured)(?: along| down|"
        r" across| and)"
    ),
    # (A count against the label told over two sentences, "says 50. I counted 38", cannot be
    # matched: findings are asserted sentence by sentence; concepts_quality_everyday.py has the
    # one-sentence forms.)
    C.QUANTITY: r"felt (?:a bit |too )?light(?: [\w']+){0,6}(?:only|just)? ?\d+",
    C.FOREIGN_MATTER: (
        r"(?:crumbs|bits|pieces|flakes|particles|specks)(?: of [\w-]+)? (?:in|inside) "
        r"(?:the |my )?(?:hose|tube|tubing|mask|chamber|tank|reservoir|water chamber|humidifier)|"
        r"(?:tiny |little |small )?(?:black|brown|green|white|blue|grey|gray) (?:spots|dots|"
        r"specks|crumbs|bits)(?: [\w']+){0,3} (?:on|in) (?:the )?(?:inside|hose|mask|sleeves?|"
        r"tubing|powder)|(?:piece|bit|chunk|shard|pedazos?|trozos?) (?:of |de )?(?:\w+ )?"
        r"(?:plastic|plastico|metal|glass|vidrio)(?: [\w']+){0,8} (?:mixed|mezclad[oa]s?) "
        r"(?:in|into|with|con|en)"
    ),
    C.APPEARANCE: (
        r"clumps?(?: [\w']+){0,6} (?:won't|doesn't|don't|wouldn't|will not|do not) (?:shake|mix|"
        r"dissolve|break up|go)|(?:isn't|is not|won't|doesn't|not|no se) (?:fully )?(?:dissolv\w+|"
        r"disuelve|mixing in)|(?:white |grey |brown )?sludge|caked (?:solid|hard|up)|clumped "
        r"(?:solid|together)|se apelmaz\w+"
    ),
    C.LABELING: (
        r"(?:says|labelled|labeled|marked|printed) [-+]?\d[\d.,]*(?: [\w']+){0,8},? but (?:the )?"
        r"(?:[\w']+ ){0,4}(?:is |was |says |reads |is printed |printed |marked |labelled )+"
        r"[-+]?\d|(?:box|carton|pack|outer|bag|tub)(?: \w+){0,2} (?:labelled|labeled|marked|says)"
        r"(?: [\w'-]+){1,5} (?:had|contained|held) [\w'-]+(?: [\w'-]+){0,3} (?:inside|in it)|"
        r"(?:instructions|leaflet|label|manual|insert) (?:say|says|said|tell you|tells you)"
        r"(?: [\w'\"]+){1,12},? but (?:that |it |this )?(?:actually|really|in fact)|"
        r"(?:marks|markings|scale|graduations|numbers)(?: \w+){0,3} (?:don't|do not|doesn't|does "
        r"not|didn't) match (?:the )?(?:leaflet|label|instructions|dose|box|insert)|"
        r"(?:doesn't|does not|don't|didn't) say (?:anywhere )?how (?:much|many|often) to (?:feed|"
        r"give|use|take|apply)|no (?:dosing|dose|feeding) (?:instructions|guide|information)"
    ),
}

TAMPERING_DEVICES = (
    r"vuelt[oa] a pegar|(?:pegad[oa]|cerrad[oa]) (?:de nuevo|otra vez) con cinta|sin (?:el )?"
    r"precinto|precinto (?:roto|abierto|cortado|despegado)|(?:embolo|piston) (?:movido|"
    r"desplazado|empujado)"
)
