"""More figures of speech from customer-service batches by independent writers
(eval/customer_service/train_cs_9.txt, 2026-12-05; first look 18/300 = 6.0 % flagged): harm
words said of people, budgets, websites and chores, and products named for what they relieve.
service_talk.figurative_spans reads them with its own list; kept apart only for length.
"""

from __future__ import annotations

import re

_THING = (
    r"(?:widget|app|site|website|design|deal|offer|look|logo|advert|ad|video|merch|promo|"
    r"feature|update|interface|packaging|chat|page|new look|trailer|playlist|colou?rs?)"
)
FIGURATIVE_MORE = re.compile(
    r"(?<![\w'])(?:"
    # the company's founder, not a horse's laminitis
    r"(?:your|our|the|their|its|company's|company) (?:co-?)?founders?|co-?founders?|founders? "
    r"(?:of|and ceo|&)|"
    # praise in slang
    + _THING
    + r"(?: [\w']+){0,2} (?:is|are|looks?|was) (?:so |really |totally |well |proper )?sick"
    r"(?=!| bro| mate| dude)|"
    # chores that are "painful"
    r"(?:clicking|scrolling|navigating|ordering|logging in|filling (?:in|out)|dealing with|"
    r"waiting|searching|booking|paying|typing|uploading|downloading)(?: (?:through|on|for|"
    r"with))?(?: [\w']+){0,4} (?:is|was|has been) (?:so |really |very |a bit |proper )?"
    r"(?:painful|a pain|torture|agony)|"
    # budgets and spending that "overdosed"
    r"(?:budget|spending|spend|costs?|marketing|presupuesto)(?: [\w']+){0,2} (?:has |have )?"
    r"overdosed|overdosed (?:this|last) (?:quarter|month|year|season)|"
    # money that "bleeds", buying too much, hands shaken, product ranges named for a condition
    r"(?:bank account|account|wallet|budget|profits?|margins?|bank balance)(?: \w+){0,2} (?:is |"
    r"are |was )?bleeding|(?:bought|ordered|buying|ordering) (?:way |far )?too many|non-?drowsy|"
    r"shake (?:my|your|his|her|our) hands?|(?:incontinence|wound care|ostomy|stoma|continence|"
    r"diabetes|diabetic|allergy|first aid) (?:products|supplies|range|lines?|category|aisle)|"
    # vouchers said to be fake; the falsified-medicines rules; mix-ups in the post
    r"(?:voucher|coupon|gift card|receipt|banknote|note|e-?mail|text|code)s?(?: [\w'\"]+){0,8} "
    r"(?:was|is|were|are) [\"']?(?:obviously |clearly |totally )?fake|falsified medicines?(?: "
    r"\w+){0,2} (?:directive|regulation|act|safety features|rules)|(?:courier|delivery|address|"
    r"postcode|labelling|labeling|shipping|parcel|package|pallet|depot|warehouse)(?: [\w']+)"
    r"{0,3} mix-?up|mix-?up (?:at|in|by) (?:the |your |our )?(?:depot|warehouse|courier|sorting"
    r"(?: centre| center| office)?|post office)|"
    # reactions to news; seasons as a sales category
    r"(?:a |my |our )?reactions? to (?:the |your |our )?(?:press release|post|tweet|video|"
    r"article|interview|statement|e-?mail|letter|news|story|announcement)|(?:hay ?fever|flu|cold "
    r"and flu|cold & flu|allergy|cough and cold) season (?:display|stock|range|promo\w*|"
    r"campaign|orders?|sales|planogram)|"
    # clinics, nurses and services named for a condition ("headache nurse", "pain clinic")
    r"(?:headache|migraine|pain|diabetes|asthma|epilepsy|stroke|heart failure|allergy|sleep|"
    r"continence|respiratory|wound|tissue viability) (?:nurse|clinic|specialist|team|service|"
    r"helpline|consultant|programme|program|centre|center)s?|"
    # products named for what they treat ("the cough drops", "your heartburn tablets")
    r"(?:cough|heartburn|cold sore|headache|migraine|allergy|hay ?fever|acne|diarrh\w+|"
    r"constipation|nausea|travel sickness|itch|sleep|fever|cold and flu|cold & flu|flu|"
    r"indigestion|thrush|athlete's foot|eczema|wart|verruca|piles|haemorrhoid) (?:drops|tablets|"
    r"caplets|capsules|cream|gel|spray|syrup|lozenges|medicine|remedy|relief|liquid|sachets|"
    r"patches|powder|solution|bands)|"
    # products named for what they relieve ("the migraine-relief tablets")
    r"[a-z]+[- ](?:relief|reliever|relieving) (?:tablets|caplets|capsules|gel|spray|range|"
    r"patches|cream|rub|balm)"
    r")(?![\w'])"
)
