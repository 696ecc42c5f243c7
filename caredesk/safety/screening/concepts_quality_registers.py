"""Complaint and tampering families from the misses of an independent writer's batch in registers
the earlier batches lacked: voicemail transcripts ("it keeps saying e three"), agent shorthand,
non-native English, Spanglish and Caribbean Spanish (eval/contact_center/train_18.txt, written
2026-12-05 before the screener was run on it; first look: complaints 0.74, tampering 5/11).
Same rules as concepts_quality_families.py: plain pattern strings on normalised text.
"""

from __future__ import annotations

from caredesk.safety.screening.codes import ComplaintCategory as C

_COLOUR = r"(?:pink|white|yellow|blue|green|grey|gray|brown|orange|red|beige|cream|purple)"
_UNIT = r"(?:iu|mg|mcg|ml|g|units?|ui)"
_SAYS = r"(?:is written|written|says|said|printed|reads|shows|dice|decia|pone)"

COMPLAINT_REGISTERS: dict[C, str] = {
    C.DEVICE_MALFUNCTION: (
        r"(?:keeps?|kept) (?:saying|showing|flashing|displaying|giving(?: me)?) (?:an? )?(?:e|er|"
        r"err|error) ?(?:\d+|one|two|three|four|five|six|seven|eight|nine)"
    ),
    C.QUANTITY: (
        r"(?:said|says|dice|decia|pone) \d+ y (?:\w+ ){0,3}(?:solo |only |nomas )?(?:habia|hay|"
        r"vinieron|venian|traia|trae|came|had|there were)(?: like| unos| como)? \d+|dice \d+ y "
        r"(?:vinieron|venian|traia|trajo) \d+"
    ),
    C.APPEARANCE: (
        r"(?:are|is|were|look|looks) (?:\w+ )?" + _COLOUR + r"(?: \w+)?,? (?:but |whereas |while "
        r")?the (?:old|last|previous|usual) (?:ones|batch|lot|box|tablets|pills|capsules)(?: "
        r"were| was)? (?:\w+ )?" + _COLOUR
    ),
    C.PACKAGING: (
        r"(?:cap|lid|top|tapa|tapon)(?: [\w']+){0,6} (?:is not|isn't|not|no esta) (?:locking|"
        r"clicking|catching)|(?:just )?(?:spinning|spins|turns|turning) (?:a)?round(?: and "
        r"round)?|child[- ]?(?:lock|proof|resistant)(?: cap)? (?:is not|isn't|not|doesn't|does "
        r"not) (?:working|work|lock)|alveolos? (?:despegad|abiert|rot)\w*|(?:cellophane|wrap|"
        r"wrapper|film|shrink ?wrap)(?: \w+){0,2} cut(?: [\w']+){0,4} and (?:glued|taped|stuck) "
        r"back"
    ),
    C.LABELING: (
        r"(?:shows?|says|reads|printed)(?: strength)? \"?[\d.]+ ?" + _UNIT + r"\"? on the (?:\w+ )"
        r"{0,2}(?:panel|side|front|back|top|box|bottle|label|carton) and \"?[\d.]+ ?"
        + _UNIT
        + r"\"? on the|(?:on )?the (?:box|carton|pack|outer|caja)(?: [\w']+){0,4} "
        + _SAYS
        + r" [\d.,]+ ?"
        + _UNIT
        + r"?,? (?:but|pero) (?:on |en )?(?:the|el|la) (?:bottle|blister|"
        r"strip|tube|label|foil|inner|frasco|etiqueta)(?: \w+){0,3} " + _SAYS + r" [\d.,]+"
    ),
}

TAMPERING_REGISTERS = (
    r"contained (?:\w+ ){0,4}(?:tablets|capsules|pills)(?: [\w']+){0,4},? whereas (?:yours|they|"
    r"the real ones|your \w+|the genuine \w+) (?:are|were|should be)|"
    r"(?:i'll|i will|gonna|going to) (?:open|mix|swap|switch)(?: up)? (?:the |your )?(?:packs|"
    r"boxes|bottles|products|tablets)(?: [\w']+){0,4} (?:in the (?:store|shop)|on the shel\w+|"
    r"so no one knows)|(?:le |les )?(?:meto|meter|pongo|poner|echo|echar) (?:agujas|veneno|"
    r"vidrio|cristales)|will be (?:interfered|tampered) with|unless a sum is paid|"
    r"suspects? (?:it was |they were |the contents were |contents )?(?:swapped|switched|replaced|"
    r"tampered)|(?:pin|needle|sewing pin|nail)s? (?:pushed|stuck|inserted|jammed|embedded) "
    r"(?:right )?(?:into|in|through) (?:one of )?(?:the |a )?(?:gel )?(?:capsules?|caps|tablets?|"
    r"softgels?|gummies|pills?)"
)
