"""Chapter 2's interactive tools. They only display (nothing waits for input), and grading skips
them (``demonstration``)."""

from __future__ import annotations

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import HTML

from ...i18n import t
from ...notebook import demonstration, show_in
from ...plotting import yuan_formatter


@demonstration
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
        revenue = gross - vat
        show_in(out, fig, HTML("<b>" + t("ch02.widget.summary", rate=rate, currency=row["currency"], price=price,
                                         margin=margin, share=margin / revenue) + "</b>"))

    for control in (sku, fx_change, price_change):
        control.observe(render, names="value")
    render()
    return widgets.VBox([widgets.HBox([sku, fx_change, price_change]), out])
