"""Chapter 1: the e-commerce market, the platform families, the team's KPIs and the shop's monthly
operations report.

``market_size`` is synthetic and illustrative, calibrated to the training deck's figures (a market
above 15 trillion yuan in 2025, double-digit yearly growth, mobile above 85%, lower-tier cities and
rural areas growing faster); it is not an official statistic. ``platform_traits`` scores the deck's
platform families 1–5 on what each one is good at. ``role_kpis`` says which of the deck's five roles
owns which KPI. ``ops_monthly`` holds the counts behind those KPIs, month by month: the shop's own
numbers where the shop data has them, synthetic service and supply-chain counts otherwise.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ...data import calendar, schema

STREAM = 1
YEARS = np.arange(2016, 2026)
# growth of the whole market over the year before (2017 … 2025): double-digit every year
YEARLY_GROWTH = [0.26, 0.22, 0.17, 0.12, 0.14, 0.105, 0.115, 0.11, 0.105]
MARKET_2025 = 15.6e12  # yuan
PLATFORMS = ["taobao_tmall", "jd", "pinduoduo", "douyin_kuaishou", "other"]
SHARE_ANCHORS = {  # year: share of the market per platform family (same order as PLATFORMS)
    2016: [0.62, 0.22, 0.02, 0.005, 0.135],
    2018: [0.58, 0.21, 0.07, 0.010, 0.130],
    2020: [0.51, 0.19, 0.12, 0.050, 0.130],
    2022: [0.44, 0.17, 0.16, 0.120, 0.110],
    2025: [0.38, 0.15, 0.19, 0.200, 0.080],
}
MOBILE_SHARE = {  # platform: (2016, 2025)
    "taobao_tmall": (0.72, 0.89), "jd": (0.60, 0.80), "pinduoduo": (0.95, 0.97),
    "douyin_kuaishou": (0.95, 0.98), "other": (0.55, 0.75),
}
TIERS = ["tier1_2", "tier3_4", "rural"]
TIER_SHARE = {2016: [0.62, 0.26, 0.12], 2025: [0.48, 0.32, 0.20]}
TIER_TILT = {
    "taobao_tmall": [1.0, 1.0, 0.95], "jd": [1.15, 0.9, 0.7], "pinduoduo": [0.75, 1.2, 1.5],
    "douyin_kuaishou": [0.85, 1.15, 1.25], "other": [1.0, 1.0, 1.0],
}
TRAITS = ["search_traffic", "content_traffic", "value_pricing", "premium_trust", "brand_building",
          "fast_logistics", "overseas_reach"]
PLATFORM_TRAITS = {  # 1–5, from the deck's description of each platform family
    "taobao_tmall": [5, 3, 3, 4, 5, 3, 1],
    "douyin_kuaishou": [2, 5, 4, 3, 4, 3, 1],
    "pinduoduo": [3, 2, 5, 2, 2, 3, 1],
    "jd": [4, 2, 2, 5, 4, 5, 1],
    "cross_border": [4, 2, 2, 3, 3, 2, 5],
}
ROLES = ["store_operator", "promotion", "customer_service", "data_analyst", "supply_chain"]
ROLE_KPIS = [  # kpi, role, the good direction
    ("gmv", "store_operator", "higher"), ("cr", "store_operator", "higher"),
    ("aov", "store_operator", "higher"),
    ("uv", "promotion", "higher"), ("roas", "promotion", "higher"), ("cpc", "promotion", "lower"),
    ("inquiry_cr", "customer_service", "higher"), ("first_response_s", "customer_service", "lower"),
    ("good_review_rate", "customer_service", "higher"), ("refund_rate", "customer_service", "lower"),
    ("forecast_error", "data_analyst", "lower"),
    ("ship_48h_rate", "supply_chain", "higher"), ("stockout_rate", "supply_chain", "lower"),
]
N_SKUS = 160


TABLES: dict[str, schema.Table] = {t.name: t for t in [
    schema.table(
        "market_size",
        "中国网络零售市场规模（合成的示意数据：按培训讲义的数字校准，不是官方统计）："
        "年份 × 平台类型 × 设备 × 城市层级。",
        "China's online retail market (synthetic, illustrative data calibrated to the training deck's "
        "figures; not an official statistic): year × platform family × device × city tier.",
        ("year", "int", "年份", "year"),
        ("platform", "str",
         "平台类型：taobao_tmall 淘宝天猫、jd 京东、pinduoduo 拼多多、douyin_kuaishou 抖音快手、other 其他",
         "platform family: taobao_tmall, jd, pinduoduo, douyin_kuaishou, other"),
        ("device", "str", "设备：mobile / pc", "device: mobile / pc"),
        ("city_tier", "str", "城市层级：tier1_2 一二线城市、tier3_4 三四线城市、rural 县域及农村",
         "city tier: tier1_2 (tier 1 and 2 cities), tier3_4 (tier 3 and 4 cities), rural (counties and villages)"),
        ("gmv", "float", "全年成交额（元）", "GMV of the year (yuan)")),
    schema.table(
        "platform_traits",
        "主流平台类型的特点打分（1–5 分，越高越强），依据培训讲义的平台介绍整理。",
        "What each platform family is good at, scored 1–5 (higher is stronger), "
        "from the training deck's platform overview.",
        ("platform", "str", "平台类型：taobao_tmall、douyin_kuaishou、pinduoduo、jd、cross_border 跨境（亚马逊等）",
         "platform family: taobao_tmall, douyin_kuaishou, pinduoduo, jd, cross_border (Amazon and others)"),
        ("search_traffic", "int", "搜索流量：用户带着需求来搜索",
         "search traffic: shoppers arrive searching for a need"),
        ("content_traffic", "int", "内容流量：短视频与直播带货", "content traffic: short videos and live selling"),
        ("value_pricing", "int", "性价比与下沉市场用户", "value pricing and lower-tier shoppers"),
        ("premium_trust", "int", "品质信任与中高端消费", "trust in quality, mid- to high-end spending"),
        ("brand_building", "int", "品牌建设", "brand building"),
        ("fast_logistics", "int", "物流时效", "delivery speed"),
        ("overseas_reach", "int", "海外市场", "overseas markets")),
    schema.table(
        "role_kpis",
        "运营团队五个岗位各自负责的 KPI，以及 KPI 变好的方向。",
        "The KPIs each of the five operations roles owns, and which direction is better.",
        ("kpi", "str", "KPI 代码", "KPI code"),
        ("role", "str",
         "负责岗位：store_operator 店铺运营、promotion 推广专员、customer_service 客服、"
         "data_analyst 数据分析师、supply_chain 供应链",
         "owning role: store_operator, promotion, customer_service, data_analyst, supply_chain"),
        ("direction", "str", "higher 越高越好 / lower 越低越好", "higher is better / lower is better")),
    schema.table(
        "ops_monthly",
        "店铺月度运营报表的原始计数：流量、成交、广告来自店铺数据；客服、评价、发货、缺货和预测为合成数据。",
        "The counts behind the shop's monthly operations report: traffic, sales and ads come from the shop's "
        "data; service, reviews, shipping, stock-outs and the forecast are synthetic.",
        ("month", "str", "月份 YYYY-MM", "month YYYY-MM"),
        ("uv", "int", "访客·天：每日去重访客数之和", "visitor-days: the sum of daily distinct visitors"),
        ("buyer_days", "int", "买家·天：每日去重支付买家数之和", "buyer-days: the sum of daily distinct paying buyers"),
        ("gmv", "float", "支付金额（元，未扣退款）", "paid GMV (yuan, before refunds)"),
        ("refunds", "float", "退款金额（元）", "refunds (yuan)"),
        ("paid_orders", "int", "支付订单数（即需要发货的订单）", "paid orders (the orders to ship)"),
        ("ad_spend", "float", "广告花费（元）", "ad spend (yuan)"),
        ("ad_clicks", "int", "广告点击量", "ad clicks"),
        ("ad_gmv", "float", "广告归因成交额（元）", "ad-attributed GMV (yuan)"),
        ("inquiries", "int", "售前咨询人数", "shoppers who asked customer service before buying"),
        ("inquiry_buyers", "int", "咨询后支付的人数", "of them, shoppers who then paid"),
        ("first_response_s", "float", "客服平均首次响应时间（秒）",
         "average first response time of customer service (seconds)"),
        ("reviews", "int", "评价数", "reviews"),
        ("good_reviews", "int", "好评数", "positive reviews"),
        ("shipped_48h", "int", "48 小时内发货的订单数", "orders shipped within 48 hours"),
        ("sku_days", "int", "在售 SKU·天", "SKU-days on sale"),
        ("stockout_sku_days", "int", "缺货 SKU·天", "SKU-days out of stock"),
        ("forecast_gmv", "float", "数据分析师上月底给出的本月 GMV 预测（元）",
         "the analyst's GMV forecast for the month, made at the end of the month before (yuan)")),
]}


def _interp_rows(anchors: dict[int, list[float]], years: np.ndarray) -> np.ndarray:
    keys = sorted(anchors)
    values = np.array([anchors[k] for k in keys])
    return np.column_stack([np.interp(years, keys, values[:, j]) for j in range(values.shape[1])])


def _market_size(rng: np.random.Generator) -> pd.DataFrame:
    growth = np.array(YEARLY_GROWTH) + rng.uniform(-0.004, 0.004, len(YEARLY_GROWTH))
    totals = MARKET_2025 * rng.uniform(0.99, 1.02) / np.concatenate([np.cumprod((1 + growth)[::-1])[::-1], [1.0]])
    shares = _interp_rows(SHARE_ANCHORS, YEARS) * rng.lognormal(0, 0.03, (len(YEARS), len(PLATFORMS)))
    shares /= shares.sum(axis=1, keepdims=True)
    frac = (YEARS - YEARS[0]) / (YEARS[-1] - YEARS[0])
    tier_base = _interp_rows(TIER_SHARE, YEARS)
    rows = []
    for j, platform in enumerate(PLATFORMS):
        start, end = MOBILE_SHARE[platform]
        mobile = np.clip(start + (end - start) * frac + rng.normal(0, 0.005, len(YEARS)), 0, 0.995)
        tiers = tier_base * np.array(TIER_TILT[platform])
        tiers /= tiers.sum(axis=1, keepdims=True)
        for i, year in enumerate(YEARS):
            platform_gmv = totals[i] * shares[i, j]
            for device, device_share in (("mobile", mobile[i]), ("pc", 1 - mobile[i])):
                for k, tier in enumerate(TIERS):
                    rows.append((year, platform, device, tier, platform_gmv * device_share * tiers[i, k]))
    market = pd.DataFrame(rows, columns=["year", "platform", "device", "city_tier", "gmv"])
    market["gmv"] = np.round(market["gmv"] * rng.lognormal(0, 0.01, len(market)), -6)
    return market


def _platform_traits() -> pd.DataFrame:
    return pd.DataFrame([[p, *scores] for p, scores in PLATFORM_TRAITS.items()], columns=["platform", *TRAITS])


def _role_kpis() -> pd.DataFrame:
    return pd.DataFrame(ROLE_KPIS, columns=["kpi", "role", "direction"])


def _ops_monthly(rng: np.random.Generator, shop: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Monthly counts: the shop's own where it has them, synthetic service and supply-chain ones.

    Big promotion months (a high mean promotion multiplier) overload customer service and the
    warehouse, so response time, reviews, shipping and stock-outs get worse exactly when GMV peaks,
    and the analyst's forecast undershoots them."""
    orders, traffic, ads = shop["orders"], shop["traffic_daily"], shop["ad_campaigns_daily"]
    paid = orders[orders["status"] == "paid"]
    paid = paid.assign(date=paid["paid_at"].dt.normalize(), month=paid["paid_at"].dt.strftime("%Y-%m"))
    buyer_days = paid.drop_duplicates(["date", "customer_id"]).groupby("month").size()
    sales = paid.groupby("month").agg(gmv=("amount", "sum"), refunds=("refund_amount", "sum"),
                                      paid_orders=("order_id", "size"))
    uv = traffic.groupby(traffic["date"].dt.strftime("%Y-%m"))["uv"].sum()
    ad = ads.groupby(ads["date"].dt.strftime("%Y-%m")).agg(
        ad_spend=("spend", "sum"), ad_clicks=("clicks", "sum"), ad_gmv=("attributed_gmv", "sum"))
    out = sales.join(buyer_days.rename("buyer_days")).join(uv.rename("uv")).join(ad)
    out.index.name = "month"
    months = pd.PeriodIndex(out.index, freq="M")
    dates = calendar.days()
    promo = pd.Series(calendar.promo_multiplier(dates), index=dates.to_period("M")).groupby(level=0).mean()
    load = np.clip(promo.reindex(months).to_numpy() - 1.0, 0, None)  # 0 in a quiet month
    n = len(out)
    days = months.days_in_month.to_numpy()

    out["inquiries"] = rng.binomial(out["uv"].to_numpy(), 0.055)
    out["inquiry_buyers"] = rng.binomial(out["inquiries"].to_numpy(), np.clip(0.42 - 0.12 * load, 0.2, 0.5))
    out["first_response_s"] = np.round(21.0 * (1 + 0.9 * load) * rng.lognormal(0, 0.06, n), 1)
    out["reviews"] = rng.binomial(out["paid_orders"].to_numpy(), 0.36)
    out["good_reviews"] = rng.binomial(out["reviews"].to_numpy(), np.clip(0.972 - 0.05 * load, 0.8, 0.99))
    out["shipped_48h"] = rng.binomial(out["paid_orders"].to_numpy(), np.clip(0.975 - 0.2 * load, 0.7, 0.99))
    out["sku_days"] = N_SKUS * days
    out["stockout_sku_days"] = rng.binomial(out["sku_days"].to_numpy(), np.clip(0.014 + 0.05 * load, 0, 0.2))
    out["forecast_gmv"] = np.round(out["gmv"].to_numpy() * (1 - 0.3 * load) * rng.lognormal(0, 0.05, n), -2)
    columns = [c.name for c in TABLES["ops_monthly"].columns]
    return out.reset_index()[columns]


def make_tables(rng: np.random.Generator, scale: float, shop: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    return {
        "market_size": _market_size(rng),
        "platform_traits": _platform_traits(),
        "role_kpis": _role_kpis(),
        "ops_monthly": _ops_monthly(rng, shop),
    }
