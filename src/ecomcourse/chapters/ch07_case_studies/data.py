"""Chapter 7 data: the deck's three success stories as data, and the capstone on our own shop.

The three cases are reported monthly or per-buyer figures of other businesses; they do not grow with
``scale`` (only the apparel store's buyer list is sampled smaller at small scales, its GMV total stays
the store's). The capstone tables are the shop's: the SKU demand is the shop's own paid order lines.

Planted truths (kept here, never in the students' data):

- ``case_douyin_beauty_monthly``: total GMV about ¥1.0 M in 2024-03, first month ≥ ¥10 M is the 6th
  (2024-08), plateau 10–13 M after; KOL seeding has the largest share in months 1–2, live commerce
  from month 3 on; the KOC reviews' share grows every month (5% → 25%).
- ``case_pdd_agri_monthly``: income per household in 2024-12 is 3.0× that of 2024-01 (+200%);
  households grow 320 → 1,180; grade-A share 0.55 → 0.90; group-buying share 0.62 → 0.78.
- ``case_apparel_buyers``: GMV scaled to ¥50 M (±1%); repurchase (paid on ≥ 2 days) about 40%;
  segment repurchase young_office 0.46, young_mom 0.47, mature 0.36, student 0.28.
- ``capstone_channel_daily``: from 2025-09-01 paid-ads keywords go broad match: paid_ads UV × 1.40 per
  day, its CR × 0.50; every other source's daily level unchanged (± 1.5%), 客单价 per source
  unchanged. September has 30 days against August's 31 and two weekend days fewer (weekends +8%).
- ``capstone_experiment_users``: true CR 3.2% (control) vs 3.7% (treatment), 50/50 split;
  revenue per converter log-normal with mean ¥280.
- ``capstone_sku_plan``: stock held is planted as a share of a generous requirement, mean daily
  demand × uplift × (lead time + 11) + 1.645 · σ_daily · √lead time: two SKUs hold 115–135% of it,
  two only 5–20%, four 40–90%. The notebook's target, μ · L + μ · uplift · 11 + 1.645 · σ · √L
  (the uplift only over the event), is smaller, so more SKUs come out covered.

Measured on the committed data (seed 20251111, scale 1; tests/test_data_ch07.py pins them with ranges):

- Douyin: total GMV ¥1.00 M in 2024-03; first month ≥ ¥10 M is 2024-08 (¥11.0 M); 2024-11 ¥12.5 M.
- PDD: income per household 2024-12 ÷ 2024-01 = 2.98 (+198%).
- Apparel: 55,000 buyers, GMV ¥49.9 M, repurchase rate 0.407, repeat buyers' GMV share 0.695.
- Capstone: GMV ¥1,467,212 (August) → ¥1,278,814 (September), −12.8% (−¥188,398); UV +5.3%.
  LMDI contributions (yuan; rows add up to each source's ΔGMV, the table to the total):

  ==============  ========  ==========  =======
  source          uv        cr          aov
  ==============  ========  ==========  =======
  natural_search  −26,413   −17,804     +3,271
  paid_ads        +77,327   −187,425    +179
  homepage_feed   −6,421    −12,155     −3,412
  live_room       −2,976    +1,603      −3,021
  social_share    −2,385    −848        +623
  other           −6,790    −727        −1,023
  ==============  ========  ==========  =======

- Experiment: CR control 0.0316 (950 / 30,035), treatment 0.0386 (1,158 / 29,965); pooled two-sided
  z-test p = 3.1e-6; SRM chi-square p = 0.78; revenue per converter ¥281.
- Double 11 plan (the notebook's target, σ with ddof 1): P0044, P0097, P0136 and P0138 need no order
  (P0097 and P0138 hold about twice their target), P0084 one unit; P0027 (351 units) and P0103 (300)
  need about 80% of their target; P0144 needs 144; the plan costs about ¥70,403.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ...data.schema import Table, table
from ...data.shop import SOURCES, SUPPLIERS

STREAM = 7
# --- case 1: Douyin beauty brand ---------------------------------------------------------------
DOUYIN_MONTHS = pd.period_range("2024-03", periods=9, freq="M").strftime("%Y-%m")
DOUYIN_TOTAL_M = [1.00, 2.10, 3.80, 5.90, 8.20, 10.90, 11.70, 12.20, 12.60]  # million yuan
DOUYIN_CHANNELS = ["kol_seeding", "live_commerce", "koc_reviews", "short_video"]
DOUYIN_SHARES = np.array([  # one row per month, columns as DOUYIN_CHANNELS
    [0.50, 0.25, 0.05, 0.20], [0.42, 0.33, 0.07, 0.18], [0.32, 0.40, 0.10, 0.18],
    [0.26, 0.43, 0.13, 0.18], [0.22, 0.44, 0.16, 0.18], [0.19, 0.45, 0.19, 0.17],
    [0.17, 0.45, 0.21, 0.17], [0.16, 0.45, 0.23, 0.16], [0.15, 0.45, 0.25, 0.15],
])
DOUYIN_AOV = {"kol_seeding": 139.0, "live_commerce": 119.0, "koc_reviews": 149.0, "short_video": 129.0}
DOUYIN_CR = {"kol_seeding": 0.006, "live_commerce": 0.018, "koc_reviews": 0.010, "short_video": 0.004}
# --- case 2: Pinduoduo agriculture -------------------------------------------------------------
PDD_MONTHS = pd.period_range("2024-01", periods=12, freq="M").strftime("%Y-%m")
PDD_HOUSEHOLDS = (320, 1180)
PDD_INCOME_PER_HOUSEHOLD = (1450.0, 4350.0)  # yuan a month: × 3.0
PDD_GRADE_A = (0.55, 0.90)
PDD_GROUP = (0.62, 0.78)
PDD_PAYOUT = (0.50, 0.60)  # share of GMV paid to the households
PDD_AOV = (35.0, 42.0)
# --- case 3: Taobao apparel store --------------------------------------------------------------
APPAREL_BUYERS = 55_000
APPAREL_GMV = 50_000_000.0
# segment: (share of buyers, P(repurchase), mean extra paid days of a repeat buyer, spend per paid day)
APPAREL_SEGMENTS = {
    "young_office": (0.38, 0.46, 1.3, 560.0),
    "student": (0.22, 0.28, 0.8, 300.0),
    "young_mom": (0.25, 0.47, 1.4, 480.0),
    "mature": (0.15, 0.36, 1.1, 620.0),
}
# --- capstone: the shop, August and September 2025 ---------------------------------------------
CAPSTONE_DAYS = pd.date_range("2025-08-01", "2025-09-30", freq="D")
SWITCH_DAY = pd.Timestamp("2025-09-01")
# source: (August UV a day, CR, 客单价 yuan)
CHANNEL_BASE = {
    "natural_search": (1200, 0.044, 295.0), "paid_ads": (1100, 0.032, 285.0),
    "homepage_feed": (1050, 0.023, 285.0), "live_room": (290, 0.064, 275.0),
    "social_share": (320, 0.048, 270.0), "other": (520, 0.021, 290.0),
}
BROAD_MATCH_UV, BROAD_MATCH_CR = 1.40, 0.50
OTHER_SOURCES_SEPTEMBER = 1.00
EXPERIMENT_USERS_PER_ARM = 30_000
EXPERIMENT_CR = {"control": 0.032, "treatment": 0.037}
EXPERIMENT_REVENUE_MEAN, EXPERIMENT_REVENUE_SIGMA = 280.0, 0.5
SKU_DAYS = pd.date_range("2025-08-01", "2025-10-10", freq="D")
TOP_SKUS = 8
EVENT_WINDOW_DAYS = 11
SERVICE_Z = 1.645


TABLES: dict[str, Table] = {t.name: t for t in [
    table("case_douyin_beauty_monthly", "案例一：抖音新锐美妆品牌，2024 年 3 月起 9 个月，月份 × 渠道。",
          "Case 1: a new Douyin beauty brand, 9 months from March 2024, month × channel.",
          ("month", "str", "月份 YYYY-MM", "month YYYY-MM"),
          ("channel", "str", "渠道：kol_seeding 头部达人种草、live_commerce 直播带货、koc_reviews KOC 测评、"
           "short_video 短视频/自然流量",
           "channel: kol_seeding (head creators' seeding), live_commerce (live selling), koc_reviews "
           "(KOC reviews), short_video (short videos / organic)"),
          ("views", "int", "内容播放/观看次数", "content views"),
          ("orders", "int", "支付订单数", "paid orders"),
          ("gmv", "float", "成交额（元）", "GMV (yuan)")),
    table("case_pdd_agri_monthly", "案例二：拼多多农产品上行项目，2024 年 12 个月。",
          "Case 2: a Pinduoduo farm-produce project, the 12 months of 2024.",
          ("month", "str", "月份 YYYY-MM", "month YYYY-MM"),
          ("households", "int", "参与项目的农户数", "farmer households in the project"),
          ("grade_a_share", "float", "通过标准化品控分级（A 级）的农产品占比",
           "share of produce passing the standard quality grading (grade A)"),
          ("group_order_share", "float", "拼团订单占比", "share of orders from group buying"),
          ("subsidy_yuan", "float", "平台补贴金额（元，百亿补贴类）",
           "platform subsidy (yuan, 'ten-billion subsidy' style)"),
          ("live_sessions", "int", "产地直播场次", "farm live-stream sessions"),
          ("orders", "int", "支付订单数", "paid orders"),
          ("gmv", "float", "成交额（元）", "GMV (yuan)"),
          ("farmer_income_yuan", "float", "支付给农户的总收入（元）", "total paid to the households (yuan)")),
    table("case_apparel_buyers", "案例三：淘宝女装店 2024 年的买家，每位买家一行。",
          "Case 3: the Taobao women's-wear store's buyers in 2024, one row per buyer.",
          ("customer_id", "str", "买家编号", "buyer id"),
          ("segment", "str", "用户画像分群：young_office 年轻白领、student 学生、young_mom 年轻妈妈、mature 成熟女性",
           "profile segment: young_office, student, young_mom, mature"),
          ("paid_days", "int", "2024 年有支付订单的天数（≥ 1）", "distinct days with a paid order in 2024 (≥ 1)"),
          ("gmv", "float", "2024 年支付金额（元）", "amount paid in 2024 (yuan)")),
    table("capstone_channel_daily", "综合实战：本店 2025 年 8–9 月每日分来源的访客、买家和成交额。",
          "Capstone: the shop's daily visitors, buyers and GMV by traffic source, August–September 2025.",
          ("date", "date", "日期", "date"),
          ("source", "str", "流量来源：natural_search、paid_ads、homepage_feed、live_room、social_share、other",
           "traffic source: natural_search, paid_ads, homepage_feed, live_room, social_share, other"),
          ("uv", "int", "访客数", "visitors (UV)"),
          ("buyers", "int", "支付买家数（当日去重）", "paying buyers (distinct that day)"),
          ("gmv", "float", "成交额（元）", "GMV (yuan)")),
    table("capstone_experiment_users", "综合实战：9 月主图 A/B 测试（用户级），计划 50/50 分流。",
          "Capstone: the September main-image A/B test (user level), planned 50/50.",
          ("user_id", "str", "用户编号（随机化单位）", "user id (the randomisation unit)"),
          ("arm", "str", "分组：control 对照组（旧主图）/ treatment 实验组（新主图）",
           "arm: control (old main image) / treatment (new main image)"),
          ("converted", "int", "是否购买：1 是 / 0 否", "bought: 1 yes / 0 no"),
          ("revenue", "float", "支付金额（元；未购买为 0）", "amount paid (yuan; 0 if no purchase)")),
    table("capstone_sku_demand", "综合实战：本店销量前 8 的 SKU 在 2025-08-01 至 2025-10-10 的每日销量。",
          "Capstone: daily units of the shop's 8 best-selling SKUs, 2025-08-01 to 2025-10-10.",
          ("sku_id", "str", "SKU 编号（即商品编号 product_id）", "SKU id (the product_id)"),
          ("date", "date", "日期", "date"),
          ("units", "int", "当日支付件数", "units paid that day")),
    table("capstone_sku_plan", "综合实战：双 11 备货计划所需的 SKU 参数，每个 SKU 一行。",
          "Capstone: what the Double 11 stock plan needs, one row per SKU.",
          ("sku_id", "str", "SKU 编号", "SKU id"),
          ("on_hand", "int", "现有库存（件）", "stock on hand (units)"),
          ("on_order", "int", "在途采购（件）", "units on order, not yet received"),
          ("lead_time_days", "int", "采购提前期（天）", "purchase lead time (days)"),
          ("unit_cost", "float", "单位成本（元）", "unit cost (yuan)"),
          ("double11_uplift", "float", "去年双 11 活动期日均销量 ÷ 平日日均销量",
           "last year's Double 11 window daily demand ÷ normal daily demand")),
]}


def _streams(rng: np.random.Generator) -> dict[str, np.random.Generator]:
    names = ["douyin", "pdd", "apparel", "channel", "experiment", "plan"]
    return {name: np.random.default_rng(seed) for name, seed in zip(names, rng.integers(0, 2**63, len(names)))}


def _douyin(rng: np.random.Generator) -> pd.DataFrame:
    total = np.array(DOUYIN_TOTAL_M) * 1e6 * rng.lognormal(0, 0.01, len(DOUYIN_MONTHS))
    gmv = total[:, None] * DOUYIN_SHARES * rng.lognormal(0, 0.015, DOUYIN_SHARES.shape)
    aov = np.array([DOUYIN_AOV[c] for c in DOUYIN_CHANNELS]) * rng.lognormal(0, 0.03, gmv.shape)
    orders = np.round(gmv / aov)
    cr = np.array([DOUYIN_CR[c] for c in DOUYIN_CHANNELS]) * rng.lognormal(0, 0.08, gmv.shape)
    return pd.DataFrame({
        "month": np.repeat(DOUYIN_MONTHS, len(DOUYIN_CHANNELS)),
        "channel": np.tile(DOUYIN_CHANNELS, len(DOUYIN_MONTHS)),
        "views": np.round(orders / cr).ravel().astype(int),
        "orders": orders.ravel().astype(int),
        "gmv": np.round(gmv, 2).ravel(),
    })


def _ramp(ends: tuple[float, float], n: int, steepness: float = 1.0) -> np.ndarray:
    """A smooth S-shaped path from ends[0] to ends[1] over n points."""
    x = np.linspace(-3, 3, n) * steepness
    s = 1 / (1 + np.exp(-x))
    s = (s - s[0]) / (s[-1] - s[0])
    return ends[0] + (ends[1] - ends[0]) * s


def _pdd(rng: np.random.Generator) -> pd.DataFrame:
    n = len(PDD_MONTHS)
    households = np.round(_ramp(PDD_HOUSEHOLDS, n, 0.8))
    per_household = _ramp(PDD_INCOME_PER_HOUSEHOLD, n, 0.7)
    per_household[1:-1] *= rng.lognormal(0, 0.03, n - 2)  # harvest seasons in between
    per_household[-1] *= rng.lognormal(0, 0.005)
    income = households * per_household
    payout = _ramp(PDD_PAYOUT, n)
    gmv = income / payout
    aov = _ramp(PDD_AOV, n) * rng.lognormal(0, 0.02, n)
    return pd.DataFrame({
        "month": PDD_MONTHS,
        "households": households.astype(int),
        "grade_a_share": np.clip(_ramp(PDD_GRADE_A, n) + rng.normal(0, 0.008, n), 0, 1).round(3),
        "group_order_share": np.clip(_ramp(PDD_GROUP, n) + rng.normal(0, 0.01, n), 0, 1).round(3),
        "subsidy_yuan": np.round(gmv * _ramp((0.05, 0.09), n) * rng.lognormal(0, 0.05, n), 2),
        "live_sessions": np.round(_ramp((4, 62), n) * rng.lognormal(0, 0.1, n)).astype(int),
        "orders": np.round(gmv / aov).astype(int),
        "gmv": np.round(gmv, 2),
        "farmer_income_yuan": np.round(income, 2),
    })


def _apparel(rng: np.random.Generator, n: int) -> pd.DataFrame:
    names = list(APPAREL_SEGMENTS)
    params = np.array([APPAREL_SEGMENTS[s] for s in names])
    segment = rng.choice(len(names), size=n, p=params[:, 0] / params[:, 0].sum())
    repeat = rng.random(n) < params[segment, 1]
    extra = rng.geometric(1 / (1 + params[segment, 2])) - 1  # mean = the segment's extra days
    paid_days = np.where(repeat, 2 + extra, 1)
    spend = params[segment, 3] * rng.lognormal(-0.06, 0.35, n)  # buyer's typical spend a day
    gmv = paid_days * spend * rng.lognormal(0, 0.3 / np.sqrt(paid_days))
    gmv *= APPAREL_GMV * rng.uniform(0.99, 1.01) / gmv.sum()  # the store's reported year, at any scale
    return pd.DataFrame({
        "customer_id": [f"T{i:06d}" for i in range(1, n + 1)],
        "segment": np.array(names)[segment],
        "paid_days": paid_days.astype(int),
        "gmv": np.round(gmv, 2),
    })


def _channel_daily(rng: np.random.Generator) -> pd.DataFrame:
    days = CAPSTONE_DAYS
    september = np.asarray(days >= SWITCH_DAY)
    weekend = np.where(days.day_of_week >= 5, 1.08, 1.0)
    frames = []
    for source in SOURCES:
        uv0, cr0, aov = CHANNEL_BASE[source]
        if source == "paid_ads":
            uv_f, cr_f = np.where(september, BROAD_MATCH_UV, 1.0), np.where(september, BROAD_MATCH_CR, 1.0)
        else:
            level = OTHER_SOURCES_SEPTEMBER * rng.lognormal(0, 0.015)
            uv_f, cr_f = np.where(september, level, 1.0), 1.0
        uv = rng.poisson(uv0 * uv_f * weekend * rng.lognormal(0, 0.05, len(days)))
        buyers = rng.binomial(uv, cr0 * cr_f)
        sigma = 0.15 / np.sqrt(np.maximum(buyers, 1))  # a day's 客单价 is an average of its buyers'
        spend = aov * rng.lognormal(-sigma**2 / 2, sigma)
        frames.append(pd.DataFrame({"date": days, "source": source, "uv": uv, "buyers": buyers,
                                    "gmv": np.round(buyers * spend, 2)}))
    out = pd.concat(frames, ignore_index=True)
    return out.sort_values(["date", "source"], kind="stable").reset_index(drop=True)


def _experiment(rng: np.random.Generator, per_arm: int) -> pd.DataFrame:
    n = 2 * per_arm
    treated = rng.random(n) < 0.5
    converted = rng.random(n) < np.where(treated, EXPERIMENT_CR["treatment"], EXPERIMENT_CR["control"])
    sigma = EXPERIMENT_REVENUE_SIGMA
    revenue = rng.lognormal(np.log(EXPERIMENT_REVENUE_MEAN) - sigma**2 / 2, sigma, n)
    return pd.DataFrame({
        "user_id": [f"M{i:06d}" for i in range(1, n + 1)],
        "arm": np.where(treated, "treatment", "control"),
        "converted": converted.astype(int),
        "revenue": np.where(converted, np.round(revenue, 2), 0.0),
    })


def sku_demand(shop: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The shop's own paid units per day of its best sellers over the window (zero days included)."""
    orders = shop["orders"]
    paid = orders.loc[orders["status"].to_numpy() == "paid", ["order_id", "paid_at"]]
    lines = shop["order_items"].merge(paid, on="order_id")
    lines = lines.assign(date=lines["paid_at"].dt.normalize())
    lines = lines[(lines["date"] >= SKU_DAYS[0]) & (lines["date"] <= SKU_DAYS[-1])]
    units = lines.groupby("product_id")["quantity"].sum().reset_index()
    top = units.sort_values(["quantity", "product_id"], ascending=[False, True])["product_id"].head(TOP_SKUS)
    daily = lines[lines["product_id"].isin(top)].groupby(["product_id", "date"])["quantity"].sum()
    grid = pd.MultiIndex.from_product([sorted(top), SKU_DAYS], names=["product_id", "date"])
    daily = daily.reindex(grid, fill_value=0).reset_index()
    return pd.DataFrame({"sku_id": daily["product_id"], "date": daily["date"], "units": daily["quantity"]})


def lead_time_days(category: str) -> int:
    """The category's primary supplier's quoted lead time (chapter 6), at least a week."""
    quoted = next(s[2] for s in SUPPLIERS.values() if s[0] == category and s[1] == "primary")
    return max(7, int(quoted))


def _sku_plan(rng: np.random.Generator, demand: pd.DataFrame, products: pd.DataFrame) -> pd.DataFrame:
    skus = sorted(demand["sku_id"].unique())
    info = products.set_index("product_id").loc[skus]
    stats = demand.groupby("sku_id")["units"].agg(["mean", "std"]).loc[skus]
    lead = np.array([lead_time_days(c) for c in info["category"]])
    uplift = np.round(rng.uniform(2.6, 4.8, len(skus)), 2)
    need = (stats["mean"].to_numpy() * uplift * (lead + EVENT_WINDOW_DAYS)
            + SERVICE_Z * stats["std"].fillna(0).to_numpy() * np.sqrt(lead))
    cover = rng.uniform(0.4, 0.9, len(skus))  # share of the requirement already held
    role = rng.permutation(len(skus))
    cover[role[:2]] = rng.uniform(1.15, 1.35, 2)  # covered: no order
    cover[role[2:4]] = rng.uniform(0.05, 0.2, 2)  # large order
    position = np.round(need * cover)
    on_order = np.round(position * rng.uniform(0.0, 0.45, len(skus)))
    on_order[rng.random(len(skus)) < 0.3] = 0
    return pd.DataFrame({
        "sku_id": skus,
        "on_hand": (position - on_order).astype(int),
        "on_order": on_order.astype(int),
        "lead_time_days": lead,
        "unit_cost": info["unit_cost"].to_numpy(),
        "double11_uplift": uplift,
    })


def make_tables(rng: np.random.Generator, scale: float, shop: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    streams = _streams(rng)
    demand = sku_demand(shop)
    return {
        "case_douyin_beauty_monthly": _douyin(streams["douyin"]),
        "case_pdd_agri_monthly": _pdd(streams["pdd"]),
        "case_apparel_buyers": _apparel(streams["apparel"], max(2_000, round(APPAREL_BUYERS * scale))),
        "capstone_channel_daily": _channel_daily(streams["channel"]),
        "capstone_experiment_users": _experiment(streams["experiment"],
                                                 max(1_000, round(EXPERIMENT_USERS_PER_ARM * scale))),
        "capstone_sku_demand": demand,
        "capstone_sku_plan": _sku_plan(streams["plan"], demand, shop["products"]),
    }
