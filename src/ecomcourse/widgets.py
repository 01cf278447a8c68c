"""Interactive tools for the notebooks. They only display: nothing waits for input, so
autograding never blocks on them."""

from __future__ import annotations

import math

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from IPython.display import HTML, display
from scipy import stats

from .i18n import label, t
from .plotting import percent_formatter, yuan_formatter


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


def _power(n_per_arm: np.ndarray, p_control: float, p_treatment: float, alpha: float) -> np.ndarray:
    spread = np.sqrt((p_control * (1 - p_control) + p_treatment * (1 - p_treatment)) / n_per_arm)
    return stats.norm.cdf(abs(p_treatment - p_control) / spread - stats.norm.ppf(1 - alpha / 2))


def power_explorer(daily_users: int = 6_000) -> widgets.VBox:
    """Users per arm for a baseline rate, a relative lift to detect, alpha and power; the power curve."""
    style = {"description_width": "150px"}
    baseline = widgets.FloatSlider(value=0.035, min=0.005, max=0.2, step=0.005, readout_format=".1%",
                                   description=t("ch05.widget.baseline"), style=style, continuous_update=False)
    lift = widgets.FloatSlider(value=0.14, min=0.02, max=0.5, step=0.01, readout_format=".0%",
                               description=t("ch05.widget.lift"), style=style, continuous_update=False)
    alpha = widgets.Dropdown(options=[0.01, 0.05, 0.10], value=0.05, description="α", style=style)
    power = widgets.FloatSlider(value=0.8, min=0.5, max=0.95, step=0.05, description=t("ch05.widget.power"),
                                style=style, continuous_update=False)
    traffic = widgets.IntSlider(value=daily_users, min=500, max=50_000, step=500,
                                description=t("ch05.widget.daily_users"), style=style, continuous_update=False)
    out = widgets.Output()

    def render(_change: object = None) -> None:
        p1, p2 = baseline.value, baseline.value * (1 + lift.value)
        z = stats.norm.ppf(1 - alpha.value / 2) + stats.norm.ppf(power.value)
        n = math.ceil(z**2 * (p1 * (1 - p1) + p2 * (1 - p2)) / (p2 - p1) ** 2)
        days = math.ceil(2 * n / traffic.value)
        with out:
            out.clear_output(wait=True)
            display(HTML(t("ch05.widget.plan", n=f"{n:,}", total=f"{2 * n:,}", days=days, p1=p1, p2=p2)))
            grid = np.linspace(max(n / 20, 10), 2.5 * n, 200)
            fig, ax = plt.subplots(figsize=(7.5, 3.2))
            ax.plot(grid, _power(grid, p1, p2, alpha.value), color="#1c7ed6")
            ax.axhline(power.value, color="grey", ls=":")
            ax.axvline(n, color="#d9480f", ls="--")
            ax.yaxis.set_major_formatter(percent_formatter())
            ax.set(xlabel=t("ch05.axis.users_per_arm"), ylabel=t("ch05.axis.power"), ylim=(0, 1.02),
                   title=t("ch05.title.power_curve"))
            plt.show()

    for control in (baseline, lift, alpha, power, traffic):
        control.observe(render, names="value")
    render()
    return widgets.VBox([widgets.HBox([widgets.VBox([baseline, lift, alpha]), widgets.VBox([power, traffic])]),
                         out])


def simulate_peeking(looks: int, experiments: int, users_per_look: int, rate: float = 0.035,
                     alpha: float = 0.05, seed: int = 5) -> pd.Series:
    """Share of simulated A/A tests already "significant" at some look, after each look (pooled z)."""
    rng = np.random.default_rng(seed)
    shape = (experiments, looks)
    conv_a = rng.binomial(users_per_look, rate, shape).cumsum(axis=1)
    conv_b = rng.binomial(users_per_look, rate, shape).cumsum(axis=1)
    n = users_per_look * np.arange(1, looks + 1)
    pooled = (conv_a + conv_b) / (2 * n)
    se = np.sqrt(pooled * (1 - pooled) * 2 / n)
    z = np.divide(conv_b / n - conv_a / n, se, out=np.zeros(shape), where=se > 0)
    significant = 2 * stats.norm.sf(np.abs(z)) < alpha
    return pd.Series(np.logical_or.accumulate(significant, axis=1).mean(axis=0), index=np.arange(1, looks + 1))


def peeking_simulator() -> widgets.VBox:
    """How often an A/A test looks like a winner if you check it after every batch of users."""
    style = {"description_width": "150px"}
    looks = widgets.IntSlider(value=14, min=1, max=60, description=t("ch05.widget.looks"), style=style,
                              continuous_update=False)
    users = widgets.IntSlider(value=500, min=100, max=5_000, step=100, description=t("ch05.widget.users_per_look"),
                              style=style, continuous_update=False)
    runs = widgets.IntSlider(value=1_000, min=200, max=5_000, step=200, description=t("ch05.widget.experiments"),
                             style=style, continuous_update=False)
    out = widgets.Output()

    def render(_change: object = None) -> None:
        rates = simulate_peeking(looks.value, runs.value, users.value)
        with out:
            out.clear_output(wait=True)
            display(HTML(t("ch05.widget.peeking_result", looks=looks.value, rate=rates.iloc[-1])))
            fig, ax = plt.subplots(figsize=(7.5, 3.2))
            ax.plot(rates.index, rates.to_numpy(), marker="o", ms=3, color="#d9480f", label=t("ch05.legend.any_look"))
            ax.axhline(0.05, color="grey", ls=":", label=t("ch05.legend.nominal"))
            ax.yaxis.set_major_formatter(percent_formatter())
            ax.set(xlabel=t("ch05.axis.looks"), ylabel=t("ch05.axis.false_positive"), ylim=(0, None),
                   title=t("ch05.title.peeking"))
            ax.legend()
            plt.show()

    for control in (looks, users, runs):
        control.observe(render, names="value")
    render()
    return widgets.VBox([widgets.HBox([looks, users, runs]), out])


BUDGET_ELASTICITY = 0.6


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
        with out:
            out.clear_output(wait=True)
            display(HTML(f"<p><b>{summary}</b></p><table><tr>{head}</tr>{rows}</table>"
                         f"<small>{t('ch03.widget.note')}</small>"))
            fig, ax = plt.subplots(figsize=(8, 3))
            ax.barh([label(c) for c in base.index], gmv, color="#1c7ed6")
            ax.xaxis.set_major_formatter(yuan_formatter())
            ax.set(title=t("ch03.title.widget"), xlabel=t("axis.gmv"))
            plt.show()

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


def gmv_explorer(uv: int, cr: float, aov: float) -> widgets.VBox:
    """Sliders for UV, conversion rate and spend per buyer around a baseline; shows the GMV they
    multiply to and how far each factor moved (chapter 1)."""
    base = uv * cr * aov
    uv_slider = widgets.IntSlider(value=int(uv), min=0, max=int(uv * 3), step=max(int(uv) // 100, 1),
                                  description=t("ch01.widget.uv"), continuous_update=False,
                                  layout=widgets.Layout(width="520px"))
    cr_slider = widgets.FloatSlider(value=cr, min=0.0, max=min(cr * 3, 1.0), step=0.0005,
                                    readout_format=".2%", description=t("ch01.widget.cr"),
                                    continuous_update=False, layout=widgets.Layout(width="520px"))
    aov_slider = widgets.FloatSlider(value=aov, min=0.0, max=aov * 3, step=1.0, readout_format=",.0f",
                                     description=t("ch01.widget.aov"), continuous_update=False,
                                     layout=widgets.Layout(width="520px"))
    out = widgets.Output()

    def render(_change: object = None) -> None:
        u, c, a = uv_slider.value, cr_slider.value, aov_slider.value
        gmv = u * c * a
        factors = [u / uv if uv else 0.0, c / cr if cr else 0.0, a / aov if aov else 0.0,
                   gmv / base if base else 0.0]
        names = [t("ch01.widget.uv"), t("ch01.widget.cr"), t("ch01.widget.aov"), t("kpi.gmv")]
        with out:
            out.clear_output(wait=True)
            display(HTML(t("ch01.widget.result", uv=u, cr=c, aov=a, gmv=gmv, base=base,
                           change=gmv / base - 1 if base else 0.0)))
            fig, ax = plt.subplots(figsize=(7, 2.8))
            colors = ["#1c7ed6", "#1c7ed6", "#1c7ed6", "#d9480f"]
            ax.barh(names[::-1], factors[::-1], color=colors[::-1])
            ax.axvline(1.0, color="grey", ls=":")
            for y, value in enumerate(factors[::-1]):
                ax.text(value, y, f" ×{value:.2f}", va="center")
            ax.set(title=t("ch01.widget.title"), xlabel=t("ch01.widget.factor"),
                   xlim=(0, max(max(factors) * 1.25, 1.5)))
            plt.show()

    for slider in (uv_slider, cr_slider, aov_slider):
        slider.observe(render, names="value")
    render()
    return widgets.VBox([uv_slider, cr_slider, aov_slider, out])


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


def _lmdi_by_source(daily: pd.DataFrame, base: str, target: str) -> pd.DataFrame:
    """Month totals per source and the LMDI contributions of UV, CR and spend per buyer (yuan)."""
    month = daily["date"].dt.strftime("%Y-%m")
    totals = {m: daily[month == m].groupby("source")[["uv", "buyers", "gmv"]].sum() for m in (base, target)}
    g0, g1 = totals[base]["gmv"], totals[target]["gmv"].reindex(totals[base].index)
    factors = {}
    for name, (a, b) in {"uv": ("uv", None), "cr": ("buyers", "uv"), "aov": ("gmv", "buyers")}.items():
        x0 = totals[base][a] / (totals[base][b] if b else 1)
        x1 = (totals[target][a] / (totals[target][b] if b else 1)).reindex(x0.index)
        factors[name] = np.log(x1 / x0)
    log_mean = ((g1 - g0) / (np.log(g1) - np.log(g0))).where(~np.isclose(g1, g0), g0)
    table = pd.DataFrame({name: log_mean * change for name, change in factors.items()})
    table["g0"], table["g1"] = g0, g1
    return table


def gmv_waterfall(daily: pd.DataFrame, base: str, target: str) -> widgets.VBox:
    """A waterfall of the GMV change from month ``base`` to ``target`` ("YYYY-MM"): one bar per
    factor (UV, CR, spend per buyer) for one traffic source or all of them (LMDI, chapter 7)."""
    table = _lmdi_by_source(daily, base, target)
    options = [(t("widget.all"), "all")] + [(label(s), s) for s in table.index]
    source = widgets.Dropdown(options=options, value="all", description=t("ch07.widget.source"))
    out = widgets.Output()

    def render(_change: object = None) -> None:
        rows = table if source.value == "all" else table.loc[[source.value]]
        g0, g1 = rows["g0"].sum(), rows["g1"].sum()
        steps = [rows[f].sum() for f in ("uv", "cr", "aov")]
        names = [t("ch07.widget.base", month=base)] + [label(f) for f in ("uv", "cr", "aov")] + \
            [t("ch07.widget.base", month=target)]
        bottoms = [0.0, g0, g0 + steps[0], g0 + steps[0] + steps[1], 0.0]
        heights = [g0, *steps, g1]
        colors = ["#868e96"] + ["#2b8a3e" if s >= 0 else "#c92a2a" for s in steps] + ["#868e96"]
        with out:
            out.clear_output(wait=True)
            display(HTML(t("ch07.widget.summary", base=base, target=target, g0=g0, g1=g1, change=g1 - g0,
                           rate=g1 / g0 - 1 if g0 else 0.0)))
            fig, ax = plt.subplots(figsize=(8, 3.6))
            ax.bar(names, heights, bottom=bottoms, color=colors)
            for i, (b, h) in enumerate(zip(bottoms, heights)):
                text = f"¥{h:,.0f}" if i in (0, 4) else f"{h:+,.0f}"
                ax.text(i, b + max(h, 0), text, ha="center", va="bottom", fontsize=9)
            levels = np.cumsum([g0, *steps])
            low, high = min(levels.min(), g1), max(levels.max(), g1)
            pad = max(high - low, abs(g0) * 0.01, 1.0)
            ax.set_ylim(max(0.0, low - pad), high + 0.3 * pad)
            ax.yaxis.set_major_formatter(yuan_formatter(compact=False))
            title_source = t("widget.all") if source.value == "all" else label(source.value)
            ax.set(title=t("ch07.widget.title", source=title_source, base=base, target=target))
            plt.show()

    source.observe(render, names="value")
    render()
    return widgets.VBox([source, out])
