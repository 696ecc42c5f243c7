"""REST API of programs, products and lots (read-only: program admins configure them)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest
from ninja import Query, Schema

from caredesk.api_support.auth import acting_user
from caredesk.api_support.pagination import Page, PageParams, paginate
from caredesk.api_support.router import ApiRouter
from caredesk.api_support.types import ObjectId
from caredesk.tenancy.models import Lot, Product, ProductType, Program
from caredesk.tenancy.services import access_lot, access_product

router = ApiRouter(tags=["programs and products"])


class ProgramOut(Schema):
    id: int
    code: str
    name: str
    country: str
    time_zone: str


class ProductOut(Schema):
    id: int
    program_id: int
    name: str
    product_type: ProductType
    strength: str
    ndc: str
    gtin: str
    udi_di: str
    sku: str
    active_ingredients: str


class LotOut(Schema):
    id: int
    product_id: int
    number: str
    expiry: date | None
    units_distributed: int
    serial_from: str
    serial_to: str


class ProductFilters(PageParams):
    program: ObjectId | None = None
    product_type: ProductType | None = None


class LotFilters(PageParams):
    program: ObjectId | None = None
    product: ObjectId | None = None


@router.get("/programs", response=Page[ProgramOut])
def list_programs(request: HttpRequest, page: Query[PageParams]) -> dict[str, Any]:
    """The programs the caller is assigned to."""
    programs = Program.objects.visible_to(acting_user(request)).order_by("name", "id")
    return paginate(programs, page)


@router.get("/products", response=Page[ProductOut])
def list_products(request: HttpRequest, filters: Query[ProductFilters]) -> dict[str, Any]:
    products = Product.objects.visible_to(acting_user(request)).order_by("name", "id")
    if filters.program is not None:
        products = products.filter(program_id=filters.program)
    if filters.product_type is not None:
        products = products.filter(product_type=filters.product_type)
    return paginate(products, filters)


@router.get("/products/{product_id}", response=ProductOut)
def get_product(request: HttpRequest, product_id: ObjectId) -> Product:
    return access_product(acting_user(request), product_id)


@router.get("/lots", response=Page[LotOut])
def list_lots(request: HttpRequest, filters: Query[LotFilters]) -> dict[str, Any]:
    lots = Lot.objects.visible_to(acting_user(request)).order_by("number", "id")
    if filters.program is not None:
        lots = lots.filter(product__program_id=filters.program)
    if filters.product is not None:
        lots = lots.filter(product_id=filters.product)
    return paginate(lots, filters)


@router.get("/lots/{lot_id}", response=LotOut)
def get_lot(request: HttpRequest, lot_id: ObjectId) -> Lot:
    return access_lot(acting_user(request), lot_id)
