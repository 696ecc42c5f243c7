"""Special situations as clinicians, pharmacists, carers, vets and medics report them, from the
misses of an independent writer's batch of such reports (eval/contact_center/train_22.txt,
written 2026-12-05 before the screener was run on it; first look: special situations 0.50).
What it showed: professionals name the situation by its facts and by the licence ("off
licence", "under the cascade", "the protocol says 1 g", "both boxes signed", "ingestion of ~32
x 500 mg", "from two different GPs"). Merged into the table through concepts_families_lay.py;
same rules as concepts_families.py: families, not phrases.
"""

from __future__ import annotations

from caredesk.safety.screening.codes import SpecialSituation as SS
from caredesk.safety.screening.family_table import FamilyTable

SPECIAL_CLINICAL = FamilyTable()
_add = SPECIAL_CLINICAL.add


_UNITS = r"(?:mg|g|mcg|ml|mls|units?|iu|tablets?|tabs?|capsules?|puffs?)"

_add(
    SS.OFF_LABEL_USE,
    r"off[- ]licen[cs]e|unlicen[cs]ed (?:use|indication|dose|for)|not (?:a |an )?(?:labell?ed|"
    r"licen[cs]ed|approved|registered) (?:indication|use|for)|(?:outside|not within|beyond) "
    r"(?:the |its )?(?:approved |product )?(?:label(?:l?ing)?|licen[cs]e|marketing "
    r"authori[sz]ation|datasheet|smpc|spc|indications?)|under the cascade|(?:isn't|is not|"
    r"wasn't|not) (?:labell?ed|licen[cs]ed|registered) for|only the [\w.%]+ is licen[cs]ed|"
    r"(?:datasheet|label|licence|license)(?: for (?:that|this) form)? starts (?:older|at)|no "
    r"other indication|for sleep only|fuera de (?:ficha|indicacion|prospecto)|(?:uso|usando) "
    r"fuera de|no (?:esta )?autorizad[oa] para",
)
_add(
    SS.MEDICATION_ERROR,
    r"both (?:the )?[\w:]+ (?:and (?:the )?[\w:]+ )?(?:boxes|doses|slots) (?:were )?(?:signed|"
    r"given)|(?:whose|her|his) prescription was(?: for)?|(?:were|was) given to (?:the )?"
    r"(?:wrong|another|other) (?:patient|resident|lady|man|child|pupil|dog|cat)|(?:were|was) "
    r"given to the (?:lady|man|resident|patient|gentleman) in (?:room|bed)|(?:consent form|"
    r"protocol|instruction card|kit card|care plan)(?: \w+){0,2} (?:says|said|was for|states) "
    r"(?:\w+ )?[\d.]+|(?:thinking|believing) (?:it|this|that|they) (?:was|were) (?:a |an |the )?"
    r"(?:[\w.%-]+ ){0,2}(?:saline|sodium chloride|water|mouthwash|vitamin|trainer|eye drops|"
    r"lubricant)|(?:same|identical|similar) (?:colou?r|size|shape|looking) (?:box|boxes|pack|"
    r"packs|ampoules?|vials?|bottles?|pens?|labels?)|(?:ampoules|boxes|vials|pens|bottles) are "
    r"the same (?:size|colou?r|shape)|(?:stor(?:ing|ed)|kept|keeping) (?:the |her |his )?(?:pen|"
    r"insulin|vaccine|vials?|eye drops)(?: [\w']+){0,3} in the freezer|(?:\d+|one|two|three|"
    r"four) hours? (?:early|late)|read the [\w:.]+ (?:\w+ ){0,3}as the|crush(?:ing|ed)? (?:his |"
    r"her |the )?(?:prolonged|modified|extended|slow|controlled)[- ]release|at \d\d?[:.]?\d\d "
    r"instead of \d\d?[:.]?\d\d|unlabell?ed (?:container|bottle|pot|cup|syringe)|decanted|"
    r"without the neutrali[sz]er|(?:gave|applied|put|used) (?:\w+ ){0,4}the (?:dog|cat|horse|"
    r"adult|human|children's|kids') (?:version|one|strength|pack)|instead of the [\d.-]+ ?(?:kg|"
    r"mg|mcg|ml)|(?:bought|picked up|grabbed|dispensed) the wrong (?:pack|box|strength|"
    r"bottle|one)",
)
_add(
    SS.OVERDOSE,
    r"(?:intentional |deliberate |accidental )?ingestion of (?:about |approximately |~ ?|"
    r"roughly |around )?\d+|(?:took|taken|taking|swallowed) (?:about |approximately |~ ?|roughly "
    r"|up to |around )?(?:[5-9]|\d\d+) (?:x )?(?:tablets|tabs|capsules|pills|a day|of (?:his|her|"
    r"the|your|their))|(?:an hour|\d+ (?:minutes|hours)) later (?:\w+ ){0,5}(?:took|had|taken) "
    r"another|drank (?:about |approximately |~ ?|roughly )?\d+ ?ml of|(?:gave|given) (?:\w+ )"
    r"{0,3}\d+ x (?:[\w-]+ )?\d+ ?" + _UNITS,
)
_add(
    SS.ABUSE,
    r"for the high|to get (?:a )?(?:buzz|high)|(?:from|across|at) (?:two|three|four|several|"
    r"different|multiple) (?:different )?(?:gps|doctors|pharmacies|branches|surgeries|"
    r"prescribers)|doctor[- ]shopping|(?:holding|hiding|hoarding|saving|stockpiling|acopiad\w+)"
    r"(?: \w+){0,4} (?:capsules|tablets|pills|comprimidos|in his cheek|in her cheek)|(?:dissolv"
    r"\w+|crush\w+) and (?:inject\w+|snort\w+)|at least (?:\w+ )?times (?:in|this|over) (?:the "
    r"last |a )?(?:month|week)|para estar tranquil[oa]",
)
_add(
    SS.MISUSE,
    r"(?:horse|dog|cat|cattle|animal|vet|yard)(?:'s)? (?:[\w-]+ ){0,2}(?:\(for \w+\) )?on "
    r"(?:herself|himself|themselves|myself)|borrowed (?:from )?(?:a |his |her )?(?:\w+'s )?"
    r"(?:prescription|inhaler|tablets|pills)|reus\w+ the same (?:pen )?needle|same needle for|"
    r"por su cuenta|under (?:an? )?(?:occlusive|plastic|cling) (?:wrap|film|dressing)|to make it "
    r"(?:get in|work) (?:deeper|better|faster)|(?:\d+|ten|twelve) to (?:\d+|twelve|fifteen) "
    r"puffs",
)
_add(
    SS.LACK_OF_EFFICACY,
    r"(?:have|had|has|with) live (?:fleas|ticks|lice|worms|mites)|(?:faecal |fecal )?egg count "
    r"reduction|(?:implant|coil|iud|ius|depo|contraceptive injection|emergency (?:tablet|pill|"
    r"contracepti\w+)|levonorgestrel|etonogestrel)[^?]{0,160}?(?:pregnant|pregnancy test (?:was "
    r"|is |came back )?positive|positive pregnancy test|embarazada)|(?:no missed doses|never "
    r"missed a dose|compliance (?:confirmed|good))[^?]{0,200}?(?:diagnosed|breakthrough|still|"
    r"no better|positive|developed)",
)
_add(
    SS.WITHDRAWAL,
    r"ran out of (?:his |her |my |their |the )?[\w-]+(?: [\w/.%-]+){0,5}[^.]{0,80}(?:sweat\w*|"
    r"restless|shak\w+|can't sleep|could not settle|couldn't sleep|withdrawal)|"
    r"(?:stopped|came off|quit) (?:\w+ ){0,6}(?:spray|drops)[^.]{0,80}(?:blocked|bunged|"
    r"congested|tapad\w+)",
)
_add(
    SS.OCCUPATIONAL_EXPOSURE,
    r"(?:discharged|injected|fired|stuck) (?:[\w-]+ ){0,6}into (?:his|her|my) (?:own )?(?:left |"
    r"right )?(?:thumb|finger|hand)",
)
_add(
    SS.ACCIDENTAL_EXPOSURE,
    r"found (?:holding|with|playing with) (?:his |her |a |the )?(?:[\w']+ )?(?:blister|pill|"
    r"tablets?|bottle|organiser|pill organiser|patch)|(?:slept|curled up|cuddled) (?:\w+ ){0,3}"
    r"(?:against|with|next to) the (?:dog|cat)|sucked on (?:it|the patch|the plaster)|got into "
    r"(?:the (?:store|shed|cupboard|bin|medicine cabinet|owner's \w+)|(?:his|her) owner's)|"
    r"(?:took|ate|swallowed) one of (?:her|his|a) (?:friend|sister|brother|classmate)'s|licked "
    r"(?:some of )?the (?:\w+ ){0,3}(?:varnish|gel|cream|paste|ointment) (?:from|off)",
)
_add(
    SS.INFECTIOUS_AGENT,
    r"(?:plasma-derived|blood product|factor viii|factor ix|immunoglobulin|albumin)(?: [\w',()"
    r"-]+){0,25} (?:hepatitis|hiv|hep [abc]|parvovirus)|(?:cultivo|culture)(?: \w+){0,3} (?:salio|"
    r"grew|showed|positive for) (?:\w+ )?(?:serratia|pseudomonas|burkholderia|klebsiella|"
    r"staph\w*|e\.? ?coli|bacillus|mycoplasma|candida|aspergillus)",
)

# The mixed batch (train_24): the same situations in a week's ordinary traffic.
_add(
    SS.PREGNANCY,
    r"(?:did|took|done) a (?:pregnancy )?test(?: [\w']+){0,6} (?:showing|shows|showed|came up|"
    r"came back|is) (?:two lines|positive|pregnant)",
)
_add(
    SS.LACK_OF_EFFICACY,
    r"pastilla (?:de emergencia|de la manana siguiente|del dia despues)[^?]{0,160}?embaraz\w+",
)
_add(
    SS.WITHDRAWAL,
    r"(?:stopped|ran out of)(?:(?!because|due to|porque|as it)[^.]){0,80}(?:not slept|haven't "
    r"slept|can't sleep|pounding headache|headache)",
)
_add(
    SS.MISUSE,
    r"(?:thought|thinking|figured) (?:more|extra|a double dose|double) would (?:clear|work|help|"
    r"fix)|(?:laxantes?|laxatives?)[^.]{0,60}(?:para bajar de peso|to lose weight|adelgazar)|"
    r"(?:horse|cattle|sheep|dog|animal) (?:\w+ ){0,2}paste(?: [\w']+){0,3} (?:himself|herself|"
    r"myself)|prevents? (?:viruses|covid|colds)",
)
_add(
    SS.OVERDOSE,
    r"at the dose for \d+ ?kg\W+(?:\w+ ){0,3}(?:weighed|weighs|is) (?:about |only |around )?\d+",
)
_add(
    SS.MEDICATION_ERROR,
    r"pipettes? for dogs(?: [\w()'-]+){0,8} on (?:our|my|the|her) (?:cat|kitten)",
)
_add(
    SS.ACCIDENTAL_EXPOSURE,
    r"found by (?:\w+ ){0,2}with (?:an? |the )?(?:open |opened )?(?:bottle|blister|pack|box|"
    r"tub)",
)
