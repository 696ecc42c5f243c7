"""Slot values and templates for the synthetic contact-center set (see README.md).

Labels come from the template that produced an item, never from the screener.
"""

from __future__ import annotations

from typing import Any

PRODUCTS = [
    "Allerfree",
    "Nasoclear spray",
    "the gummies",
    "Dermacalm cream",
    "Sleepwell",
    "the 20 mg tablets",
    "ibuprofen",
    "the new pen",
    "Calmadol",
    "the vitamin D drops",
    "Flexijoint",
    "the patch",
    "the syrup",
    "Gastrorelief",
    "the injection",
]
VET_PRODUCTS = [
    "the flea chew",
    "the spot-on",
    "the dewormer",
    "the joint supplement",
    "the ear drops",
    "the tick collar",
]
PATIENTS = [
    "I",
    "my son",
    "my daughter",
    "my husband",
    "my wife",
    "my mother",
    "my dad",
    "the patient",
    "my grandmother",
    "my 6 year old",
]
ANIMALS = ["my dog", "my cat", "our puppy", "our kitten", "my horse", "the dog"]
SYMPTOMS = [
    "a rash",
    "hives",
    "a bad headache",
    "nausea",
    "dizziness",
    "stomach cramps",
    "diarrhea",
    "swollen lips",
    "trouble breathing",
    "heart palpitations",
    "blurry vision",
    "itching all over",
    "a nosebleed",
    "chest pain",
    "insomnia",
    "really bad heartburn",
    "ringing in the ears",
    "muscle pain",
    "a fever",
    "hair loss",
    "numbness in the fingers",
    "vomiting",
    "a migraine",
    "severe fatigue",
    "mood swings",
]
ANIMAL_SYMPTOMS = [
    "vomiting",
    "diarrhea",
    "lethargy",
    "seizures",
    "itching",
    "hair loss",
    "drooling",
    "a rash on the belly",
    "limping",
    "no appetite",
]
SYMPTOMS_ES = [
    "náuseas",
    "mareos",
    "dolor de cabeza",
    "ronchas",
    "diarrea",
    "picazón",
    "vómitos",
    "dolor de estómago",
    "hinchazón en la cara",
    "taquicardia",
    "somnolencia",
    "fiebre",
]
NEG_SYMPTOMS = [
    "side effects",
    "nausea",
    "rash",
    "headache",
    "dizziness",
    "stomach upset",
    "drowsiness",
    "problems",
    "reaction",
]
INDICATIONS = [
    "headaches",
    "my allergies",
    "back pain",
    "heartburn",
    "anxiety",
    "insomnia",
    "my arthritis",
    "hay fever",
    "migraines",
    "acid reflux",
    "joint pain",
    "eczema",
]
NAMES = ["Maria", "John", "Linda", "Ahmed", "Chen", "Sofia", "Peter", "Grace"]

# (template, labels). Slots: {p} product, {who} patient, {s} symptom, {a} animal,
# {v} vet product, {i} indication, {n} caller name, {ns} negated symptom, {es} Spanish symptom.
AE = {"adverse_event": True}
NO = {"adverse_event": False}
T_AE: list[tuple[str, dict[str, Any]]] = [
    ("Caller {n} states {who} developed {s} after taking {p}.", AE),
    ("Hi, since starting {p} {who} has had {s}. Is this normal? Thanks, {n}", AE),
    ("pt c/o {s} approx 2 hrs after dose of {p}. advised to stop and see HCP.", AE),
    ("Hello, I wanted to report that {p} gave me {s}.", AE),
    ("{who} got {s} the day after using {p}, we stopped it.", AE),
    ("Dear Sir or Madam, I am writing because after two weeks on {p} I experienced {s}.", AE),
    ("hey so i used {p} last nite and woke up w/ {s} lol not fun", AE),
    ("SMS: {p} made {who} feel awful, {s} all evening", AE),
    ("Consumer reports {s} following use of {p}; symptoms resolved after stopping.", AE),
    ("I've been taking {p} for {i} but now I have {s}.", AE),
    ("Caller says {a} had {as_} after {v}.", AE),
    ("Hi, {a} has had {as_} since we gave {v} on Monday.", AE),
    ("Vet tech called: dog developed {as_} within hours of {v}.", AE),
    ("Hola, desde que empecé a tomar {p} tengo {es}.", AE),
    ("Llamó {n}: su hijo tuvo {es} después de usar {p}.", AE),
    ("Buenos días, el {p} me dio {es} y tuve que dejarlo.", AE),
    ("Mi perro tuvo {es} después de {v}.", AE),
]
T_HARD_NEG: list[tuple[str, dict[str, Any]]] = [
    ("I have had no {ns} at all with {p}, it works great.", NO),
    ("Can {p} cause {s}?", NO),
    ("Does {p} cause {ns}? My friend said it might.", NO),
    ("I take {p} for {i} and it helps a lot.", NO),
    ("My doctor prescribed {p} for {i}. Where can I buy it?", NO),
    ("What are the side effects of {p}?", NO),
    ("If {who} gets {s}, should we stop {p}?", NO),
    ("Is {p} safe for someone with a history of {i}?", NO),
    ("Caller asked whether {p} is safe with alcohol. No AE reported.", NO),
    ("pt denies {ns}. Called only to ask about price of {p}.", NO),
    ("The delivery box was crushed but {p} inside is fine. Just letting you know.", NO),
    ("My order of {p} has not arrived yet, can you check the tracking number?", NO),
    ("{a} has no {ns} after {v}, I just want to order more.", NO),
    ("¿{p} puede causar {es}?", NO),
    ("Tomo {p} para el dolor de cabeza y me va muy bien.", NO),
    ("No he tenido ningún efecto secundario con {p}.", NO),
    ("Hi, I need a coupon for {p}, my pharmacy wants $40.", NO),
    ("Is {p} gluten free? I have celiac disease.", NO),
    ("How should I store {p} when traveling?", NO),
    ("Worried that {p} might give me {ns}, should I take it with food?", NO),
]
T_SPECIAL: list[tuple[str, dict[str, Any]]] = [
    ("I'm pregnant and took {p} last week before I knew.", {"special": ["pregnancy"]}),
    ("I am breastfeeding my baby and used {p} yesterday.", {"special": ["breastfeeding"]}),
    ("{who} accidentally took a double dose of {p} this morning.", {"special": ["overdose"]}),
    (
        "My toddler got into the bottle of {p} and swallowed some.",
        {"special": ["accidental_exposure"]},
    ),
    ("The pharmacy gave me the wrong strength of {p}.", {"special": ["medication_error"]}),
    ("{p} doesn't work at all, {i} is the same as before.", {"special": ["lack_of_efficacy"]}),
    ("I gave {a} some of my {p}.", {"special": ["off_label_use"]}),
    ("He's been crushing and snorting {p} to get high.", {"special": ["abuse"]}),
    ("I took my husband's {p} because I ran out of mine.", {"special": ["misuse"]}),
    (
        "Since I stopped {p} I have brain zaps and irritability.",
        {"special": ["withdrawal"], "adverse_event": True},
    ),
    ("Estoy embarazada y tomé {p}.", {"special": ["pregnancy"]}),
    ("El {p} no me funciona para nada.", {"special": ["lack_of_efficacy"]}),
    ("Mi hijo se tomó por error el {p} de su abuela.", {"special": ["medication_error"]}),
    ("{who} took {p} that expired two years ago.", {"special": ["medication_error"]}),
    (
        "I think the {p} I bought online is fake, the box looks different.",
        {"special": ["counterfeit"], "complaint": "counterfeit"},
    ),
]
T_COMPLAINT: list[tuple[str, dict[str, Any]]] = [
    ("The bottle of {p} arrived cracked and leaking.", {"complaint": "packaging"}),
    ("The label on {p} is smudged and I can't read the expiry date.", {"complaint": "labeling"}),
    ("There was a hair inside the {p} package.", {"complaint": "foreign_matter"}),
    ("{p} smells strange and looks discolored this time.", {"complaint": "appearance"}),
    ("My glucose meter shows error E-4 and won't turn on.", {"complaint": "device_malfunction"}),
    ("The box of {p} says 30 but there were only 24 tablets.", {"complaint": "quantity"}),
    (
        "The injector pen jammed and didn't inject the full dose.",
        {"complaint": "device_malfunction"},
    ),
    ("I found black specks floating in {p}.", {"complaint": "foreign_matter"}),
    (
        "The safety seal on {p} was broken when I opened it.",
        {"complaint": "packaging", "tampering": True},
    ),
    (
        "Someone had opened the box of {p}, the pills inside are different.",
        {"complaint": "packaging", "tampering": True},
    ),
    ("La etiqueta del {p} está equivocada.", {"complaint": "labeling"}),
    ("El precinto del {p} estaba roto.", {"complaint": "packaging", "tampering": True}),
    (
        "The blood pressure monitor gives inaccurate readings, way off from the doctor's.",
        {"complaint": "device_malfunction"},
    ),
    ("The {p} tablets were crumbled into powder inside the blister.", {"complaint": "appearance"}),
]
