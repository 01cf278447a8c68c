"""Chapter 2 (platform operations): Douyin short videos and live sessions, Taobao 直通车 keywords,
Pinduoduo group buys, the promotion calendar, JD search results and Amazon FBA SKUs.

Planted truths the notebook relies on (and tests check): videos whose engagement clears the
traffic-pool thresholds reach far more plays; one host sells much more per thousand views; broad
head keywords cost more per order than long-tail ones, so several fall below break-even ROAS;
cheaper group buys spread further; 618 and Double 11 lift daily GMV well above their baselines;
some cross-border SKUs lose money once VAT, fees and freight are counted.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ...data import schema

STREAM = 2
# ---------------------------------------------------------------- Douyin short videos
# Rule-of-thumb thresholds the notebook uses: a video "passes" its pool when all four rates
# clear them; each passed pool multiplies its plays.
VIDEO_THRESHOLDS = {"completion_rate": 0.30, "like_rate": 0.03, "comment_rate": 0.004, "share_rate": 0.003}
N_VIDEOS = 240


TABLES: dict[str, schema.Table] = {t.name: t for t in [
    schema.table(
        "short_videos", "抖音短视频：2025 年店铺账号发布的每条带货视频一行（累计数据）。",
        "Douyin short videos: one row per product video the shop's account posted in 2025 (lifetime totals).",
        ("video_id", "str", "视频编号", "video id"),
        ("publish_date", "date", "发布日期", "publish date"),
        ("product_id", "str", "挂载的商品编号", "product linked in the video"),
        ("duration_s", "int", "视频时长（秒）", "video length (seconds)"),
        ("plays", "int", "播放次数", "plays"),
        ("complete_plays", "int", "完整看完的播放次数", "plays watched to the end"),
        ("likes", "int", "点赞数", "likes"),
        ("comments", "int", "评论数", "comments"),
        ("shares", "int", "转发数", "shares"),
        ("dou_plus_spend", "float", "DOU+ 加热花费（元，0 表示未投）", "DOU+ boost spend (yuan, 0 if not boosted)"),
        ("product_clicks", "int", "商品链接点击数", "clicks on the product link"),
        ("orders", "int", "视频带来的支付订单数", "paid orders from the video"),
        ("gmv", "float", "视频带来的成交额（元）", "GMV from the video (yuan)")),
    schema.table(
        "live_sessions", "抖音直播：2025 年每场直播一行。",
        "Douyin live streams: one row per 2025 session.",
        ("session_id", "str", "场次编号", "session id"),
        ("date", "date", "开播日期", "date"),
        ("host", "str", "主播：host_a、host_b、host_c", "host: host_a, host_b, host_c"),
        ("duration_min", "int", "直播时长（分钟）", "length (minutes)"),
        ("views", "int", "观看次数（人次，同一人进两次算两次）",
         "views (entries; one person entering twice counts twice)"),
        ("viewers", "int", "观看人数（去重）", "distinct viewers"),
        ("avg_stay_s", "float", "人均停留时长（秒）", "average stay per viewer (seconds)"),
        ("product_clicks", "int", "商品点击人数", "viewers who clicked a product"),
        ("orders", "int", "支付订单数", "paid orders"),
        ("buyers", "int", "支付人数（去重）", "distinct paying buyers"),
        ("gmv", "float", "成交额（元）", "GMV (yuan)")),
    schema.table(
        "keyword_bids", "直通车关键词：2025 年 9 月每个关键词一行（30 天合计）。",
        "Zhitongche keywords: one row per keyword, totals for September 2025 (30 days).",
        ("keyword_id", "str", "关键词编号", "keyword id"),
        ("keyword", "str", "关键词（买家搜索的中文词）", "keyword (the Chinese search term)"),
        ("keyword_en", "str", "关键词的英文释义", "English gloss of the keyword"),
        ("category", "str", "推广商品的类目", "category of the promoted product"),
        ("match_type", "str", "匹配方式：exact 精确、broad 广泛", "match type: exact, broad"),
        ("bid", "float", "出价（元/次点击）", "bid (yuan per click)"),
        ("quality_score", "int", "质量分 1–10", "quality score 1–10"),
        ("impressions", "int", "展现量", "impressions"),
        ("clicks", "int", "点击量", "clicks"),
        ("spend", "float", "花费（元）", "spend (yuan)"),
        ("orders", "int", "成交订单数（15 天归因）", "orders (15-day attribution)"),
        ("gmv", "float", "成交金额（元）", "GMV (yuan)")),
    schema.table(
        "group_buys", "拼多多拼团活动：2025 年每场活动一行。",
        "Pinduoduo group-buy campaigns: one row per 2025 campaign.",
        ("campaign_id", "str", "活动编号", "campaign id"),
        ("product_id", "str", "商品编号", "product id"),
        ("start_date", "date", "开始日期", "start date"),
        ("group_size", "int", "成团人数", "people needed to complete a group"),
        ("single_price", "float", "单买价（元）", "price when buying alone (yuan)"),
        ("group_price", "float", "拼团价（元）", "group price (yuan)"),
        ("competitor_price", "float", "同款竞品的最低拼团价（元）",
         "lowest competing group price for the same item (yuan)"),
        ("initiators", "int", "开团人数（发起拼团的买家）", "buyers who opened a group"),
        ("invites_sent", "int", "开团人发出的分享邀请数", "invitations the openers shared"),
        ("joins", "int", "通过邀请参团的人数", "people who joined through an invitation"),
        ("groups_completed", "int", "成团数", "groups completed")),
    schema.table(
        "promo_calendar", "大促日历：2024–2025 年每场活动一行，含活动期和对照基线期（首尾两天都包含）。",
        "Promotion calendar: one row per 2024–2025 event, with its window and a baseline period (both ends inclusive).",
        ("event_id", "str", "活动编号", "event id"),
        ("event", "str", "活动：women_day 三八节、mid_year_618 年中 618、double11 双11、double12 双12",
         "event: women_day, mid_year_618, double11, double12"),
        ("start", "date", "活动期开始（预热、预售开始）", "window start (warm-up and pre-sale)"),
        ("peak_date", "date", "爆发日", "peak day"),
        ("end", "date", "活动期结束", "window end"),
        ("baseline_start", "date", "基线期开始", "baseline start"),
        ("baseline_end", "date", "基线期结束", "baseline end")),
    schema.table(
        "jd_search_items", "京东搜索“蓝牙耳机”时的 30 个商品：每个商品一行（近 30 天）。",
        "The 30 items JD shows for the search 'Bluetooth earbuds': one row per item (last 30 days).",
        ("item_id", "str", "商品编号", "item id"),
        ("shop", "str", "ours 本店 / competitor 竞品", "ours / competitor"),
        ("price", "float", "售价（元）", "price (yuan)"),
        ("sales_30d", "int", "近 30 天销量（件）", "units sold in the last 30 days"),
        ("good_review_rate", "float", "好评率", "share of positive reviews"),
        ("review_count", "int", "评价数", "number of reviews"),
        ("service_score", "float", "店铺服务评分（0–10）", "shop service score (0–10)"),
        ("delivery_hours", "float", "平均送达时长（小时）", "average delivery time (hours)"),
        ("jd_logistics", "int", "是否京东物流配送（1 是 / 0 否）", "shipped by JD Logistics (1 yes / 0 no)")),
    schema.table(
        "crossborder_skus", "亚马逊 FBA 商品：每个 SKU × 站点一行。售价为当地货币、含增值税。",
        "Amazon FBA listings: one row per SKU × marketplace. Prices are in local currency, VAT included.",
        ("sku_id", "str", "SKU 编号", "SKU id"),
        ("product_id", "str", "对应的店铺商品编号", "the shop's product id"),
        ("marketplace", "str", "站点：us 美国、uk 英国、de 德国、jp 日本", "marketplace: us, uk, de, jp"),
        ("currency", "str", "币种：USD、GBP、EUR、JPY", "currency: USD, GBP, EUR, JPY"),
        ("sale_price", "float", "售价（当地货币，含增值税）", "price (local currency, VAT included)"),
        ("vat_rate", "float", "增值税率（美国为 0）", "VAT rate (0 in the US)"),
        ("referral_rate", "float", "亚马逊销售佣金比例（按含税售价计）",
         "Amazon referral fee rate (on the VAT-inclusive price)"),
        ("fba_fee", "float", "FBA 配送费（当地货币/件）", "FBA fulfilment fee (local currency per unit)"),
        ("unit_cost_cny", "float", "采购成本（元/件）", "purchase cost (yuan per unit)"),
        ("weight_kg", "float", "单件计费重量（千克）", "chargeable weight per unit (kg)"),
        ("first_leg_cny", "float", "头程运费（元/件，国内到 FBA 仓）",
         "first-leg freight (yuan per unit, China to the FBA warehouse)"),
        ("duty_rate", "float", "进口关税率（按采购成本申报）", "import duty rate (on the declared purchase cost)"),
        ("monthly_units", "int", "月销量（件）", "units sold per month")),
]}


def _videos(rng: np.random.Generator, products: pd.DataFrame) -> pd.DataFrame:
    n = N_VIDEOS
    dates = pd.Timestamp("2025-01-01") + pd.to_timedelta(np.sort(rng.integers(0, 365, n)), unit="D")
    quality = rng.normal(0, 1, n)
    duration = np.clip(np.round(rng.lognormal(np.log(28), 0.5, n)), 7, 120).astype(int)
    completion = 1 / (1 + np.exp(-(-0.75 + 0.55 * quality - 0.5 * np.log(duration / 28))))
    like = 0.030 * np.exp(0.35 * quality + rng.normal(0, 0.15, n))
    comment = 0.0040 * np.exp(0.35 * quality + rng.normal(0, 0.2, n))
    share = 0.0030 * np.exp(0.40 * quality + rng.normal(0, 0.2, n))
    passes = ((completion >= VIDEO_THRESHOLDS["completion_rate"]) & (like >= VIDEO_THRESHOLDS["like_rate"])
              & (comment >= VIDEO_THRESHOLDS["comment_rate"]) & (share >= VIDEO_THRESHOLDS["share_rate"]))
    level = np.where(passes, 1 + (rng.random(n) < 0.45 + 0.15 * quality).astype(int)
                     + (rng.random(n) < 0.12 * np.maximum(quality, 0)).astype(int), 0)
    plays = np.round(rng.uniform(300, 900, n) * 9.0 ** level * rng.lognormal(0, 0.25, n)).astype(int)
    boosted = rng.random(n) < 0.2
    dou_plus = np.where(boosted, rng.choice([100.0, 200.0, 500.0], n), 0.0)
    plays = plays + np.round(dou_plus * rng.uniform(18, 28, n)).astype(int)  # ~¥40–55 per thousand plays
    complete = rng.binomial(plays, completion)
    likes = rng.binomial(plays, np.clip(like, 0, 1))
    comments = rng.binomial(plays, np.clip(comment, 0, 1))
    shares = rng.binomial(plays, np.clip(share, 0, 1))
    product = rng.choice(products["product_id"].to_numpy(), n)
    price = products.set_index("product_id").loc[product, "list_price"].to_numpy()
    clicks = rng.binomial(plays, 0.012 * np.exp(0.3 * quality).clip(0, 3))
    orders = rng.binomial(clicks, 0.045)
    gmv = np.round(orders * price * rng.uniform(0.85, 1.0, n), 2)
    return pd.DataFrame({
        "video_id": [f"V{i:04d}" for i in range(1, n + 1)], "publish_date": dates, "product_id": product,
        "duration_s": duration, "plays": plays, "complete_plays": complete, "likes": likes,
        "comments": comments, "shares": shares, "dou_plus_spend": dou_plus, "product_clicks": clicks,
        "orders": orders, "gmv": gmv})


# ---------------------------------------------------------------- Douyin live sessions
HOSTS = {"host_a": (1.45, 1.25), "host_b": (1.0, 1.0), "host_c": (0.8, 0.75)}  # (traffic, conversion)


def _live(rng: np.random.Generator) -> pd.DataFrame:
    days = pd.date_range("2025-01-01", "2025-12-31", freq="D")
    days = days[days.day_of_week.isin([1, 3, 5])]  # Tue, Thu, Sat
    n = len(days)
    host = rng.choice(list(HOSTS), n, p=[0.35, 0.4, 0.25])
    traffic_f = np.array([HOSTS[h][0] for h in host])
    conv_f = np.array([HOSTS[h][1] for h in host])
    month_day = days.strftime("%m-%d")
    promo = ((month_day >= "05-20") & (month_day <= "06-18")) | ((month_day >= "10-20") & (month_day <= "11-11"))
    duration = rng.choice([120, 150, 180, 240], n, p=[0.3, 0.3, 0.3, 0.1])
    viewers = np.round(rng.lognormal(np.log(5200), 0.35, n) * traffic_f * np.where(promo, 2.2, 1.0)
                       * duration / 180).astype(int)
    views = np.round(viewers * rng.uniform(1.25, 1.7, n)).astype(int)
    stay = np.round(rng.normal(70, 12, n) * conv_f ** 0.5, 1)
    clicks = rng.binomial(viewers, np.clip(0.09 * conv_f * rng.lognormal(0, 0.1, n), 0, 1))
    buyers = rng.binomial(clicks, np.clip(0.14 * conv_f * np.where(promo, 1.2, 1.0), 0, 1))
    orders = buyers + rng.binomial(buyers, 0.08)
    gmv = np.round(orders * rng.normal(168, 14, n), 2)
    return pd.DataFrame({
        "session_id": [f"L{i:03d}" for i in range(1, n + 1)], "date": days, "host": host,
        "duration_min": duration, "views": views, "viewers": viewers, "avg_stay_s": stay,
        "product_clicks": clicks, "orders": orders, "buyers": buyers, "gmv": gmv})


# ---------------------------------------------------------------- Taobao 直通车 keywords
# (keyword, gloss, category, head term?)
KEYWORDS = [
    ("连衣裙", "dress", "apparel", True), ("连衣裙 夏 新款", "new summer dress", "apparel", False),
    ("碎花连衣裙", "floral dress", "apparel", False), ("女装", "women's clothing", "apparel", True),
    ("针织开衫 女", "women's knit cardigan", "apparel", False),
    ("阔腿裤 女 高腰", "high-waist wide-leg trousers", "apparel", False),
    ("卫衣", "hoodie", "apparel", True), ("羽绒服 女 短款", "short down jacket, women", "apparel", False),
    ("衬衫 女 长袖", "long-sleeve women's shirt", "apparel", False), ("半身裙", "skirt", "apparel", True),
    ("防晒衣 女", "women's sun-protection jacket", "apparel", False),
    ("口红", "lipstick", "beauty", True), ("哑光口红 小众", "niche matte lipstick", "beauty", False),
    ("面霜", "face cream", "beauty", True), ("保湿面霜 敏感肌", "moisturiser for sensitive skin", "beauty", False),
    ("粉底液", "foundation", "beauty", True), ("防晒霜 学生", "student sunscreen", "beauty", False),
    ("卸妆水", "micellar water", "beauty", False), ("口红 礼盒", "lipstick gift set", "beauty", False),
    ("收纳箱", "storage box", "home", True), ("四件套 纯棉", "cotton bedding set", "home", False),
    ("香薰 卧室", "bedroom aroma diffuser", "home", False), ("地毯 客厅", "living-room rug", "home", False),
    ("保温杯", "vacuum flask", "home", True), ("桌面收纳 办公", "office desk organiser", "home", False),
    ("零食", "snacks", "food", True), ("坚果 礼盒", "nut gift box", "food", False),
    ("挂耳咖啡", "drip-bag coffee", "food", False), ("牛肉干 内蒙古", "Inner Mongolia beef jerky", "food", False),
    ("蓝牙耳机", "Bluetooth earbuds", "digital", True), ("充电宝", "power bank", "digital", True),
    ("手机壳", "phone case", "digital", True), ("数据线 快充", "fast-charging cable", "digital", False),
    ("机械键盘", "mechanical keyboard", "digital", False),
    ("无线充电器 苹果", "wireless charger for iPhone", "digital", False),
    ("耳机 运动 防水", "waterproof sports earbuds", "digital", False),
]
KEYWORD_VALUE = {"apparel": 190.0, "beauty": 150.0, "home": 130.0, "food": 75.0, "digital": 170.0}


def _keywords(rng: np.random.Generator) -> pd.DataFrame:
    n = len(KEYWORDS)
    head = np.array([k[3] for k in KEYWORDS])
    category = np.array([k[2] for k in KEYWORDS])
    quality = np.clip(np.round(rng.normal(np.where(head, 6.2, 7.6), 1.4)), 2, 10).astype(int)
    bid = np.round(np.where(head, rng.uniform(1.6, 2.8, n), rng.uniform(0.8, 1.8, n)), 2)
    impressions = np.where(head, rng.lognormal(np.log(60000), 0.4, n), rng.lognormal(np.log(9000), 0.7, n))
    off_season = np.array([k[0] == "防晒衣 女" for k in KEYWORDS])  # a summer keyword in September
    impressions = np.round(np.where(off_season, 1800 * rng.uniform(0.8, 1.2, n), impressions)).astype(int)
    ctr = np.clip((0.012 + 0.0045 * (quality - 5)) * np.where(head, 0.85, 1.1) * rng.lognormal(0, 0.15, n), 0.004, 0.09)
    clicks = np.maximum(rng.binomial(impressions, ctr), 3)
    cpc = bid * rng.uniform(0.72, 0.92, n) * (1.15 - 0.03 * quality)
    spend = np.round(clicks * cpc, 2)
    cvr = np.where(head, 0.026, 0.036) * rng.lognormal(0, 0.3, n) * np.where(off_season, 0.2, 1.0)
    orders = rng.binomial(clicks, np.clip(cvr, 0, 1))
    value = np.array([KEYWORD_VALUE[c] for c in category]) * rng.uniform(0.85, 1.2, n)
    gmv = np.round(orders * value, 2)
    return pd.DataFrame({
        "keyword_id": [f"K{i:02d}" for i in range(1, n + 1)], "keyword": [k[0] for k in KEYWORDS],
        "keyword_en": [k[1] for k in KEYWORDS], "category": category,
        "match_type": np.where(head, "broad", rng.choice(["exact", "broad"], n, p=[0.6, 0.4])),
        "bid": bid, "quality_score": quality, "impressions": impressions, "clicks": clicks, "spend": spend,
        "orders": orders, "gmv": gmv})


# ---------------------------------------------------------------- Pinduoduo group buys
def _group_buys(rng: np.random.Generator, products: pd.DataFrame) -> pd.DataFrame:
    n = 28
    cheap = products[products["category"].isin(["food", "home", "apparel"])]
    chosen = cheap.iloc[rng.choice(len(cheap), n, replace=False)]
    single = chosen["list_price"].to_numpy()
    size = rng.choice([2, 3, 5], n, p=[0.5, 0.35, 0.15])
    discount = rng.uniform(0.62, 0.9, n)
    group_price = np.round(single * discount, 1)
    competitor = np.round(group_price * rng.uniform(0.88, 1.15, n), 1)
    price_index = group_price / competitor
    initiators = np.round(rng.lognormal(np.log(900), 0.5, n)).astype(int)
    invites_per = rng.uniform(2.5, 6.5, n) * (1 + 0.15 * (size - 2))
    invites = rng.poisson(initiators * invites_per)
    conversion = np.clip(0.16 * np.exp(-4.0 * (price_index - 1)) * np.exp(-2.2 * (discount - 0.75))
                         * rng.lognormal(0, 0.12, n), 0.01, 0.6)
    joins = rng.binomial(invites, conversion)
    completed = np.minimum(initiators, np.floor(joins / (size - 1) * rng.uniform(0.8, 0.95, n))).astype(int)
    weeks = np.sort(rng.choice(np.arange(0, 350, 7), n, replace=False))
    start = pd.Timestamp("2025-01-06") + pd.to_timedelta(weeks, unit="D")
    return pd.DataFrame({
        "campaign_id": [f"G{i:02d}" for i in range(1, n + 1)], "product_id": chosen["product_id"].to_numpy(),
        "start_date": start, "group_size": size, "single_price": single, "group_price": group_price,
        "competitor_price": competitor, "initiators": initiators, "invites_sent": invites, "joins": joins,
        "groups_completed": completed})


# ---------------------------------------------------------------- promotion calendar
# event: (start, peak, end, baseline start, baseline end) as MM-DD; baselines avoid other promotions
EVENTS = {
    "women_day": ("03-01", "03-08", "03-08", "01-06", "01-19"),  # before the Spring Festival lull
    "mid_year_618": ("05-20", "06-18", "06-18", "04-10", "05-07"),
    "double11": ("10-20", "11-11", "11-11", "09-08", "10-05"),
    "double12": ("12-10", "12-12", "12-12", "11-16", "12-06"),
}


def _calendar() -> pd.DataFrame:
    rows = []
    for year in (2024, 2025):
        for event, days in EVENTS.items():
            start, peak, end, b0, b1 = (pd.Timestamp(f"{year}-{d}") for d in days)
            rows.append((f"{year}_{event}", event, start, peak, end, b0, b1))
    return pd.DataFrame(rows, columns=["event_id", "event", "start", "peak_date", "end", "baseline_start",
                                       "baseline_end"])


# ---------------------------------------------------------------- JD search results
def _jd_items(rng: np.random.Generator) -> pd.DataFrame:
    n = 30
    ours = np.zeros(n, bool)
    ours[[4, 13, 22]] = True
    jd_log = (rng.random(n) < 0.6).astype(int)
    jd_log[ours] = [1, 0, 0]
    sales = np.round(rng.lognormal(np.log(900), 1.1, n)).astype(int)
    sales[ours] = np.round(sales[ours] * np.array([1.8, 1.5, 0.6])).astype(int)
    good = np.round(np.clip(rng.normal(0.955, 0.02, n), 0.86, 0.995), 3)
    good[ours] = [0.972, 0.968, 0.93]
    reviews = np.round(sales * rng.uniform(3, 12, n)).astype(int)
    service = np.round(np.clip(rng.normal(9.2, 0.35, n) + 0.2 * jd_log, 7.5, 10), 2)
    hours = np.round(np.where(jd_log == 1, rng.uniform(14, 30, n), rng.uniform(36, 80, n)), 1)
    price = np.round(rng.lognormal(np.log(180), 0.5, n) / 10) * 10 - 1
    return pd.DataFrame({
        "item_id": [f"J{i:03d}" for i in range(1, n + 1)], "shop": np.where(ours, "ours", "competitor"),
        "price": price, "sales_30d": sales, "good_review_rate": good, "review_count": reviews,
        "service_score": service, "delivery_hours": hours, "jd_logistics": jd_log})


# ---------------------------------------------------------------- Amazon FBA SKUs
# marketplace: (currency, VAT, FBA fee per kg-ish base, price multiplier in local currency per yuan of list price)
MARKETS = {
    "us": ("USD", 0.0, 3.6, 0.22),
    "uk": ("GBP", 0.20, 2.9, 0.19),
    "de": ("EUR", 0.19, 3.1, 0.22),
    "jp": ("JPY", 0.10, 420.0, 33.0),
}
FX_REFERENCE = {"USD": 7.10, "GBP": 9.40, "EUR": 8.20, "JPY": 0.047}  # yuan per unit, illustrative
DUTY = {"apparel": 0.12, "home": 0.05, "digital": 0.0, "beauty": 0.04}


def _crossborder(rng: np.random.Generator, products: pd.DataFrame) -> pd.DataFrame:
    pool = products[products["category"].isin(list(DUTY))]
    chosen = pool.iloc[rng.choice(len(pool), 10, replace=False)].reset_index(drop=True)
    weight = np.round(np.where(chosen["category"] == "home", rng.uniform(0.8, 2.2, 10),
                               rng.uniform(0.15, 0.7, 10)), 2)
    rows = []
    for i, product in chosen.iterrows():
        for market, (currency, vat, fee_base, mult) in MARKETS.items():
            price = product["list_price"] * mult * rng.uniform(0.95, 1.45)
            price = round(price, -1) - 1 if currency == "JPY" else round(price) - 0.01
            fee = fee_base * (1 + 0.9 * weight[i]) * rng.uniform(0.95, 1.05)
            rows.append({
                "sku_id": f"{product['product_id']}-{market.upper()}", "product_id": product["product_id"],
                "marketplace": market, "currency": currency, "sale_price": price, "vat_rate": vat,
                "referral_rate": 0.08 if product["category"] == "digital" else 0.15,
                "fba_fee": round(fee, 0) if currency == "JPY" else round(fee, 2),
                "unit_cost_cny": product["unit_cost"], "weight_kg": weight[i],
                "first_leg_cny": round(weight[i] * (14.0 if market in ("us", "jp") else 18.0)
                                       * rng.uniform(0.9, 1.1), 2),
                "duty_rate": DUTY[product["category"]],
                "monthly_units": int(rng.lognormal(np.log(220), 0.6)),
            })
    return pd.DataFrame(rows)


def make_tables(rng: np.random.Generator, scale: float, shop: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The chapter's tables. Campaign-level tables do not grow with ``scale``: a shop's number of
    videos, keywords or listings is a choice, not a multiple of its customers."""
    products = shop["products"]
    return {
        "short_videos": _videos(rng, products),
        "live_sessions": _live(rng),
        "keyword_bids": _keywords(rng),
        "group_buys": _group_buys(rng, products),
        "promo_calendar": _calendar(),
        "jd_search_items": _jd_items(rng),
        "crossborder_skus": _crossborder(rng, products),
    }
