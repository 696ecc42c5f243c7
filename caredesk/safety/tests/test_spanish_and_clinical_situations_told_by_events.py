"""Special situations told by what happened, in Spanish across countries
(concepts_families_spanish_events.py) and in clinicians' and pharmacists' wording (the later
families of concepts_families_doses.py and concepts_families_uses.py). Read off the twenty-second
and twenty-third writers' batches (train_33, train_34); the examples are ours, with look-alikes."""

import pytest

from caredesk.safety.screening import screen
from caredesk.safety.screening.codes import SpecialSituation as SS


def _codes(text: str) -> set[SS]:
    return set(screen(text).special_situations)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("No me acordaba si ya me la había tomado y me tomé otra.", SS.OVERDOSE),
        ("Se tomó 4 sobres del antigripal en 3 horas.", SS.OVERDOSE),
        ("Mi sobrino se tomó unas 15 pastillas para alucinar con sus amigos.", SS.ABUSE),
        ("Estoy lactando y tomé el jarabe para la tos.", SS.BREASTFEEDING),
        ("Les di la pipeta hace una semana y siguen llenos de pulgas.", SS.LACK_OF_EFFICACY),
        ("El analgésico no me hizo absolutamente nada, como si fuera agua.", SS.LACK_OF_EFFICACY),
        ("Mi abuelo usa las gotas de mi abuela porque dice que son lo mismo.", SS.MISUSE),
        ("Le da el jarabe al bebé para que duerma en el viaje.", SS.MISUSE),
        ("Suspendió el clonazepam y ahora no duerme y tiembla.", SS.WITHDRAWAL),
        ("Se nos acabó el fenobarbital y le dieron convulsiones.", SS.WITHDRAWAL),
        ("Preparando la vacuna me salpicó en la mano.", SS.OCCUPATIONAL_EXPOSURE),
        ("La gata se frotó con el perro recién pipeteado.", SS.ACCIDENTAL_EXPOSURE),
        ("El lote podría estar contaminado con micoplasma.", SS.INFECTIOUS_AGENT),
        ("He took the methotrexate every day instead of once a week.", SS.OVERDOSE),
        ("She gave the cat a tablet meant for a 20 kg dog.", SS.OVERDOSE),
        ("Dad didn't know mum had already given the dose.", SS.MEDICATION_ERROR),
        ("The pen froze in the fridge and she used it anyway once it thawed.", SS.MEDICATION_ERROR),
        ("I caught it at the checking stage and rang the surgery.", SS.MEDICATION_ERROR),
        ("The ward has been crushing the XL tablets down the tube.", SS.MEDICATION_ERROR),
        ("Treated for the full five-day course and the cough is still there.", SS.LACK_OF_EFFICACY),
        (
            "Since we switched him from the branded one to your generic his BP is up.",
            SS.LACK_OF_EFFICACY,
        ),
        ("She takes four puffs before every race for a boost.", SS.MISUSE),
        ("Our vet used the product (dogs only) in a ferret.", SS.OFF_LABEL_USE),
        ("The toddler was found chewing his mum's tablets.", SS.ACCIDENTAL_EXPOSURE),
    ],
)
def test_what_happened_is_a_special_situation(text: str, code: SS) -> None:
    assert code in _codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Pedido de 20 cajas de paracetamol de 20 comprimidos para el martes.",
        "Quiero 3 cajas de 30 comprimidos con el cupón.",
        "La crema me dejó el pie rojo y ahora me pica.",
        "¿Se puede usar en cabras que están preñadas?",
        "Take one a day, every day, as the label says.",
    ],
)
def test_orders_and_ordinary_use_are_not(text: str) -> None:
    assert not _codes(text) & {SS.OVERDOSE, SS.WITHDRAWAL, SS.PREGNANCY, SS.MEDICATION_ERROR}
