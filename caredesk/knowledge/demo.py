"""A handful of approved articles for a demo program (English and Spanish), for `caredesk demo`
and the tests: `load_demo_articles(program, author=…, approver=…, password=…)`.

They go through the real path (draft, submit, another person's signed approval), so the demo's
audit trail shows what a real knowledge base's would.
"""

from __future__ import annotations

from typing import Any

from caredesk.knowledge.models import ArticleKind, ArticleVersion, Audience
from caredesk.knowledge.services.articles import (
    ArticleInput,
    approve_version,
    create_article,
    submit_version,
)
from caredesk.tenancy.models import Program

DEMO_ARTICLES: list[ArticleInput] = [
    ArticleInput(
        title="How to take Relievium tablets",
        body=(
            "Adults and children 12 years and over: take 1 tablet every 4 to 6 hours while "
            "symptoms last. Do not take more than 6 tablets in 24 hours unless a doctor tells "
            "you to.\n\nChildren under 12 years: ask a doctor. Take with food or milk if your "
            "stomach is upset."
        ),
        keywords="dose dosage pills how many per day maximum",
    ),
    ArticleInput(
        title="Storing your tablets",
        body=(
            "Store the tablets at room temperature, 20 to 25 °C (68 to 77 °F). Keep them away "
            "from heat and moisture, in the original carton.\n\nKeep out of the reach of "
            "children. Do not use after the expiry date printed on the carton."
        ),
        keywords="storage keep temperature heat fridge expiry expiration",
    ),
    ArticleInput(
        title="Is Relievium gluten free?",
        body=(
            "Relievium tablets contain no gluten ingredients. The inactive ingredients are "
            "microcrystalline cellulose, lactose monohydrate, magnesium stearate and a film "
            "coating. People with lactose intolerance should ask their pharmacist."
        ),
        keywords="gluten celiac coeliac lactose ingredients allergy",
    ),
    ArticleInput(
        title="Where to buy Relievium",
        body=(
            "Relievium is sold without a prescription at pharmacies, supermarkets and online "
            "retailers across the United States. Use the store finder on our website to find "
            "a shop near you."
        ),
        keywords="buy purchase store shop available pharmacy",
    ),
    ArticleInput(
        title="Cómo tomar las tabletas de Relievium",
        body=(
            "Adultos y niños de 12 años o más: tome 1 tableta cada 4 a 6 horas mientras duren "
            "los síntomas. No tome más de 6 tabletas en 24 horas salvo indicación de un "
            "médico.\n\nNiños menores de 12 años: consulte a un médico."
        ),
        keywords="dosis pastillas cuantas al dia maximo",
        language="es",
    ),
    ArticleInput(
        title="Cómo conservar las tabletas",
        body=(
            "Guarde las tabletas a temperatura ambiente, entre 20 y 25 °C, lejos del calor y "
            "la humedad, en su caja original. Manténgalas fuera del alcance de los niños. No "
            "las use después de la fecha de caducidad."
        ),
        keywords="guardar conservar temperatura nevera caducidad vencimiento",
        language="es",
    ),
    ArticleInput(
        title="Relievium in renal impairment (standard response)",
        body=(
            "Relievium has not been studied in patients with severe renal impairment. "
            "Healthcare professionals may request the full standard response with references "
            "from Medical Information."
        ),
        keywords="kidney renal impairment creatinine clearance",
        kind=ArticleKind.STANDARD_RESPONSE,
        audience=Audience.HCP,
    ),
]


def load_demo_articles(
    program: Program,
    *,
    author: Any,
    approver: Any,
    password: str,
    articles: list[ArticleInput] | None = None,
) -> list[ArticleVersion]:
    """Create, submit and approve (signed by `approver`, who is not `author`) each article."""
    approved = []
    for data in articles if articles is not None else DEMO_ARTICLES:
        draft = create_article(program, ArticleInput(**vars(data)), acting_user=author)
        submit_version(draft, acting_user=author)
        approved.append(approve_version(draft, acting_user=approver, password=password))
    return approved
