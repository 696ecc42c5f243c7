"""Spanish as people across Latin America and Spain write it, from an all-Spanish batch by an
independent writer (eval/contact_center/train_25.txt); in our own words, with look-alikes."""

import pytest

from caredesk.safety.screening import screen
from caredesk.safety.screening.codes import ComplaintCategory as C

HARMS = [
    "El jarabe para la tos la dejó re acelerada toda la noche.",
    "La crema para el dolor me quemó la espalda y me quedó colorada.",
    "Con las pastillas para la presión me dio una tos seca que no se me quita.",
    "Mi perrito después del comprimido para la artrosis hizo caca con sangre.",
    "Las gotas para dormir lo dejaron lento al hablar.",
    "El laxante me dio unos cólicos que me doblaban.",
    "Las pastillas no sirvieron, quedé embarazada y ahora tengo náuseas todo el día.",
]


@pytest.mark.parametrize("text", HARMS)
def test_the_harm_is_found(text: str) -> None:
    assert screen(text).adverse_event


SITUATIONS = [
    ("overdose", "Se me olvidó que ya la había tomado y me tomé otra a la hora."),
    ("overdose", "El perro se comió casi toda la caja de masticables."),
    ("overdose", "La abuela se puso dos parches juntos."),
    ("medication_error", "En la farmacia me dieron enalapril en lugar de loratadina."),
    ("medication_error", "Me inyecté la rápida pensando que era la lenta."),
    (
        "misuse",
        "Me tomo las pastillas para dormir con una copa de vino para que me hagan más efecto.",
    ),
    ("misuse", "Uso las gotas del perro en mis ojos porque son más baratas."),
    ("abuse", "Se toma diez de golpe para sentirse bien."),
    ("pregnancy", "Quedé embarazada tomando las pastillas."),
    ("lack_of_efficacy", "El analgésico es puro cuento, el dolor ni se inmutó."),
    ("off_label_use", "El veterinario nos dijo darle el antiinflamatorio que es para caballos."),
    ("occupational_exposure", "Trabajo en la planta y al mezclar el polvo me salió un sarpullido."),
    ("withdrawal", "Se quedó sin las pastillas para dormir y lleva tres noches temblando."),
    ("counterfeit", "Me vendieron en el tianguis una pastilla como si fuera la de ustedes."),
]


@pytest.mark.parametrize(("code", "text"), SITUATIONS)
def test_the_special_situation_is_found(code: str, text: str) -> None:
    assert code in screen(text).special_situations


COMPLAINTS = [
    (C.PACKAGING, "La tapa de seguridad no traba, gira en falso."),
    (C.LABELING, "El prospecto vino solo en portugués."),
    (C.FOREIGN_MATTER, "Hay partículas negras flotando en el suero."),
    (C.APPEARANCE, "El jarabe antes era rosado y ahora es marrón."),
    (C.DEVICE_MALFUNCTION, "El autoinyector no disparó."),
    (C.QUANTITY, "La caja dice 30 comprimidos y conté 26."),
]


@pytest.mark.parametrize(("category", "text"), COMPLAINTS)
def test_the_complaint_is_found(category: C, text: str) -> None:
    assert category in screen(text).complaint_categories


@pytest.mark.parametrize(
    "text",
    [
        "Si no me devuelven la plata voy a meterle algo a sus jarabes.",
        "Abrí el frasco y había otras pastillas que no son las de ustedes.",
    ],
)
def test_tampering_is_found(text: str) -> None:
    assert screen(text).tampering


@pytest.mark.parametrize(
    "text",
    [
        "¿El jarabe para la tos se puede tomar con leche?",
        "Me muero de ganas de probar el sabor nuevo.",
        "Qué dolor de cabeza con el envío, llegó tarde otra vez.",
        "Trabajo en una oficina y quisiera pedir vitaminas para el equipo.",
        "Trabajo en una clínica veterinaria y necesito cotización de vacunas.",
    ],
)
def test_ordinary_spanish_is_not_flagged(text: str) -> None:
    assert not screen(text).needs_review, screen(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Encontré una hormiga (creo) flotando en el jarabe.", "foreign_matter"),
        ("El oxímetro marca 80-83 a todos en la familia.", "device_malfunction"),
        ("La crema vino toda separada y con grumos duros.", "appearance"),
    ],
)
def test_second_spanish_batch_complaints(text: str, category: str) -> None:
    """From the second all-Spanish batch (train_34): a bug floating in the syrup, a reading the
    same for everyone, a cream separated into oil and lumps."""
    assert category in {str(c) for c in screen(text).complaint_categories}


def test_hair_floating_in_a_pool_is_no_complaint() -> None:
    assert not screen("Nadamos con el pelo flotando en la piscina.").product_complaint
