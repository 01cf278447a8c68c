"""Interactive tools for the notebooks. They only display: nothing waits for input, so
autograding never blocks on them."""

from __future__ import annotations

from statistics import NormalDist

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from IPython.display import HTML, display

from .i18n import label, t
from .plotting import yuan_formatter


def _paid_by_day(orders: pd.DataFrame) -> pd.DataFrame:
    paid = orders[orders["status"] == "paid"]
    return paid.assign(date=paid["paid_at"].dt.normalize())


def _kpi_rows(paid: pd.DataFrame, uv: int | None) -> list[tuple[str, str]]:
    buyers = paid["customer_id"].nunique()
    gmv = paid["amount"].sum()
    days_per_buyer = paid.groupby("customer_id")["date"].nunique()
    rows = [(t("kpi.gmv"), f"¥{gmv:,.0f}"), (t("kpi.buyers"), f"{buyers:,}"),
            (t("kpi.orders"), f"{len(paid):,}"),
            (t("kpi.aov"), f"¥{gmv / buyers:,.1f}" if buyers else "–"),
            (t("kpi.order_value"), f"¥{gmv / len(paid):,.1f}" if len(paid) else "–"),
            (t("kpi.repurchase"), f"{(days_per_buyer >= 2).mean():.1%}" if buyers else "–")]
    if uv is not None:
        buyer_days = paid.groupby("date")["customer_id"].nunique().sum()
        rows[1:1] = [(t("kpi.uv"), f"{uv:,}"), (t("kpi.cr"), f"{buyer_days / uv:.2%}" if uv else "–")]
    return rows


def kpi_dashboard(orders: pd.DataFrame, traffic: pd.DataFrame) -> widgets.VBox:
    """KPI cards and daily GMV for a date range and platform (UV and CR only for all platforms,
    since traffic is not split by platform)."""
    paid = _paid_by_day(orders)
    weeks = pd.date_range(paid["date"].min(), paid["date"].max(), freq="7D")
    dates = widgets.SelectionRangeSlider(
        options=[(d.strftime("%Y-%m-%d"), d) for d in weeks], index=(len(weeks) - 9, len(weeks) - 1),
        description=t("widget.dates"), layout=widgets.Layout(width="560px"), continuous_update=False)
    platforms = [(t("widget.all"), "all")] + [(label(p), p) for p in sorted(paid["platform"].unique())]
    platform = widgets.Dropdown(options=platforms, value="all", description=t("widget.platform"))
    out = widgets.Output()

    def render(_change: object = None) -> None:
        start, end = dates.value
        chosen = paid[(paid["date"] >= start) & (paid["date"] <= end)]
        uv = None
        if platform.value == "all":
            uv = int(traffic.loc[traffic["date"].between(start, end), "uv"].sum())
        else:
            chosen = chosen[chosen["platform"] == platform.value]
        cells = "".join(f"<td style='padding:4px 12px'><b>{value}</b><br><small>{name}</small></td>"
                        for name, value in _kpi_rows(chosen, uv))
        note = f"<small>{t('kpi.note_uv')}</small>" if uv is not None else ""
        with out:
            out.clear_output(wait=True)
            display(HTML(f"<table><tr>{cells}</tr></table>{note}"))
            fig, ax = plt.subplots(figsize=(9, 3))
            chosen.groupby("date")["amount"].sum().plot(ax=ax, color="#d9480f")
            ax.yaxis.set_major_formatter(yuan_formatter())
            ax.set(title=t("title.dashboard", start=f"{start:%Y-%m-%d}", end=f"{end:%Y-%m-%d}"),
                   xlabel=t("axis.date"), ylabel=t("axis.gmv"))
            plt.show()

    dates.observe(render, names="value")
    platform.observe(render, names="value")
    render()
    return widgets.VBox([widgets.HBox([platform, dates]), out])


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
        safety = NormalDist().inv_cdf(service.value) * sd * np.sqrt(lead.value)
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
        with out:
            out.clear_output(wait=True)
            display(HTML(f"<table><tr>{cells}</tr></table><small>{t('ch06.sim.note')}</small>"))
            fig, ax = plt.subplots(figsize=(9, 3))
            ax.plot(daily_demand.index, run["stock"], lw=1, label=t("ch06.legend.on_hand"))
            ax.axhline(rop, color="#c92a2a", ls="--", lw=1, label=t("ch06.legend.rop"))
            ax.set(title=t("ch06.title.sim", sku=sku.value, rop=rop, q=qty), ylabel=t("ch06.axis.units"))
            ax.legend(loc="upper right")
            plt.show()

    for control in (sku, service, lead, order_days):
        control.observe(render, names="value")
    render()
    return widgets.VBox([widgets.HBox([sku, service]), widgets.HBox([lead, order_days]), out])
