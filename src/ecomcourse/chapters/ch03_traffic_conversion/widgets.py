"""Chapter 3's interactive tools. They only display (nothing waits for input), and grading skips
them (``demonstration``)."""

from __future__ import annotations

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import HTML

from ...i18n import label, t
from ...notebook import demonstration, show_in
from ...plotting import yuan_formatter

BUDGET_ELASTICITY = 0.6


@demonstration
def budget_explorer(delivery: pd.DataFrame, gross_margin: float = 0.45) -> widgets.VBox:
    """Chapter 3: move the total budget and each channel's share; expected GMV follows a
    diminishing-returns curve GMV_c(s) = GMV_c · (s / spend_c)^0.6 anchored at the actual spend."""
    base = delivery.groupby("channel")[["spend", "gmv"]].sum()
    total = float(base["spend"].sum())
    budget = widgets.FloatSlider(value=round(total, -3), min=round(total * 0.5, -3), max=round(total * 2, -3),
                                 step=1000, description=t("ch03.widget.budget"), readout_format=",.0f",
                                 continuous_update=False, style={"description_width": "200px"},
                                 layout=widgets.Layout(width="560px"))
    shares = {c: widgets.FloatSlider(value=round(float(base.loc[c, "spend"]) / total, 2), min=0.0, max=1.0, step=0.01,
                                     description=t("ch03.widget.share", name=label(c)), readout_format=".0%",
                                     continuous_update=False, style={"description_width": "200px"},
                                     layout=widgets.Layout(width="560px"))
              for c in base.index}
    roas = base["gmv"] / base["spend"]
    kept = base["gmv"].where(roas >= 1 / gross_margin, 0.0)
    presets = {"current": base["spend"] / total, "rule": kept / kept.sum(),
               "top": (roas == roas.max()).astype(float)}
    plan = widgets.Dropdown(options=[(t(f"ch03.plan.{k}"), k) for k in presets], value="current",
                            description=t("ch03.widget.plan"), style={"description_width": "200px"},
                            layout=widgets.Layout(width="560px"))
    out = widgets.Output()

    def expected_gmv(spend: pd.Series) -> pd.Series:
        return base["gmv"] * (spend / base["spend"]).clip(lower=0) ** BUDGET_ELASTICITY

    def render(_change: object = None) -> None:
        weights = pd.Series({c: s.value for c, s in shares.items()})
        weights = weights / weights.sum() if weights.sum() > 0 else weights * 0 + 1 / len(weights)
        spend = budget.value * weights
        gmv = expected_gmv(spend)
        line = 1 / gross_margin
        rows = "".join(f"<tr><td>{label(c)}</td><td>¥{spend[c]:,.0f}</td><td>¥{gmv[c]:,.0f}</td>"
                       f"<td>{(gmv[c] / spend[c]) if spend[c] > 0 else float('nan'):.2f}</td></tr>"
                       for c in base.index)
        head = "".join(f"<th>{t(k)}</th>" for k in ("ch03.widget.channel", "ch03.widget.spend",
                                                     "ch03.widget.gmv", "ch03.widget.roas"))
        summary = t("ch03.widget.summary", gmv=gmv.sum(), roas=gmv.sum() / spend.sum(), line=line,
                    base=base["gmv"].sum())
        fig, ax = plt.subplots(figsize=(8, 3))
        ax.barh([label(c) for c in base.index], gmv, color="#1c7ed6")
        ax.xaxis.set_major_formatter(yuan_formatter())
        ax.set(title=t("ch03.title.widget"), xlabel=t("axis.gmv"))
        show_in(out, HTML(f"<p><b>{summary}</b></p><table><tr>{head}</tr>{rows}</table>"
                          f"<small>{t('ch03.widget.note')}</small>"), fig)

    def apply_plan(_change: object = None) -> None:
        for channel, slider in shares.items():
            slider.unobserve(render, names="value")
            slider.value = round(float(presets[plan.value][channel]), 2)
            slider.observe(render, names="value")
        render()

    plan.observe(apply_plan, names="value")
    budget.observe(render, names="value")
    for slider in shares.values():
        slider.observe(render, names="value")
    render()
    return widgets.VBox([plan, budget, *shares.values(), out])
