"""Chapter 3 data: traffic acquisition and conversion.

Search keywords (volume, competing listings, the shop's own impressions, clicks and orders), daily
ad delivery by channel and bid type, KOL/KOC partners (four planted accounts with fake engagement
or bought followers), customer-service chats (conversion falls as the first reply gets slower),
private-domain members (shop customers who joined WeCom after an order; their later orders are
in the shop's ``orders`` table) and a main-image CTR test (variant B really is better).
"""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd

from ...data import calendar, schema

STREAM = 3
# Keyword vocabulary: per category, products as (zh, en, monthly searches of the head term, attribute
# groups). A phrase takes at most one attribute from a group (迷你 and 20000毫安 never meet), and the
# attributes keep the order of the groups, the order buyers type them before the product ("快充 大容量
# 充电宝"); the English gloss uses the same order ("fast-charging high-capacity power bank").
ROOTS = {
    "apparel": [
        ("连衣裙", "dress", 820_000, [[("夏季", "summer"), ("春季", "spring")],
                                       [("小个子", "petite"), ("大码", "plus-size"), ("显瘦", "slimming")],
                                       [("法式", "French-style"), ("复古", "vintage"), ("气质", "elegant")],
                                       [("碎花", "floral"), ("雪纺", "chiffon"), ("针织", "knit")]]),
        ("T恤", "T-shirt", 640_000, [[("男士", "men's"), ("女士", "women's")],
                                      [("宽松", "loose"), ("修身", "slim-fit")],
                                      [("短袖", "short-sleeved"), ("长袖", "long-sleeved")],
                                      [("纯棉", "cotton"), ("速干", "quick-dry")]]),
        ("牛仔裤", "jeans", 510_000, [[("女士", "women's"), ("男士", "men's")],
                                       [("显瘦", "slimming"), ("弹力", "stretch")],
                                       [("高腰", "high-waisted"), ("中腰", "mid-rise")],
                                       [("直筒", "straight-leg"), ("阔腿", "wide-leg"), ("小脚", "skinny")]]),
    ],
    "beauty": [
        ("口红", "lipstick", 700_000, [[("平价", "affordable"), ("学生党", "student-friendly")],
                                        [("持久", "long-lasting"), ("不沾杯", "transfer-proof")],
                                        [("哑光", "matte"), ("丝绒", "velvet"), ("滋润", "moisturising")],
                                        [("正红色", "true-red"), ("豆沙色", "nude-pink"), ("枫叶红", "maple-red")]]),
        ("面霜", "face cream", 380_000, [[("秋冬", "winter")],
                                          [("孕妇可用", "pregnancy-safe"), ("男士", "men's")],
                                          [("敏感肌", "sensitive-skin"), ("干皮", "dry-skin")],
                                          [("保湿", "moisturising"), ("修护", "repairing"), ("抗皱", "anti-wrinkle")]]),
        ("防晒霜", "sunscreen", 450_000, [[("户外", "outdoor"), ("军训", "military-training")],
                                           [("敏感肌", "sensitive-skin"), ("儿童", "kids'")],
                                           [("SPF50", "SPF 50")],
                                           [("防水", "water-resistant"), ("清爽", "non-greasy")]]),
    ],
    "home": [
        ("收纳盒", "storage box", 260_000, [[("大号", "large"), ("小号", "small")],
                                             [("透明", "clear"), ("布艺", "fabric")],
                                             [("抽屉式", "drawer-style"), ("带盖", "lidded"), ("可折叠", "foldable")],
                                             [("衣柜", "wardrobe"), ("桌面", "desk"), ("宿舍", "dorm")]]),
        ("四件套", "bedding set", 330_000, [[("夏季", "summer"), ("冬季", "winter")],
                                             [("北欧", "Nordic"), ("简约", "minimalist"), ("ins风", "Insta-style")],
                                             [("纯棉", "cotton"), ("水洗棉", "washed-cotton"), ("天丝", "Tencel")]]),
        ("香薰蜡烛", "scented candle", 190_000, [[("卧室", "bedroom"), ("助眠", "sleep-aid")],
                                                   [("无烟", "smokeless"), ("大豆蜡", "soy-wax")],
                                                   [("白茶", "white-tea"), ("玫瑰", "rose"), ("雪松", "cedar")]]),
    ],
    "food": [
        ("坚果", "nuts", 300_000, [[("儿童", "kids'"), ("孕妇", "pregnancy-friendly")],
                                    [("无添加", "additive-free"), ("低盐", "low-salt")],
                                    [("混合", "mixed"), ("小包装", "individually-packed")]]),
        ("挂耳咖啡", "drip coffee", 170_000, [[("精品", "specialty"), ("现磨", "freshly-ground")],
                                               [("云南", "Yunnan"), ("哥伦比亚", "Colombian"),
                                                ("耶加雪菲", "Yirgacheffe")],
                                               [("深烘", "dark-roast"), ("中烘", "medium-roast"),
                                                ("浅烘", "light-roast")]]),
        ("螺蛳粉", "snail rice noodles", 240_000, [[("正宗", "authentic"), ("加臭", "extra-pungent")],
                                                   [("柳州", "Liuzhou"), ("广西", "Guangxi")],
                                                   [("微辣", "mildly-spicy"), ("特辣", "extra-spicy"),
                                                    ("不辣", "non-spicy")]]),
    ],
    "digital": [
        ("蓝牙耳机", "Bluetooth earbuds", 560_000, [[("运动", "sports"), ("游戏", "gaming"), ("商务", "business")],
                                                     [("降噪", "noise-cancelling"), ("长续航", "long-battery"),
                                                      ("低延迟", "low-latency")],
                                                     [("真无线", "true-wireless"), ("入耳式", "in-ear")]]),
        ("充电宝", "power bank", 420_000, [[("快充", "fast-charging"), ("自带线", "built-in-cable")],
                                            [("大容量", "high-capacity"), ("20000毫安", "20,000 mAh"), ("迷你", "mini"),
                                             ("超薄", "slim")],
                                            [("磁吸", "magnetic"), ("可上飞机", "flight-approved")]]),
        ("手机壳", "phone case", 610_000, [[("苹果15", "iPhone 15"), ("华为Mate60", "Huawei Mate 60")],
                                            [("透明", "clear"), ("硅胶", "silicone"), ("磁吸", "magnetic")],
                                            [("防摔", "shockproof"), ("全包", "full-cover")]]),
    ],
}
# terms: (phrases per root, volume factor range, listings range, shop visibility, CTR, CVR)
TERM_PROFILE = {
    1: (1, (1.0, 1.0), (900_000, 3_000_000), 0.03, 0.016, 0.012),
    2: (3, (0.06, 0.18), (60_000, 300_000), 0.10, 0.026, 0.022),
    3: (3, (0.010, 0.030), (3_000, 30_000), 0.35, 0.036, 0.038),
    4: (1, (0.002, 0.006), (300, 3_000), 0.50, 0.040, 0.045),
}
# (channel, bid type): (unit price: CPC or CPM in yuan, CTR, CVR per click, value per order, share of budget).
# Qianchuan is bought by oCPM: the bid is for a conversion goal, the charge per thousand impressions.
DELIVERY = {
    ("ztc_search", "cpc"): (1.60, 0.032, 0.021, 290.0, 0.30),      # ROAS ≈ 3.8
    ("super_recommend", "cpc"): (0.90, 0.011, 0.011, 260.0, 0.14),  # ≈ 3.2
    ("super_recommend", "cpm"): (12.0, 0.011, 0.011, 260.0, 0.10),  # CPC ≈ 1.09, ≈ 2.6
    ("display_cpm", "cpm"): (15.0, 0.006, 0.014, 270.0, 0.14),     # CPC ≈ 2.5, ≈ 1.5
    ("qianchuan", "ocpm"): (20.0, 0.018, 0.013, 250.0, 0.32),      # CPC ≈ 1.11, ≈ 2.9
}
PER_MILLE = {"cpm", "ocpm"}  # bid types charged per thousand impressions
DELIVERY_START, DELIVERY_END = "2025-10-01", "2025-12-31"
DELIVERY_DAILY_BUDGET = 2400.0
KOL_TIERS = {  # tier: (count, followers range, fee per follower range, posts range)
    "head_kol": (6, (1_000_000, 5_000_000), (0.025, 0.045), (1, 2)),
    "mid_kol": (14, (100_000, 800_000), (0.03, 0.06), (1, 3)),
    "koc": (20, (5_000, 80_000), (0.05, 0.12), (2, 5)),
}
KOL_PLATFORMS = ["douyin", "xiaohongshu", "kuaishou"]
KOL_FAKE_LIKES, KOL_BOUGHT_FOLLOWERS = 2, 2
CS_TOPICS = {"presale": (["size_fit", "shipping", "price", "quality", "usage"], [0.30, 0.22, 0.20, 0.16, 0.12]),
             "aftersale": (["shipping", "quality", "return_refund", "usage"], [0.35, 0.20, 0.35, 0.10])}
BOT_TOPICS = {"shipping", "size_fit"}
CHATS_PER_DAY = 70.0
MEMBER_JOIN_P = 0.10
MEMBER_START, MEMBER_END = "2025-01-01", "2025-06-30"
TEST_START, TEST_DAYS = "2025-09-01", 14
TEST_CTR = {"A": 0.030, "B": 0.033}
TEST_CVR = {"A": 0.040, "B": 0.038}
TEST_IMPRESSIONS_PER_DAY = 9000.0


TABLES: dict[str, schema.Table] = {t.name: t for t in [
    schema.table(
        "keywords", "搜索关键词：近 30 天的搜索量、竞争商品数，以及本店商品在该词下的展现、点击和成交。",
        "Search keywords: last 30 days' search volume, competing listings, and the shop's own impressions, "
        "clicks and orders on the keyword.",
        ("keyword_id", "str", "关键词编号", "keyword id"),
        ("keyword", "str", "关键词（词根之间用空格分隔）", "keyword (terms separated by spaces)"),
        ("keyword_en", "str", "关键词的英文释义", "English gloss of the keyword"),
        ("category", "str", "类目", "category"),
        ("n_terms", "int", "词数：1 为核心大词，3 个及以上为长尾词",
         "number of terms: 1 is a head term, 3 or more a long-tail phrase"),
        ("monthly_searches", "int", "近 30 天搜索人次（搜索量）", "searches in the last 30 days (volume)"),
        ("online_products", "int", "在线竞争商品数（竞争度）", "competing listings online (competition)"),
        ("impressions", "int", "本店商品在该词下的展现量", "impressions of the shop's listings on the keyword"),
        ("clicks", "int", "点击量", "clicks"),
        ("orders", "int", "成交订单数", "orders")),
    schema.table(
        "ad_delivery_daily", "2025 年第四季度每日广告投放：日期 × 推广渠道 × 出价方式。",
        "Daily ad delivery in Q4 2025: date × ad channel × bid type.",
        ("date", "date", "日期", "date"),
        ("channel", "str", "推广渠道：ztc_search、super_recommend、display_cpm、qianchuan",
         "ad channel: ztc_search, super_recommend, display_cpm, qianchuan"),
        ("bid_type", "str", "出价方式：cpc 按点击扣费、cpm 按千次展现扣费、ocpm 按转化目标出价并按千次展现扣费",
         "bid type: cpc (charged per click), cpm (per thousand impressions), ocpm (bid on a conversion goal, "
         "charged per thousand impressions)"),
        ("impressions", "int", "展现量", "impressions"),
        ("clicks", "int", "点击量", "clicks"),
        ("spend", "float", "花费（元）", "spend (yuan)"),
        ("orders", "int", "归因订单数", "attributed orders"),
        ("gmv", "float", "归因成交额（元）", "attributed GMV (yuan)")),
    schema.table(
        "kol_partners", "达人合作：每位合作过的 KOL/KOC 一行（2025 年下半年）。",
        "Creator partnerships: one row per KOL/KOC the shop worked with (second half of 2025).",
        ("kol_id", "str", "达人编号", "creator id"),
        ("platform", "str", "平台：douyin、xiaohongshu、kuaishou", "platform: douyin, xiaohongshu, kuaishou"),
        ("tier", "str", "层级：head_kol 头部达人、mid_kol 腰部达人、koc 素人", "tier: head_kol, mid_kol, koc"),
        ("followers", "int", "粉丝数", "followers"),
        ("posts", "int", "合作内容条数", "pieces of content in the partnership"),
        ("views", "int", "合作内容总播放/阅读量", "views of the partnership content"),
        ("likes", "int", "点赞数", "likes"),
        ("comments", "int", "评论数", "comments"),
        ("shares", "int", "转发数", "shares"),
        ("audience_match", "float", "粉丝画像与本店目标客群的重合度（0–1）",
         "overlap of the audience with the shop's target customers (0–1)"),
        ("fee", "float", "合作费用（元，坑位费加佣金）", "fee (yuan, slot fee plus commission)"),
        ("orders", "int", "带来的订单数", "orders brought"),
        ("gmv", "float", "带来的成交额（元）", "GMV brought (yuan)")),
    schema.table(
        "cs_chats", "客服会话：2025 年第四季度每次咨询一行。",
        "Customer-service chats: one row per conversation in Q4 2025.",
        ("chat_id", "str", "会话编号", "chat id"),
        ("started_at", "datetime", "会话开始时间", "time the chat started"),
        ("stage", "str", "presale 售前 / aftersale 售后", "presale / aftersale"),
        ("topic", "str", "咨询主题：size_fit、shipping、price、quality、usage、return_refund",
         "topic: size_fit, shipping, price, quality, usage, return_refund"),
        ("handled_by", "str", "首次回复者：bot 机器人 / human 人工", "first reply by: bot / human"),
        ("first_response_seconds", "int", "首次响应时间（秒）", "seconds to the first reply"),
        ("outcome", "str", "结果：售前 ordered 已下单 / not_ordered 未下单；售后 resolved 已解决 / escalated 升级处理",
         "outcome: presale ordered / not_ordered; aftersale resolved / escalated")),
    schema.table(
        "private_domain_members",
        "私域会员：下单后通过包裹卡等加入企业微信的客户，每人一行；加入后的订单见 orders 表。",
        "Private-domain members: customers who joined the shop's WeCom after an order (package card and so on), "
        "one row each; their later orders are in the orders table.",
        ("member_id", "str", "会员编号", "member id"),
        ("customer_id", "str", "客户编号（对应 customers、orders）", "customer id (as in customers, orders)"),
        ("joined_date", "date", "加入日期", "date joined"),
        ("join_source", "str", "加入途径：package_card 包裹卡、service_invite 客服邀请、live_room 直播间",
         "how they joined: package_card, service_invite, live_room")),
    schema.table(
        "main_image_test", "主图 A/B 测试：2025 年 9 月 1–14 日，搜索流量随机分给两张主图，每天每组一行。",
        "Main-image A/B test, 1–14 September 2025: search traffic randomly split between two main images; "
        "one row per day and variant.",
        ("date", "date", "日期", "date"),
        ("variant", "str", "A 原主图（对照）/ B 新主图", "A current image (control) / B new image"),
        ("impressions", "int", "展现量", "impressions"),
        ("clicks", "int", "点击量", "clicks"),
        ("orders", "int", "成交订单数", "orders")),
]}


def _phrases(groups: list, n_attributes: int) -> list[list[tuple[str, str]]]:
    """Every choice of ``n_attributes`` attributes from distinct groups, in the groups' order."""
    return [list(choice) for picked in itertools.combinations(groups, n_attributes)
            for choice in itertools.product(*picked)]


def _keywords(rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    for category, roots in ROOTS.items():
        for root_zh, root_en, volume, groups in roots:
            for n_terms, (count, vol_range, listing_range, visibility, ctr, cvr) in TERM_PROFILE.items():
                options = _phrases(groups, n_terms - 1)
                for i in rng.choice(len(options), size=count, replace=False):
                    zh = " ".join([a[0] for a in options[i]] + [root_zh])
                    en = " ".join([a[1] for a in options[i]] + [root_en])
                    searches = int(volume * rng.uniform(*vol_range) * rng.lognormal(0, 0.15))
                    listings = int(np.exp(rng.uniform(*np.log(listing_range))))
                    impressions = max(int(searches * visibility * rng.lognormal(0, 0.3)), 200)
                    clicks = int(rng.binomial(impressions, ctr * rng.lognormal(0, 0.15)))
                    orders = int(rng.binomial(clicks, min(cvr * rng.lognormal(0, 0.25), 0.2)))
                    rows.append((category, zh, en, n_terms, searches, listings, impressions, clicks, orders))
    df = pd.DataFrame(rows, columns=["category", "keyword", "keyword_en", "n_terms", "monthly_searches",
                                     "online_products", "impressions", "clicks", "orders"])
    df.insert(0, "keyword_id", [f"K{i:03d}" for i in range(1, len(df) + 1)])
    return df


def _ad_delivery(rng: np.random.Generator, scale: float) -> pd.DataFrame:
    dates = pd.date_range(DELIVERY_START, DELIVERY_END, freq="D")
    weights = calendar.day_weights(dates)
    n = len(dates)
    frames = []
    for (channel, bid_type), (price, ctr, cvr, value, share) in DELIVERY.items():
        budget = DELIVERY_DAILY_BUDGET * scale * share * weights * rng.lognormal(0, 0.12, n)
        day_ctr = ctr * rng.lognormal(0, 0.08, n)
        if bid_type in PER_MILLE:
            impressions = np.round(budget / price * 1000).astype(int)
            clicks = rng.binomial(impressions, day_ctr)
            spend = impressions * price / 1000 * rng.lognormal(0, 0.03, n)
        else:
            impressions = np.round(budget / (price * day_ctr)).astype(int)
            clicks = rng.binomial(impressions, day_ctr)
            spend = clicks * price * rng.lognormal(0, 0.05, n)
        orders = rng.binomial(clicks, cvr)
        gmv = orders * value * rng.lognormal(0, 0.10, n)
        frames.append(pd.DataFrame({"date": dates, "channel": channel, "bid_type": bid_type,
                                    "impressions": impressions, "clicks": clicks, "spend": np.round(spend, 2),
                                    "orders": orders, "gmv": np.round(gmv, 2)}))
    return pd.concat(frames, ignore_index=True).sort_values(["date", "channel", "bid_type"]).reset_index(drop=True)


def _kol_partners(rng: np.random.Generator) -> pd.DataFrame:
    parts = []
    for tier, (count, follower_range, fee_range, post_range) in KOL_TIERS.items():
        followers = np.exp(rng.uniform(*np.log(follower_range), count)).astype(int)
        parts.append(pd.DataFrame({
            "tier": tier, "followers": followers,
            "posts": rng.integers(post_range[0], post_range[1] + 1, count),
            "fee_rate": rng.uniform(*fee_range, count)}))
    kol = pd.concat(parts, ignore_index=True)
    n = len(kol)
    kol["platform"] = rng.choice(KOL_PLATFORMS, size=n, p=[0.5, 0.35, 0.15])
    reach = np.where(kol["tier"] == "koc", 0.22, np.where(kol["tier"] == "mid_kol", 0.14, 0.09))
    view_rate = reach * rng.lognormal(0, 0.3, n)
    like_rate = rng.uniform(0.025, 0.06, n)
    comment_ratio = rng.uniform(0.03, 0.08, n)
    # a head KOL's broad audience is mostly not this shop's customers; a KOC's is close to them
    match = np.clip(rng.beta(4, 3, n) + np.select([kol["tier"] == "koc", kol["tier"] == "head_kol"], [0.08, -0.15]),
                    0.1, 0.95)
    # planted: fake likes (bought interactions) and bought followers (views far below the follower count)
    fake = rng.choice(np.flatnonzero(kol["tier"] != "head_kol"), size=KOL_FAKE_LIKES + KOL_BOUGHT_FOLLOWERS,
                      replace=False)
    fake_likes, bought = fake[:KOL_FAKE_LIKES], fake[KOL_FAKE_LIKES:]
    like_rate[fake_likes] = rng.uniform(0.22, 0.32, KOL_FAKE_LIKES)
    comment_ratio[fake_likes] = rng.uniform(0.002, 0.006, KOL_FAKE_LIKES)
    view_rate[bought] = rng.uniform(0.002, 0.005, KOL_BOUGHT_FOLLOWERS)
    real_viewers = np.ones(n)
    real_viewers[fake_likes] = 0.25  # most of their "views" are bots too
    views = np.round(kol["followers"] * view_rate * kol["posts"]).astype(int)
    likes = rng.binomial(views, like_rate)
    comments = rng.binomial(likes, comment_ratio)
    shares = rng.binomial(likes, rng.uniform(0.05, 0.15, n))
    buy_rate = 0.002 * match ** 2 * real_viewers * rng.lognormal(0, 0.25, n)
    orders = rng.binomial(views, buy_rate)
    fee = np.round(kol["followers"] * kol["fee_rate"] * (0.6 + 0.4 * kol["posts"]), -2)
    gmv = orders * 230.0 * rng.lognormal(0, 0.1, n)
    kol = kol.assign(views=views, likes=likes, comments=comments, shares=shares,
                     audience_match=np.round(match, 2), fee=fee, orders=orders, gmv=np.round(gmv, 2))
    kol = kol.iloc[rng.permutation(n)].reset_index(drop=True)
    kol["kol_id"] = [f"KOL{i:02d}" for i in range(1, n + 1)]
    return kol


def _cs_chats(rng: np.random.Generator, scale: float) -> pd.DataFrame:
    dates = pd.date_range(DELIVERY_START, DELIVERY_END, freq="D")
    weights = calendar.day_weights(dates)
    per_day = rng.poisson(CHATS_PER_DAY * scale * weights)
    day = np.repeat(np.arange(len(dates)), per_day)
    n = len(day)
    busy = calendar.promo_multiplier(dates[day]) >= 1.8
    hours = np.clip(rng.normal(16, 4.5, n), 0, 23.9)
    started = dates[day] + pd.to_timedelta((hours * 3600).astype(int), unit="s")
    stage = np.where(rng.random(n) < 0.72, "presale", "aftersale")
    topic = np.empty(n, dtype=object)
    for name, (topics, p) in CS_TOPICS.items():
        mask = stage == name
        topic[mask] = rng.choice(topics, size=mask.sum(), p=p)
    bot = np.isin(topic, list(BOT_TOPICS)) & (rng.random(n) < 0.55)
    human_wait = rng.lognormal(np.log(22), 0.9, n) * np.where(busy, 3.0, 1.0)
    seconds = np.where(bot, rng.integers(1, 4, n), np.round(human_wait) + 2).astype(int)
    p_order = (0.52 - 0.09 * np.log1p(seconds / 10)) * np.where(bot, 0.9, 1.0)
    ordered = rng.random(n) < np.clip(p_order, 0.05, 0.9)
    resolved = rng.random(n) < np.clip(0.93 - 0.04 * np.log1p(seconds / 10), 0.5, 0.99)
    outcome = np.where(stage == "presale", np.where(ordered, "ordered", "not_ordered"),
                       np.where(resolved, "resolved", "escalated"))
    chats = pd.DataFrame({"started_at": started, "stage": stage, "topic": topic,
                          "handled_by": np.where(bot, "bot", "human"), "first_response_seconds": seconds,
                          "outcome": outcome}).sort_values("started_at", kind="stable").reset_index(drop=True)
    chats.insert(0, "chat_id", [f"S{i:06d}" for i in range(1, n + 1)])
    return chats


def _private_domain(rng: np.random.Generator, orders: pd.DataFrame) -> pd.DataFrame:
    paid = orders[orders["status"] == "paid"]
    day = paid["paid_at"].dt.normalize()
    window = paid[(day >= MEMBER_START) & (day <= MEMBER_END)].sort_values("paid_at", kind="stable")
    invited = window[rng.random(len(window)) < MEMBER_JOIN_P].drop_duplicates("customer_id")
    n = len(invited)
    joined = invited["paid_at"].dt.normalize() + pd.to_timedelta(rng.integers(1, 8, n), unit="D")
    members = pd.DataFrame({"customer_id": invited["customer_id"].to_numpy(), "joined_date": joined.to_numpy(),
                            "join_source": rng.choice(["package_card", "service_invite", "live_room"], size=n,
                                                      p=[0.6, 0.25, 0.15])})
    members = members[members["joined_date"] <= pd.Timestamp(MEMBER_END)]
    members = members.sort_values(["joined_date", "customer_id"]).reset_index(drop=True)
    members.insert(0, "member_id", [f"M{i:05d}" for i in range(1, len(members) + 1)])
    return members


def _main_image_test(rng: np.random.Generator, scale: float) -> pd.DataFrame:
    dates = pd.date_range(TEST_START, periods=TEST_DAYS, freq="D")
    rows = []
    for date in dates:
        traffic = rng.poisson(2 * TEST_IMPRESSIONS_PER_DAY * scale * (1.08 if date.day_of_week >= 5 else 1.0))
        n_a = int(rng.binomial(traffic, 0.5))
        for variant, n in (("A", n_a), ("B", traffic - n_a)):
            clicks = int(rng.binomial(n, TEST_CTR[variant]))
            rows.append((date, variant, n, clicks, int(rng.binomial(clicks, TEST_CVR[variant]))))
    return pd.DataFrame(rows, columns=["date", "variant", "impressions", "clicks", "orders"])


def make_tables(rng: np.random.Generator, scale: float, shop: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    # one child stream per table: changing one table's generator leaves the others as they are
    streams = iter(rng.spawn(6))
    return {
        "keywords": _keywords(next(streams)),
        "ad_delivery_daily": _ad_delivery(next(streams), scale),
        "kol_partners": _kol_partners(next(streams)),
        "cs_chats": _cs_chats(next(streams), scale),
        "private_domain_members": _private_domain(next(streams), shop["orders"]),
        "main_image_test": _main_image_test(next(streams), scale),
    }
