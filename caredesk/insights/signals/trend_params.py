"""The trend engine's settings and its answer (one alert per series); see `trend`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

__all__ = ["Alert", "Row", "SeriesKey", "TrendParams"]

Row = tuple[str, str, str, str]  # product, lot, event, reporter_id
SeriesKey = tuple[str, str, str]  # product, lot ("" = product-wide), event


@dataclass(frozen=True)
class TrendParams:
    """The engine's settings; defaults are the calibrated ones (see the decision record)."""

    windows: tuple[int, ...] = (3, 5, 7, 10, 14, 21, 28)
    baseline_days: int = 182
    guard_days: int = 28
    warmup_days: int = 84
    min_reporters: int = 4
    min_ratio: float = 1.5
    alpha_product: float = 3e-7
    alpha_lot: float = 3e-8
    bayes_factor: float = 20.0
    prior_shape: float = 0.5
    share_days: int = 7
    share_reports: int = 30
    share_prior: float = 5.0
    activity_prior: float = 10.0
    drift_cv: float = 0.05
    active_lot_days: int = 90
    new_lot_days: int = 90
    young_lot_days: int = 30
    young_lot_weight: float = 10.0
    explained_days: int = 90
    spread_p: float = 0.05
    spread_lots: int = 2


@dataclass(frozen=True)
class Alert:
    """One alerted series. `reports` = distinct reporters in the series up to the alert day."""

    product: str
    lot: str
    event: str
    first_alert_date: dt.date
    reports: int
    method: str
