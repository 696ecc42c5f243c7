"""Special situations told by what followed, not named: parasites or a wart still there after a
full course, a layperson putting one species' product on another, a withdrawal period ignored,
an overused nasal spray, a feed or a pregnancy told in passing. Read off the misses of the
fifteenth and sixteenth writers' batches (eval/contact_center/train_26.txt, short consumer
messages, and train_27.txt, animal health; both written 2026-12-05 before the screener was run
on them). Merged into the table through concepts_families_lay.py; families, not phrases.
"""

from __future__ import annotations

import re

from caredesk.safety.screening.codes import SpecialSituation as SS
from caredesk.safety.screening.family_table import FamilyTable

SPECIAL_RESULTS = FamilyTable()
_add = SPECIAL_RESULTS.add

_PESTS = r"(?:fleas|lice|ticks?|worms|mites|nits|maggots|bugs)"
_ANIMAL_PRODUCT = (
    r"(?:drops|spot-?on|pipettes?|sprays?|wormer|paste|tablets?|pills|liquid|painkillers?|anti-?"
    r"inflammatory|drench|pour-?on|dip|collar|chews?|shampoo|injection)"
)
_ANIMAL = (
    r"(?:(?:cat|dog|rabbit|pony|horse|ferret|goat|alpaca|ewe|lamb|pig|chicken|hen|collie|kitten|"
    r"guinea pig|hamster|bird|parrot)s?|sheep|calves|puppy|puppies|ponies|\w+ cross)"
)
_KINDS = r"dog|cat|horse|pony|cattle|sheep|cow|pig"
_HOLDER = r"(?:big |little |old |other |small )?(?:" + _KINDS + r")"
# The species a product is for, then an animal that is not it ("the dog shampoo on our dog").
_HOLDER_NAMED = r"(?:big |little |old |other |small )?(?P<hx>" + _KINDS + r")"
_ANOTHER = r"(?!(?P=hx)s?(?![\w']))" + _ANIMAL

# Pests still there after the product: "still hopping with fleas", "found engorged ticks a week
# after his chew", "came down with Lyme even though he'd worn the collar", an egg count up.
_add(
    SS.LACK_OF_EFFICACY,
    r"still (?:hopping|crawling|riddled|covered|infested|alive|full|walking|jumping)"
    r"(?: [\w']+){0,2} (?:with )?" + _PESTS + r"|"
    r"(?:found|finding|pulled|picked|spotted)(?: [\w']+){0,4} (?:engorged|live|fat|big|new) "
    + _PESTS
    + r"(?: [\w']+){0,4} (?:a week|a few days|days|\d+ (?:days|weeks)|two weeks|a fortnight)"
    r"(?: [\w']+){0,2} after (?:his|her|their|the|its)|"
    r"(?:came down with|got|caught|developed|went down with)(?: [\w']+){1,3},? even though "
    r"(?:he|she|they|it|i|we)(?:'d| had| has| have| was| were| is)? (?:worn|wearing|had|been|"
    r"taken|used|given|dosed|treated|vaccinated|jabbed)|"
    r"egg counts?(?:'s| is| was| are| were)? (?:higher|up|worse|no lower|the same)|"
    r"(?:presented|came in|turned up|back) with (?:a |an |two |three |several )?"
    r"(?:live |engorged )?(?:ticks?|fleas) (?:attached|on (?:him|her|it))",
)
# A full course used up and the problem still there; dosed right and still ill; weeks on a
# product and not one change; a symptom the product "isn't touching".
_add(
    SS.LACK_OF_EFFICACY,
    r"(?:used|finished|took|gone through|went through|got through) (?:the |a |my |his |her )?"
    r"(?:whole|entire|full|complete) (?:box|pack|bottle|tube|course|packet|tub)"
    r"(?: [\w',]+){0,8} (?:still|not (?:one|a single|a) (?:bit|change|difference|new))|"
    r"still (?:\w+ ){0,2}after (?:the |a )?(?:full|whole|complete|entire) "
    r"(?:course|treatment|box|pack|dose|round)|"
    r"(?:dosed|treated|wormed|drenched|gave|given)(?: [\w',]+){1,10} but (?:they're|they are|"
    r"he's|she's|it's|he is|she is|it is|we're|they were|he was|she was) still|"
    r"(?:weeks?|months?|days?) (?:on|using) (?!hold)(?:the |this |your |that )?(?:[\w-]+ ){0,3}"
    r"(?:and|but) (?:not (?:one|a single)|still no|zero) (?:new |single )?\w+|"
    r"(?:isn't|isnt|is not|not|doesn't|does not|don't|do not) (?:even )?touch(?:ing)? "
    r"(?:my|his|her|the|their) (?:wheeze|cough|pain|headache|itch|rash|congestion|cold|"
    r"migraine|asthma|heartburn|reflux|acne|spots|symptoms|allergies)",
)
# A layperson putting one species' product on another ("put the big dog's flea drops on the
# cat because we'd run out", "giving my old pony the dog's anti-inflammatory"): misuse, unless
# said to be a slip (a medication error) in the words that follow.
_NOT_A_SLIP = r"(?![\w ,']{0,40}(?:by mistake|by accident|accidentally|in the dark|wrong))"
_LAY_USER = (
    r"(?:(?:i|we|he|she|they|my \w+|his \w+|her \w+|the farmer|bloke)(?: have| has|'ve|'s)? "
    r"|(?:^|(?<=\. )))(?:been )?"
)
_USED = r"(?:put|puts|putting|used|use|uses|using|gave|give|gives|giving|tried|rubbed)"
_add(
    SS.MISUSE,
    _LAY_USER
    + _USED
    + r" (?:the )?"
    + _HOLDER_NAMED
    + r"(?:'s|s')?(?: and cat)? (?:[\w-]+ ){0,3}"
    + _ANIMAL_PRODUCT
    + r"(?: [\w']+){0,3} (?:on|to|into|for) (?:the|my|our|his|her|their) "
    + _ANOTHER
    + _NOT_A_SLIP
    + r"|(?:giving|gave|give|gives) (?:my|our|the|his|her) (?:\w+ )?"
    + _ANIMAL
    + r" (?:[\w-]+ ){0,4}?(?:the )?"
    + _HOLDER
    + r"'s (?:[\w-]+ ){0,2}"
    + _ANIMAL_PRODUCT
    + _NOT_A_SLIP,
)
# Food-animal rules broken: a withdrawal period ignored, medicated feed to laying hens, a
# concentrate put on neat.
_add(
    SS.MISUSE,
    r"(?:ignor\w+|before|inside|within|without waiting)(?: [\w']+){0,4} (?:the )?\d+[- ]day "
    r"(?:meat |milk |egg )?withdrawal|"
    r"medicated (?:\w+ ){0,2}(?:to|for) (?:his|her|the|their|my|our) (?:laying )?"
    r"(?:hens|layers|dairy|milkers)|"
    r"(?:concentrate|dip|drench) (?:on )?neat on|neat (?:concentrate|dip|drench) on",
)
# A decongestant spray used for weeks "straight"; more sachets to lose weight faster; a
# mouthwash or a cream put to another use ("para limpiar heridas").
_add(
    SS.MISUSE,
    r"(?:nasal|nose|decongestant) spray(?: [\w']+){0,3} (?:for )?(?:\w+ )?(?:weeks?|months?) "
    r"(?:straight|solid|non-?stop|in a row|every day)|"
    r"(?:double|triple|extra|more) (?:the )?(?:[\w-]+ ){0,2}(?:sachets?|tablets?|pills|"
    r"capsules|scoops|shakes|doses) to (?:lose weight|slim|get thin|get results|work faster)|"
    r"(?:enjuague|colutorio|crema|pomada|gel) (?:\w+ )?para (?:limpiar|curar|lavar) "
    r"(?:heridas|cortes|llagas)",
)
# Still feeding a baby of some weeks or months (not a bottle or formula); a partner "expecting".
_add(
    SS.BREASTFEEDING,
    r"(?:still|currently|also) feeding (?:my|our|her|his|the) (?:\d+|one|two|three|four|five|"
    r"six|seven|eight|nine|ten|eleven) ?(?:week|wk|month|mo)s?[- ]old"
    r"(?! (?:formula|bottle|on formula|with (?:a )?bottle|solids))",
)
_add(SS.PREGNANCY, r"(?:my|his|our) (?:wife|partner|girlfriend)'s (?:expecting|pregnant)")
# "In the pharmacy they gave me losartan instead of lorazepam"; a resident given another's pill.
_add(
    SS.MEDICATION_ERROR,
    r"(?:me|le|nos|les) (?:dieron|dio|entregaron|despacharon|vendieron) (?:\w+ ){1,3}"
    r"(?:en lugar|en vez) de|"
    r"(?:le|les) (?:dio|dieron|dimos|di) (?:\w+ ){1,9}de otr[oa] (?:residente|paciente|nino|"
    r"nina|senor|senora|persona)",
)
# Fakes in Rioplatense slang ("parecen truchas"); a box unlike the one from the pharmacy.
_add(
    SS.COUNTERFEIT,
    r"(?:son|parecen|eran|estan|es|parece|era) (?:\w+ )?truch[oa]s?|"
    r"(?:caja|envase|empaque|blister|etiqueta) no es igual (?:a|que) (?:la|el) de la farmacia",
)

# One species' product on that species ("we use the dog shampoo on our dog"): use by the label.
# The learned special-situation path reads "use the X on our Y" as off-label or misuse whatever
# the species (engine._model_special asks this before it adds either code).
SAME_SPECIES_USE = re.compile(
    r"(?<![\w'])(?P<s>dog|cat|horse|pony|cattle|sheep|cow|pig|rabbit|ferret|goat)s?(?:'s|s')? "
    r"(?:[\w-]+ ){0,3}" + _ANIMAL_PRODUCT + r"(?: [\w']+){0,3} (?:on|to|for|into) (?:our|my|the|"
    r"his|her|their|both|all|the \w+) (?:[\w-]+ )?(?P=s)s?(?![\w'])"
)

# What a pack is for, said as a fact ("the hologram is there to stop fakes", "it's for external
# use only"): no suspicion and no use. The learned special-situation path (engine._model_special)
# gives no code from such a sentence; it had read both as a finding at 0.59 and 0.75.
LABEL_FACT = re.compile(
    r"(?<![\w'])(?:(?:is|are) there to (?:stop|prevent|deter|catch) (?:fakes|counterfeits|"
    r"forgeries|copies)|to (?:stop|prevent|deter) (?:fakes|counterfeiting|counterfeits)|for "
    r"external use only|keep out of (?:the )?(?:reach|sight) of children)(?![\w'])"
)
