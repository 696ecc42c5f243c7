"""Safety screening: `screen(text)` finds what pharmacovigilance and quality must see.

Public interface (stable): `screen`, `ScreeningResult`, `Evidence`, `ProductCatalog`,
`CatalogProduct`, `register_catalog`, and the code enums.
"""

from caredesk.safety.screening.catalog import CatalogProduct, ProductCatalog, register_catalog
from caredesk.safety.screening.codes import ComplaintCategory, Seriousness, SpecialSituation
from caredesk.safety.screening.engine import screen
from caredesk.safety.screening.result import Evidence, Mention, ScreeningResult

__all__ = [
    "CatalogProduct",
    "ComplaintCategory",
    "Evidence",
    "Mention",
    "ProductCatalog",
    "ScreeningResult",
    "Seriousness",
    "SpecialSituation",
    "register_catalog",
    "screen",
]
