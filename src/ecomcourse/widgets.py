"""Interactive tools for the notebooks. They only display: nothing waits for input, so
autograding never blocks on them."""

from __future__ import annotations

import ipywidgets as widgets
import matplotlib.pyplot as plt
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


def landed_cost_calculator(skus: pd.DataFrame, fx: dict[str, float]) -> widgets.VBox:
    """Chapter 2: where the money of one FBA unit goes, for a SKU, an exchange-rate change and a
    price change (revenue ex VAT, minus referral and FBA fees, minus landed cost)."""
    rows = skus.set_index("sku_id")
    sku = widgets.Dropdown(options=list(rows.index), value=rows.index[0], description=t("ch02.widget.sku"))
    fx_change = widgets.FloatSlider(value=0.0, min=-0.15, max=0.15, step=0.01, readout_format="+.0%",
                                    description=t("ch02.widget.fx_change"), continuous_update=False)
    price_change = widgets.FloatSlider(value=0.0, min=-0.3, max=0.3, step=0.01, readout_format="+.0%",
                                       description=t("ch02.widget.price_change"), continuous_update=False)
    out = widgets.Output()

    def render(_change: object = None) -> None:
        row = rows.loc[sku.value]
        rate = fx[row["currency"]] * (1 + fx_change.value)
        price = row["sale_price"] * (1 + price_change.value)
        gross = price * rate
        vat = gross - gross / (1 + row["vat_rate"])
        referral = row["referral_rate"] * price * rate
        fba = row["fba_fee"] * rate
        landed = row["unit_cost_cny"] * (1 + row["duty_rate"]) + row["first_leg_cny"]
        margin = gross - vat - referral - fba - landed
        steps = [("ch02.widget.vat", vat), ("ch02.widget.referral", referral), ("ch02.widget.fba", fba),
                 ("ch02.widget.landed", landed)]
        with out:
            out.clear_output(wait=True)
            fig, ax = plt.subplots(figsize=(9, 3.4))
            ax.bar(t("ch02.widget.price"), gross, color="#1c7ed6")
            level = gross
            for key, value in steps:
                ax.bar(t(key), -value, bottom=level, color="#c92a2a")
                level -= value
            ax.bar(t("ch02.widget.margin"), margin, color="#2b8a3e" if margin >= 0 else "#c92a2a")
            ax.axhline(0, color="black", lw=0.8)
            ax.set_ylim(min(0.0, margin) * 1.15, gross * 1.08)
            ax.yaxis.set_major_formatter(yuan_formatter())
            ax.set(title=t("ch02.widget.title", sku=sku.value))
            plt.show()
            revenue = gross - vat
            display(HTML("<b>" + t("ch02.widget.summary", rate=rate, currency=row["currency"], price=price,
                                   margin=margin, share=margin / revenue) + "</b>"))

    for control in (sku, fx_change, price_change):
        control.observe(render, names="value")
    render()
    return widgets.VBox([widgets.HBox([sku, fx_change, price_change]), out])
