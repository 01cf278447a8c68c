"""Chapter 6's interactive tools. They only display (nothing waits for input), and grading skips
them (``demonstration``)."""

from __future__ import annotations

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from IPython.display import HTML
from scipy import stats

from ...i18n import t
from ...notebook import demonstration, show_in


def _replay_stock(demand: np.ndarray, lead_days: int, reorder_point: float, order_qty: float) -> dict:
    """Day-by-day (s, Q) replay of a demand history: lost sales, one fixed lead time."""
    on_hand, pipeline = reorder_point + order_qty, []
    stock, lost, cycles, short_cycles, short_now = [], 0.0, 0, 0, False
    for day, want in enumerate(demand):
        arrived = sum(q for d, q in pipeline if d == day)
        if arrived:
            on_hand += arrived
            pipeline = [(d, q) for d, q in pipeline if d != day]
            cycles, short_cycles, short_now = cycles + 1, short_cycles + short_now, False
        sold = min(on_hand, want)
        lost += want - sold
        on_hand -= sold
        short_now = short_now or want > sold
        if on_hand + sum(q for _, q in pipeline) <= reorder_point:
            pipeline.append((day + lead_days, order_qty))
        stock.append(on_hand)
    stock = np.array(stock)
    return {"stock": stock, "lost": lost, "stockout_days": int((stock == 0).sum()),
            "fill_rate": 1 - lost / demand.sum() if demand.sum() else 1.0,
            "cycle_service": 1 - short_cycles / cycles if cycles else float("nan")}


@demonstration
def inventory_simulator(daily_demand: pd.DataFrame, unit_cost: pd.Series, top: int = 12) -> widgets.VBox:
    """Reorder point and service level against stock-outs and holding cost, replayed on the real
    daily sales of one SKU (columns of ``daily_demand`` are product ids, rows are days)."""
    skus = list(daily_demand.sum().sort_values(ascending=False).index[:top])
    sku = widgets.Dropdown(options=skus, value=skus[0], description=t("ch06.widget.sku"))
    wide = {"description_width": "initial"}
    service = widgets.FloatSlider(value=0.95, min=0.80, max=0.995, step=0.005, readout_format=".3f",
                                  description=t("ch06.widget.service"), style=wide, continuous_update=False)
    lead = widgets.IntSlider(value=14, min=2, max=35, description=t("ch06.widget.lead"), style=wide,
                             continuous_update=False)
    order_days = widgets.IntSlider(value=21, min=7, max=60, description=t("ch06.widget.order_days"),
                                   style=wide, continuous_update=False)
    out = widgets.Output()

    def render(_change: object = None) -> None:
        demand = daily_demand[sku.value].to_numpy(dtype=float)
        mean, sd = demand.mean(), demand.std(ddof=1)
        safety = stats.norm.ppf(service.value) * sd * np.sqrt(lead.value)
        rop = mean * lead.value + safety
        qty = max(1.0, round(mean * order_days.value))
        run = _replay_stock(demand, lead.value, rop, qty)
        holding = run["stock"].mean() * float(unit_cost[sku.value]) * 0.25
        rows = [(t("ch06.sim.safety"), f"{safety:,.1f}"), (t("ch06.sim.rop"), f"{rop:,.1f}"),
                (t("ch06.sim.stockout_days"), f"{run['stockout_days']}"),
                (t("ch06.sim.fill_rate"), f"{run['fill_rate']:.1%}"),
                (t("ch06.sim.cycle_service"), f"{run['cycle_service']:.1%}"),
                (t("ch06.sim.avg_stock"), f"{run['stock'].mean():,.1f}"),
                (t("ch06.sim.holding"), f"¥{holding:,.0f}")]
        cells = "".join(f"<td style='padding:4px 12px'><b>{value}</b><br><small>{name}</small></td>"
                        for name, value in rows)
        fig, ax = plt.subplots(figsize=(9, 3))
        ax.plot(daily_demand.index, run["stock"], lw=1, label=t("ch06.legend.on_hand"))
        ax.axhline(rop, color="#c92a2a", ls="--", lw=1, label=t("ch06.legend.rop"))
        ax.set(title=t("ch06.title.sim", sku=sku.value, rop=rop, q=qty), ylabel=t("ch06.axis.units"))
        ax.legend(loc="upper right")
        show_in(out, HTML(f"<table><tr>{cells}</tr></table><small>{t('ch06.sim.note')}</small>"), fig)

    for control in (sku, service, lead, order_days):
        control.observe(render, names="value")
    render()
    return widgets.VBox([widgets.HBox([sku, service]), widgets.HBox([lead, order_days]), out])
