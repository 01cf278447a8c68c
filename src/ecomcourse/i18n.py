"""One table of every string that code prints: plot labels, widget labels, check messages.

Dataset categories are English codes (``natural_search``, ``tier1``); :func:`label` turns a code
into its display name in the current language. Tests compare codes, never labels.
"""

from __future__ import annotations

import os

LANGUAGES = ("zh", "en")
_current = {"lang": os.environ.get("ECOMCOURSE_LANG", "zh")}

STRINGS: dict[str, dict[str, str]] = {
    # course set-up and data loading
    "setup.ready": {"zh": "环境就绪：{chapter}（简体中文版），数据目录 {data}",
                    "en": "Ready: {chapter} (English edition), data in {data}"},
    "data.unknown": {"zh": "没有名为 “{name}” 的数据集。可用的数据集：{names}",
                     "en": "There is no dataset called '{name}'. Available datasets: {names}"},
    "data.not_found": {"zh": "找不到课程数据目录（需要 datasets/manifest.json）。请在课程仓库内打开笔记本，"
                             "或设置环境变量 ECOMCOURSE_DATA 指向 datasets 文件夹，或运行 `ecomcourse data` 重新生成。",
                       "en": "Cannot find the course data folder (datasets/manifest.json). Open the notebook "
                             "inside the course repository, set ECOMCOURSE_DATA to the datasets folder, "
                             "or run `ecomcourse data` to regenerate it."},
    "data.missing_file": {"zh": "数据文件 {path} 不存在。运行 `ecomcourse data` 重新生成数据。",
                          "en": "The data file {path} is missing. Run `ecomcourse data` to regenerate it."},
    "data.corrupted": {"zh": "数据文件 {path} 已损坏或被修改（校验和不符）。运行 `ecomcourse data` 重新生成，"
                             "或从仓库恢复：git checkout -- datasets/",
                       "en": "The data file {path} is corrupted or was edited (checksum mismatch). Run "
                             "`ecomcourse data` to regenerate it, or restore it: git checkout -- datasets/"},
    # answer checks (visible tests)
    "check.not_implemented": {"zh": "{name} 还没有完成：请删除 raise NotImplementedError() 并写出你的答案。",
                              "en": "{name} is not done yet: delete raise NotImplementedError() and write your answer."},
    "check.type": {"zh": "{name} 应该是 {expected}，但得到的是 {got}。",
                   "en": "{name} should be a {expected}, but it is a {got}."},
    "check.columns": {"zh": "{name} 缺少这些列：{missing}（需要的列：{expected}）。",
                      "en": "{name} lacks these columns: {missing} (expected columns: {expected})."},
    "check.index": {"zh": "{name} 的索引应该是 {expected}，但得到的是 {got}。",
                    "en": "{name} should be indexed by {expected}, but its index is {got}."},
    "check.length": {"zh": "{name} 应该有 {expected} 行，但有 {got} 行。",
                     "en": "{name} should have {expected} rows, but it has {got}."},
    "check.percent": {"zh": "{name} = {value:.4g} 看起来像百分数：比率请用 0 到 1 之间的小数（3.5% 写成 0.035）。",
                      "en": "{name} = {value:.4g} looks like a percentage: give rates as fractions between "
                            "0 and 1 (3.5% is 0.035)."},
    "check.fraction": {"zh": "{name} = {value} 应该是 0 到 1 之间的比率。",
                       "en": "{name} = {value} should be a rate between 0 and 1."},
    "check.nan": {"zh": "{name} 里有空值（NaN），请检查分母为零或缺失的数据。",
                  "en": "{name} contains missing values (NaN): check for zero denominators or missing data."},
    "check.value": {"zh": "{name} 的数值不对：{hint}",
                    "en": "{name} has the wrong value: {hint}"},
    "check.independent": {"zh": "与独立计算的结果不符", "en": "differs from an independent computation"},
    "check.mutated": {"zh": "你的函数修改了传入的数据表，请在副本上计算（df = df.copy()）。",
                      "en": "Your function changed the table it was given: work on a copy (df = df.copy())."},
    # chapter 4 test hints
    "ch04.daily_kpis.1": {"zh": "UV 是当天各来源 uv 之和，不是 pv",
                         "en": "UV sums the day's uv, not pv"},
    "ch04.daily_kpis.2": {"zh": "C1 付了两笔、C2 未支付：买家是去重的支付客户",
                         "en": "C1 paid twice and C2 did not pay: count distinct paying customers"},
    "ch04.daily_kpis.3": {"zh": "只算已支付订单",
                         "en": "paid orders only"},
    "ch04.daily_kpis.4": {"zh": "客单价 = GMV",
                         "en": "买家数 / spend per buyer = GMV / buyers"},
    "ch04.repurchase_rate.1": {"zh": "C1 在两个不同日期支付，C2、C3 各一天",
                              "en": "C1 paid on two days, C2 and C3 on one"},
    "ch04.repurchase_rate.2": {"zh": "同一天的两笔订单不算复购",
                              "en": "two orders on the same day are not a repurchase"},
    "ch04.traffic_source_table.1": {"zh": "按 uv 从大到小排序",
                                   "en": "sort by uv, largest first"},
    "ch04.traffic_source_table.2": {"zh": "用 uv 而不是 pv",
                                   "en": "use uv, not pv"},
    "ch04.traffic_source_table.3": {"zh": "C1 在 16 日和 18 日各算一个买家·天",
                                   "en": "C1 is one buyer-day on the 16th and one on the 18th"},
    "ch04.profile_pivot.1": {"zh": "行 age_band、列 city_tier",
                            "en": "rows age_band, columns city_tier"},
    "ch04.profile_pivot.2": {"zh": "客单价 = 支付金额 ÷ 去重买家数，未支付订单不算",
                            "en": "spend per buyer = paid amount ÷ distinct buyers, unpaid orders excluded"},
    "ch04.profile_pivot.3": {"zh": "没有买家的组合应为 NaN",
                            "en": "combinations without buyers are NaN"},
    "ch04.profile_pivot.4": {"zh": "行列按代码排序",
                            "en": "rows and columns sorted by code"},
    "ch04.funnel_table.1": {"zh": "步骤顺序 view, cart, order, pay",
                           "en": "steps in order"},
    "ch04.funnel_table.2": {"zh": "A 来了两天，只算一个访客",
                           "en": "A came on two days: one visitor"},
    "ch04.funnel_table.3": {"zh": "步骤转化率是除以上一步",
                           "en": "step rate divides by the previous step"},
    "ch04.funnel_table.4": {"zh": "步骤顺序",
                           "en": "step order"},
    "ch04.worst_step.1": {"zh": "看步骤转化率，不是人数最少的一步",
                         "en": "use the step rate, not the smallest head count"},
    "ch04.rfm_scores.1": {"zh": "按 customer_id 升序，只含有支付的客户",
                         "en": "sorted by customer_id, paying customers only"},
    "ch04.rfm_scores.2": {"zh": "快照日减去最近支付日期",
                         "en": "snapshot minus the last payment date"},
    "ch04.rfm_scores.3": {"zh": "支付订单数",
                         "en": "paid orders"},
    "ch04.rfm_scores.4": {"zh": "R、F、M 是 1–5 的整数",
                         "en": "R, F, M are integers 1–5"},
    "ch04.rfm_scores.5": {"zh": "最近买过的客户 R = 5",
                         "en": "the most recent buyers get R = 5"},
    "ch04.rfm_scores.6": {"zh": "按 customer_id 升序",
                         "en": "sorted by customer_id"},
    "ch04.rfm_scores.7": {"zh": "与五分位定义不符",
                         "en": "differs from the quintile definition"},
    "ch04.rfm_tier.1": {"zh": "索引与输入相同",
                       "en": "same index as the input"},
    "ch04.rfm_tier.2": {"zh": "R = 1 的客户是沉睡客户，即使 F、M 很高",
                       "en": "R = 1 is dormant even with high F and M"},
    "ch04.rfm_tier.4": {"zh": "与规则表不符",
                       "en": "differs from the rule table"},
    "ch04.dormant_customers.1": {"zh": "C2、C3 最后支付在 10 天前，C1 在 9 天前",
                                "en": "C2 and C3 last paid 10 days ago, C1 9 days ago"},
    "ch04.margins.1": {"zh": "净销售额 = 530 − 200 退款 = 330；成本只算未退款订单 = 135",
                      "en": "net sales = 530 − 200 refunded = 330; COGS of kept orders = 135"},
    "ch04.margins.2": {"zh": "净利润还要扣广告费和运营费用",
                      "en": "net profit also takes off ad spend and operating costs"},
    "ch04.ad_channel_returns.1": {"zh": "毛利率 50% 时，每 1 元广告费要带来 2 元成交",
                                 "en": "at a 50% margin each yuan of ads must bring 2 yuan of sales"},
    "ch04.ad_channel_returns.2": {"zh": "ROAS = 归因成交额 ÷ 花费",
                                 "en": "attributed GMV ÷ spend"},
    "ch04.ad_channel_returns.3": {"zh": "ROI =（归因成交额 × 毛利率 − 花费）÷ 花费，不是 ROAS，也不是（成交额 − 花费）÷ 花费",
                                 "en": "ROI = (GMV × margin − spend) ÷ spend"},
    "ch04.ad_channel_returns.4": {"zh": "ROAS 低于盈亏平衡线的渠道 ROI 为负",
                                 "en": "below break-even ROAS the ROI is negative"},
    "ch04.cohort_retention.1": {"zh": "列是整数 k = 0, 1, 2",
                               "en": "columns are the integers k"},
    "ch04.cohort_retention.2": {"zh": "数据内没人回来的月份是 0",
                               "en": "a month inside the data with nobody back is 0"},
    "ch04.cohort_retention.3": {"zh": "超出数据最后一个月的格子是 NaN",
                               "en": "beyond the last month of data is NaN"},
    "ch04.cohort_retention.4": {"zh": "同期群行",
                               "en": "cohort rows"},
    "ch04.cohort_retention.5": {"zh": "k 列",
                               "en": "k columns"},
    "ch04.cohort_retention.6": {"zh": "留存率与独立计算不符",
                               "en": "retention differs from an independent computation"},
    "ch04.rfm_scores.quintiles": {"zh": "五组人数相同（五分位）", "en": "five equal groups (quintiles)"},
    "ch04.rfm_tier.boundary": {"zh": "R + F + M = 12 属于高价值（≥ 12）", "en": "a total of 12 is high (≥ 12)"},
    "ch04.dormant_customers.strict": {"zh": "正好 N 天不算沉睡（严格大于）", "en": "exactly N days is not dormant (strictly more)"},
    "ch04.cohort_retention.size": {"zh": "X 回来了、Y 没有：1 ÷ 2（除以同期群人数）", "en": "X came back, Y did not: 1 ÷ 2 (divide by cohort size)"},
    # plots and widgets
    "axis.date": {"zh": "日期", "en": "Date"},
    "axis.gmv": {"zh": "成交额（元）", "en": "GMV (yuan)"},
    "axis.uv": {"zh": "访客数", "en": "Visitors (UV)"},
    "axis.cr": {"zh": "支付转化率", "en": "Conversion rate"},
    "axis.aov": {"zh": "客单价（元）", "en": "Spend per buyer (yuan)"},
    "axis.share": {"zh": "占比", "en": "Share"},
    "axis.visitors": {"zh": "访客数（去重）", "en": "Distinct visitors"},
    "axis.months_since": {"zh": "首购后第 k 个月", "en": "Months since first purchase (k)"},
    "axis.cohort": {"zh": "首购月份（同期群）", "en": "Month of first purchase (cohort)"},
    "axis.customers": {"zh": "客户数", "en": "Customers"},
    "axis.roas": {"zh": "投产比 ROAS", "en": "ROAS"},
    "axis.spend": {"zh": "广告花费（元）", "en": "Ad spend (yuan)"},
    "title.daily_gmv": {"zh": "每日成交额：618 与双11 的预售和爆发", "en": "Daily GMV: pre-sales and peaks at 618 and Double 11"},
    "title.kpi_tree": {"zh": "GMV 拆解：访客数 × 转化率 × 客单价（按月）", "en": "GMV decomposed: UV × CR × spend per buyer (monthly)"},
    "title.sources": {"zh": "流量来源：访客占比与转化率", "en": "Traffic sources: share of visitors and conversion"},
    "title.funnel": {"zh": "购买路径漏斗（{month}）", "en": "Purchase funnel ({month})"},
    "title.tiers": {"zh": "RFM 用户分层", "en": "RFM customer tiers"},
    "title.roas": {"zh": "各推广渠道投产比与盈亏平衡线", "en": "ROAS by ad channel against break-even"},
    "title.retention": {"zh": "月度同期群留存率", "en": "Monthly cohort retention"},
    "title.dashboard": {"zh": "KPI 看板 {start} ~ {end}", "en": "KPI dashboard {start} to {end}"},
    "legend.break_even": {"zh": "盈亏平衡 ROAS = {value:.2f}", "en": "Break-even ROAS = {value:.2f}"},
    "legend.target": {"zh": "目标 ROAS = {value:.0f}", "en": "Target ROAS = {value:.0f}"},
    "widget.dates": {"zh": "日期范围", "en": "Dates"},
    "widget.platform": {"zh": "平台", "en": "Platform"},
    "widget.all": {"zh": "全部", "en": "All"},
    "widget.metric": {"zh": "指标", "en": "Metric"},
    "kpi.uv": {"zh": "访客数 UV", "en": "Visitors (UV)"},
    "kpi.buyers": {"zh": "支付买家数", "en": "Paying buyers"},
    "kpi.cr": {"zh": "支付转化率", "en": "Conversion rate"},
    "kpi.aov": {"zh": "客单价", "en": "Spend per buyer"},
    "kpi.gmv": {"zh": "成交额 GMV", "en": "GMV"},
    "kpi.orders": {"zh": "支付订单数", "en": "Paid orders"},
    "kpi.order_value": {"zh": "笔单价", "en": "Value per order"},
    "kpi.repurchase": {"zh": "复购率", "en": "Repurchase rate"},
    "kpi.note_uv": {"zh": "注：所选区间的访客数按天相加（同一访客在不同日期会被重复计算）。",
                    "en": "Note: the range's UV adds up daily visitors (a visitor who returns on another day counts again)."},
}

LABELS: dict[str, dict[str, str]] = {
    "natural_search": {"zh": "自然搜索", "en": "Natural search"},
    "paid_ads": {"zh": "付费推广", "en": "Paid ads"},
    "homepage_feed": {"zh": "首页推荐", "en": "Homepage feed"},
    "live_room": {"zh": "直播间", "en": "Live room"},
    "social_share": {"zh": "社交分享", "en": "Social share"},
    "other": {"zh": "其他", "en": "Other"},
    "mobile": {"zh": "移动端", "en": "Mobile"},
    "pc": {"zh": "PC 端", "en": "PC"},
    "taobao": {"zh": "淘宝", "en": "Taobao"},
    "tmall": {"zh": "天猫", "en": "Tmall"},
    "jd": {"zh": "京东", "en": "JD"},
    "pinduoduo": {"zh": "拼多多", "en": "Pinduoduo"},
    "douyin": {"zh": "抖音", "en": "Douyin"},
    "tier1": {"zh": "一线", "en": "Tier 1"},
    "new_tier1": {"zh": "新一线", "en": "New tier 1"},
    "tier2": {"zh": "二线", "en": "Tier 2"},
    "tier3": {"zh": "三线", "en": "Tier 3"},
    "tier4_below": {"zh": "四线及以下", "en": "Tier 4 and below"},
    "female": {"zh": "女", "en": "Female"},
    "male": {"zh": "男", "en": "Male"},
    "apparel": {"zh": "服饰", "en": "Apparel"},
    "beauty": {"zh": "美妆", "en": "Beauty"},
    "home": {"zh": "家居", "en": "Home"},
    "food": {"zh": "食品", "en": "Food"},
    "digital": {"zh": "数码配件", "en": "Digital accessories"},
    "view": {"zh": "浏览商品", "en": "View"},
    "cart": {"zh": "加购", "en": "Add to cart"},
    "order": {"zh": "下单", "en": "Order"},
    "pay": {"zh": "支付", "en": "Pay"},
    "high": {"zh": "高价值", "en": "High value"},
    "mid": {"zh": "中价值", "en": "Mid value"},
    "low": {"zh": "低价值", "en": "Low value"},
    "dormant": {"zh": "沉睡", "en": "Dormant"},
    "ztc_search": {"zh": "直通车（搜索）", "en": "Zhitongche (search)"},
    "super_recommend": {"zh": "超级推荐（信息流）", "en": "Super Recommend (feed)"},
    "display_cpm": {"zh": "展示广告（CPM）", "en": "Display ads (CPM)"},
    "taobaoke": {"zh": "淘宝客", "en": "Taobaoke affiliates"},
    "qianchuan": {"zh": "巨量千川", "en": "Qianchuan (Douyin)"},
    "pdd_search": {"zh": "多多搜索", "en": "Duoduo Search"},
    "jd_kuaiche": {"zh": "京东快车", "en": "JD Kuaiche"},
    "logistics": {"zh": "物流费", "en": "Logistics"},
    "platform_fees": {"zh": "平台佣金与技术服务费", "en": "Platform fees"},
    "staff": {"zh": "人工", "en": "Staff"},
    "rent_it": {"zh": "房租与系统", "en": "Rent and IT"},
}


def set_language(lang: str) -> None:
    """Set the language of every string code prints (``"zh"`` or ``"en"``)."""
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}, not {lang!r}")
    _current["lang"] = lang


def get_language() -> str:
    return _current["lang"] if _current["lang"] in LANGUAGES else "zh"


def t(key: str, **values: object) -> str:
    """The string ``key`` in the current language, formatted with ``values``."""
    return STRINGS[key][get_language()].format(**values)


def label(code: str) -> str:
    """Display name of a dataset category code; unknown codes are shown as they are."""
    return LABELS.get(code, {}).get(get_language(), code)
