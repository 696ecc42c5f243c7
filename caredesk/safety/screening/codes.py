"""Stable lowercase codes the screener emits (the `caredesk triage` contract).

They are enums so that a typo is a type error, and `str` so that they serialise as the bare code.
Add codes only at the end of a group; never rename one (evaluations and stored data rely on them).
"""

from __future__ import annotations

from enum import StrEnum


class SpecialSituation(StrEnum):
    """GVP VI.B.6 / ICH E2D special situations, captured even without harm."""

    PREGNANCY = "pregnancy"
    BREASTFEEDING = "breastfeeding"
    OVERDOSE = "overdose"
    MISUSE = "misuse"
    ABUSE = "abuse"
    MEDICATION_ERROR = "medication_error"
    LACK_OF_EFFICACY = "lack_of_efficacy"
    OFF_LABEL_USE = "off_label_use"
    ACCIDENTAL_EXPOSURE = "accidental_exposure"
    INFECTIOUS_AGENT = "infectious_agent"
    OCCUPATIONAL_EXPOSURE = "occupational_exposure"
    WITHDRAWAL = "withdrawal"
    COUNTERFEIT = "counterfeit"


class ComplaintCategory(StrEnum):
    """Product quality complaint categories (regulations.md 4.4, simplified to one code)."""

    PACKAGING = "packaging"
    LABELING = "labeling"
    FOREIGN_MATTER = "foreign_matter"
    APPEARANCE = "appearance"
    DEVICE_MALFUNCTION = "device_malfunction"
    QUANTITY = "quantity"
    COUNTERFEIT = "counterfeit"


class Seriousness(StrEnum):
    """ICH E2A seriousness criteria."""

    DEATH = "death"
    LIFE_THREATENING = "life_threatening"
    HOSPITALIZATION = "hospitalization"
    DISABILITY = "disability"
    CONGENITAL_ANOMALY = "congenital_anomaly"
    MEDICALLY_IMPORTANT = "medically_important"


# When one message names several complaint kinds, the single `complaint_category` is the first
# of these that was found: the order puts patient risk (fake, contaminated, failing device) first.
CATEGORY_PRIORITY: tuple[ComplaintCategory, ...] = (
    ComplaintCategory.COUNTERFEIT,
    ComplaintCategory.FOREIGN_MATTER,
    ComplaintCategory.DEVICE_MALFUNCTION,
    ComplaintCategory.LABELING,
    ComplaintCategory.QUANTITY,
    ComplaintCategory.APPEARANCE,
    ComplaintCategory.PACKAGING,
)
