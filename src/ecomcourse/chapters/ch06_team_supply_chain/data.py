"""Chapter 6 data: suppliers and purchase orders, weekly inventory, shipments by carrier,
complaints, a month of risk-control order signals with planted brushing, and the team's
monthly KPI sheet.

Weekly sales come from the shop's own paid orders, so the inventory story matches chapter 4's.
Stock is replenished by a simple reorder rule with purchase orders to the category's suppliers;
a few SKUs are planned too tightly (stock-outs around Double 11) and a few were over-bought
(slow movers). The brushing truth labels never reach the CSVs: :func:`brushing_truth`
regenerates them from the seed for the tests.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ...data import schema
from ...data.shop import SUPPLIERS

STREAM = 6
WEEKS = pd.date_range("2024-12-30", "2025-12-22", freq="7D")  # Mondays; 52 full weeks of 2025
BACKUP_SHARE = 0.25  # share of purchase orders placed with a backup supplier
TIGHT_SKUS, OVERSTOCK_SKUS = 12, 14
CARRIERS = {  # carrier: (base cost yuan, cost per kg, on-time prob, damage prob, late-damage link)
    "sf_express": (13.0, 2.0, 0.95, 0.004, 2.0),
    "jd_logistics": (11.0, 1.8, 0.94, 0.006, 2.0),
    "zto": (4.6, 1.0, 0.88, 0.012, 2.5),
    "yto": (4.4, 1.0, 0.84, 0.016, 2.5),
    "yunda": (4.2, 1.1, 0.80, 0.022, 3.0),
    "jtexpress": (3.8, 1.0, 0.64, 0.045, 3.0),
}
CARRIER_P = [0.14, 0.10, 0.28, 0.20, 0.16, 0.12]
WEIGHT_G = {"apparel": 450, "beauty": 300, "home": 900, "food": 700, "digital": 350}
COMPLAINT_TYPES = {  # type: (share, median hours to resolve)
    "logistics_delay": (0.30, 20.0), "damaged": (0.16, 26.0), "quality": (0.22, 40.0),
    "wrong_item": (0.10, 22.0), "service_attitude": (0.08, 16.0), "false_claim": (0.09, 60.0),
    "review_extortion": (0.05, 72.0),
}
ROLES = {  # role: [(kpi, direction, weight, target, actual mean ratio to target, sd)]
    "store_operator": [("gmv", "higher", 0.5, 0.0, 1.0, 0.0), ("gross_margin", "higher", 0.3, 0.45, 1.0, 0.04),
                       ("repurchase_rate", "higher", 0.2, 0.35, 0.98, 0.06)],
    "promotion": [("roas", "higher", 0.6, 3.2, 1.0, 0.10), ("cpa", "lower", 0.4, 18.0, 1.0, 0.10)],
    "customer_service": [("first_response_seconds", "lower", 0.4, 30.0, 1.0, 0.18),
                         ("inquiry_conversion", "higher", 0.4, 0.45, 1.0, 0.08),
                         ("satisfaction", "higher", 0.2, 0.95, 0.99, 0.02)],
    "data_analyst": [("report_on_time_rate", "higher", 0.5, 0.95, 1.0, 0.04),
                     ("forecast_error", "lower", 0.5, 0.15, 1.0, 0.15)],
    "supply_chain": [("stockout_rate", "lower", 0.4, 0.02, 1.0, 0.35),
                     ("inventory_days", "lower", 0.3, 45.0, 1.0, 0.12),
                     ("ship_within_48h", "higher", 0.3, 0.97, 1.0, 0.02)],
}
TEAM = [("E01", "store_operator"), ("E02", "promotion"), ("E03", "promotion"),
        ("E04", "customer_service"), ("E05", "customer_service"), ("E06", "customer_service"),
        ("E07", "customer_service"), ("E08", "data_analyst"), ("E09", "supply_chain"),
        ("E10", "supply_chain")]
RISK_MONTH = ("2025-10-01", "2025-10-31")
RING_DEVICES, RING_SKUS = 6, 3
CROWD_BRUSHERS = 24  # hired brushers, each on their own phone
LIGHT_SHARE, LIGHT_WEIGHT_G = 0.3, 75  # cheapest share of beauty/digital SKUs, their unit weight


TABLES: dict[str, schema.Table] = {t.name: t for t in [
    schema.table(
        "suppliers", "供应商名录：每个供应商一行，每个类目一家主供应商、一到两家备选。",
        "Supplier list: one row per supplier; each category has one primary and one or two back-ups.",
        ("supplier_id", "str", "供应商编号", "supplier id"),
        ("category", "str", "供货类目", "category supplied"),
        ("role", "str", "primary 主供应商 / backup 备选供应商", "primary / backup"),
        ("quoted_lead_days", "int", "报价交期（天，从下单到到货）", "quoted lead time (days from order to arrival)"),
        ("service_score", "float", "服务评分 1–5（采购团队季度评议：响应、售后、配合度）",
         "service score 1–5 (the buying team's quarterly review: responsiveness, after-sales, cooperation)")),
    schema.table(
        "purchase_orders", "2025 年到货的采购单（截至 12 月 28 日）：每张采购单一行，含到货与质检结果。",
        "Purchase orders received in 2025 (up to 28 December): one row per order, with its delivery and inspection.",
        ("po_id", "str", "采购单号", "purchase order id"),
        ("supplier_id", "str", "供应商编号", "supplier id"),
        ("product_id", "str", "商品编号", "product id"),
        ("ordered_date", "date", "下单日期", "date ordered"),
        ("promised_date", "date", "供应商承诺到货日期", "delivery date promised by the supplier"),
        ("received_date", "date", "实际到货日期", "date actually received"),
        ("units_ordered", "int", "采购件数", "units ordered"),
        ("units_received", "int", "实收件数", "units received"),
        ("units_defective", "int", "质检不合格件数（已退回，不入库）",
         "units failing inspection (returned, not stocked)"),
        ("unit_price", "float", "采购单价（元）", "purchase price per unit (yuan)")),
    schema.table(
        "inventory_weekly", "每周库存：周 × SKU。销量来自店铺的已支付订单；周一为一周的开始。",
        "Weekly inventory: week × SKU. Sales come from the shop's paid orders; weeks start on Monday.",
        ("week", "date", "该周周一的日期", "Monday of the week"),
        ("product_id", "str", "商品编号", "product id"),
        ("units_sold", "int", "本周已支付订单的销售件数", "units sold on paid orders that week"),
        ("units_received", "int", "本周入库的合格件数", "good units received into stock that week"),
        ("on_hand_units", "int", "周末在库件数", "units on hand at the end of the week"),
        ("backorder_units", "int", "周末缺货待发件数（已售出、尚无货可发）",
         "units backordered at the end of the week (sold, nothing to ship yet)")),
    schema.table(
        "shipments", "2025 年第四季度一半已支付订单的发货记录：每个包裹一行。",
        "Shipments for half of the paid orders of Q4 2025: one row per parcel.",
        ("order_id", "str", "订单编号", "order id"),
        ("carrier", "str", "快递公司：sf_express、jd_logistics、zto、yto、yunda、jtexpress",
         "carrier: sf_express, jd_logistics, zto, yto, yunda, jtexpress"),
        ("shipped_date", "date", "发货日期", "date shipped"),
        ("weight_g", "int", "包裹重量（克）", "parcel weight (grams)"),
        ("cost", "float", "运费（元）", "shipping cost (yuan)"),
        ("promised_days", "int", "承诺送达天数", "promised delivery time (days)"),
        ("delivered_days", "int", "实际送达天数", "actual delivery time (days)"),
        ("damaged", "int", "破损：1 是、0 否", "damaged: 1 yes, 0 no")),
    schema.table(
        "complaints", "2025 年的客户投诉：每条投诉一行。电话号码全部虚构，以 100 开头（大陆手机号以 13–19 开头）。",
        "Customer complaints in 2025: one row per complaint. All phone numbers are fictitious and start "
        "with 100 (mainland mobile numbers start with 13–19).",
        ("complaint_id", "str", "投诉编号", "complaint id"),
        ("order_id", "str", "订单编号", "order id"),
        ("customer_id", "str", "客户编号", "customer id"),
        ("phone", "str", "联系电话（虚构；书写格式不一）", "contact phone (fictitious; written in several formats)"),
        ("created_at", "datetime", "投诉时间", "time of the complaint"),
        ("type", "str", "类型：logistics_delay、damaged、quality、wrong_item、service_attitude、false_claim 恶意投诉、"
         "review_extortion 差评勒索", "type: logistics_delay, damaged, quality, wrong_item, service_attitude, "
         "false_claim (malicious), review_extortion (bad-review blackmail)"),
        ("first_response_minutes", "int", "首次响应用时（分钟）", "minutes to first response"),
        ("hours_to_resolve", "float", "处理完结用时（小时）", "hours to resolution"),
        ("evidence_kept", "int", "是否保留了聊天、物流、质检等证据：1 是、0 否",
         "evidence kept (chat, tracking, inspection): 1 yes, 0 no"),
        ("outcome", "str",
         "结果：refund 退款、replacement 换货、compensated 补偿、explained 解释澄清、appeal_won 申诉成功",
         "outcome: refund, replacement, compensated, explained, appeal_won")),
    schema.table(
        "risk_orders", "某淘宝店 2025 年 10 月的风控导出：每笔订单一行（平台订单号，与 orders 表无关）。",
        "A Taobao store's risk-control export for October 2025: one row per order (platform order ids, "
        "unrelated to the orders table).",
        ("order_id", "str", "平台订单号", "platform order id"),
        ("buyer_id", "str", "买家账号（平台脱敏编号）", "buyer account (platform pseudonym)"),
        ("created_at", "datetime", "下单时间", "time the order was placed"),
        ("product_id", "str", "商品编号", "product id"),
        ("quantity", "int", "件数", "quantity"),
        ("amount", "float", "实付金额（元）", "amount paid (yuan)"),
        ("account_age_days", "int", "下单时买家账号注册天数", "age of the buyer account when ordering (days)"),
        ("device_id", "str", "下单设备指纹", "device fingerprint"),
        ("address_id", "str", "收货地址指纹", "shipping address fingerprint"),
        ("parcel_weight_g", "int", "包裹称重（克）", "parcel weight (grams)"),
        ("review_rating", "int", "评价星级 1–5；0 为未评价", "review stars 1–5; 0 when not reviewed"),
        ("review_hours_after_delivery", "float", "签收后多少小时评价；未评价为空",
         "hours from delivery to review; empty when not reviewed")),
    schema.table(
        "team_kpis", "运营团队 2025 年每月的 KPI 考核表：月份 × 员工 × 指标。",
        "The operations team's monthly KPI sheet for 2025: month × employee × KPI.",
        ("month", "str", "月份 YYYY-MM", "month YYYY-MM"),
        ("employee_id", "str", "员工编号", "employee id"),
        ("role", "str", "岗位：store_operator、promotion、customer_service、data_analyst、supply_chain",
         "role: store_operator, promotion, customer_service, data_analyst, supply_chain"),
        ("kpi", "str", "指标代码", "KPI code"),
        ("direction", "str", "higher 越高越好 / lower 越低越好", "higher is better / lower is better"),
        ("weight", "float", "权重（每人每月合计为 1）", "weight (adds up to 1 per employee and month)"),
        ("target", "float", "目标值", "target"),
        ("actual", "float", "实际值", "actual")),
]}


def _with_paid(shop: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The shop tables this chapter reads, plus its paid orders and their order lines."""
    orders = shop["orders"]
    paid = orders[orders["status"].to_numpy() == "paid"]
    lines = shop["order_items"].merge(paid[["order_id", "paid_at"]], on="order_id")
    return {"orders": orders, "order_items": shop["order_items"], "products": shop["products"],
            "paid": paid, "paid_lines": lines}


def _weekly_sales(shop: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Units sold per SKU and week (Monday) on paid orders, zero weeks included."""
    lines = shop["paid_lines"].copy()
    day = lines["paid_at"].dt.normalize()
    lines["week"] = day - pd.to_timedelta(day.dt.day_of_week, unit="D")
    sales = lines.groupby(["week", "product_id"])["quantity"].sum()
    grid = pd.MultiIndex.from_product([WEEKS, shop["products"]["product_id"]], names=["week", "product_id"])
    return sales.reindex(grid, fill_value=0).unstack("product_id")


def _inventory_and_pos(rng: np.random.Generator, shop: dict[str, pd.DataFrame]
                       ) -> tuple[pd.DataFrame, pd.DataFrame]:
    products = shop["products"]
    sales = _weekly_sales(shop)
    units = sales.to_numpy()
    n_weeks, n_sku = units.shape
    # the planner's view of demand before 2025: the average week of Sep-Oct 2024 sales
    history = shop["paid_lines"]
    hist = history[(history["paid_at"] >= "2024-09-01") & (history["paid_at"] < "2024-12-01")]
    base = (hist.groupby("product_id")["quantity"].sum() / 13).reindex(products["product_id"]).fillna(0.2).to_numpy()
    base = np.maximum(base, 0.2)
    category = products["category"].to_numpy()
    unit_cost, product_ids = products["unit_cost"].to_numpy(), products["product_id"].to_numpy()
    primary = {cat: s for s, (cat, role, *_) in SUPPLIERS.items() if role == "primary"}
    backups = {cat: [s for s, (c, role, *_) in SUPPLIERS.items() if c == cat and role == "backup"]
               for cat in primary}
    lead_weeks = np.array([np.ceil(SUPPLIERS[primary[c]][3] / 7) for c in category])
    order = rng.permutation(n_sku)
    cover = np.full(n_sku, 1.6)  # weeks of cover above lead-time demand
    cover[order[:TIGHT_SKUS]] = 0.15
    overstock = np.zeros(n_sku, bool)
    overstock[order[TIGHT_SKUS:TIGHT_SKUS + OVERSTOCK_SKUS]] = True
    net = base * (lead_weeks + 3) * np.where(overstock, rng.uniform(14, 24, n_sku), 1.0)
    net = np.round(net)
    pipeline: list[tuple[int, int, float]] = []  # (arrival week, sku, good units)
    on_order = np.zeros(n_sku)
    on_hand = np.zeros((n_weeks, n_sku), int)
    backorder = np.zeros((n_weeks, n_sku), int)
    received = np.zeros((n_weeks, n_sku), int)
    forecast = base.copy()
    pos = []
    for w in range(n_weeks):
        arriving = [p for p in pipeline if p[0] == w]
        pipeline = [p for p in pipeline if p[0] != w]
        for _, sku, good in arriving:
            net[sku] += good
            received[w, sku] += good
            on_order[sku] -= good
        net = net - units[w]
        on_hand[w] = np.maximum(net, 0)
        backorder[w] = np.maximum(-net, 0)
        forecast = 0.75 * forecast + 0.25 * units[w]
        position = net + on_order
        rop = forecast * (lead_weeks + cover)
        trigger = (position <= rop) & ~(overstock & (w < n_weeks - 8))
        for sku in np.flatnonzero(trigger):
            qty = int(max(10, np.ceil(forecast[sku] * 6 + max(rop[sku] - position[sku], 0)) // 5 * 5 + 5))
            cat = category[sku]
            supplier = primary[cat] if rng.random() > BACKUP_SHARE else rng.choice(backups[cat])
            _, _, quoted, lead_mean, lead_sd, price_index, defect, _ = SUPPLIERS[supplier]
            ordered = WEEKS[w] + pd.Timedelta(days=int(rng.integers(4, 7)))
            lead = max(2, int(round(rng.normal(lead_mean, lead_sd))))
            arrive = ordered + pd.Timedelta(days=lead)
            got = int(rng.binomial(qty, 0.985)) if rng.random() < 0.2 else qty
            bad = int(rng.binomial(got, defect))
            price = round(float(unit_cost[sku]) * price_index * rng.lognormal(0, 0.02), 2)
            arrival_week = int((arrive - WEEKS[0]).days // 7)
            pos.append((supplier, product_ids[sku], ordered, ordered + pd.Timedelta(days=quoted),
                        arrive, qty, got, bad, price))
            pipeline.append((arrival_week, sku, got - bad))
            on_order[sku] += got - bad
    inventory = pd.DataFrame({
        "week": np.repeat(WEEKS, n_sku),
        "product_id": np.tile(sales.columns.to_numpy(), n_weeks),
        "units_sold": units.ravel(), "units_received": received.ravel(),
        "on_hand_units": on_hand.ravel(), "backorder_units": backorder.ravel()})
    purchase_orders = pd.DataFrame(pos, columns=["supplier_id", "product_id", "ordered_date", "promised_date",
                                                 "received_date", "units_ordered", "units_received",
                                                 "units_defective", "unit_price"])
    purchase_orders = purchase_orders[purchase_orders["received_date"] <= WEEKS[-1] + pd.Timedelta(days=6)]
    purchase_orders = purchase_orders.sort_values(["ordered_date", "product_id"], kind="stable").reset_index(drop=True)
    purchase_orders.insert(0, "po_id", [f"PO{i:05d}" for i in range(1, len(purchase_orders) + 1)])
    return inventory, purchase_orders


def _suppliers() -> pd.DataFrame:
    rows = [(s, cat, role, quoted, service) for s, (cat, role, quoted, *_, service) in SUPPLIERS.items()]
    return pd.DataFrame(rows, columns=["supplier_id", "category", "role", "quoted_lead_days", "service_score"])


def _shipments(rng: np.random.Generator, shop: dict[str, pd.DataFrame]) -> pd.DataFrame:
    paid = shop["paid"]
    paid = paid[paid["paid_at"] >= "2025-10-01"]
    paid = paid.sample(frac=0.5, random_state=np.random.RandomState(rng.integers(2**31)))
    paid = paid.sort_values("paid_at")
    n = len(paid)
    first_item = shop["order_items"].drop_duplicates("order_id").set_index("order_id")["product_id"]
    category = shop["products"].set_index("product_id")["category"]
    cat = category.reindex(first_item.reindex(paid["order_id"]).to_numpy()).to_numpy()
    weight = np.array([WEIGHT_G[c] for c in cat]) * rng.lognormal(0, 0.35, n)
    carrier = rng.choice(list(CARRIERS), size=n, p=CARRIER_P)
    params = np.array([CARRIERS[c] for c in carrier])
    remote = rng.random(n) < 0.12
    cost = (params[:, 0] + params[:, 1] * np.maximum(weight / 1000 - 1, 0)) * np.where(remote, 1.6, 1.0)
    cost = np.round(cost * rng.lognormal(0, 0.05, n), 2)
    promised = np.where(np.isin(carrier, ["sf_express", "jd_logistics"]), 2, 3) + remote.astype(int)
    on_time = rng.random(n) < params[:, 2] - 0.05 * remote
    delivered = np.where(on_time, promised - rng.integers(0, 2, n), promised + 1 + rng.poisson(1.2, n))
    delivered = np.maximum(delivered, 1)
    damage_p = params[:, 3] * np.where(on_time, 0.8, params[:, 4])
    damaged = rng.random(n) < damage_p
    wait = rng.choice([0, 1, 2], n, p=[0.55, 0.38, 0.07])
    ship_day = paid["paid_at"].dt.normalize() + pd.to_timedelta(wait, unit="D")
    return pd.DataFrame({
        "order_id": paid["order_id"].to_numpy(), "carrier": carrier, "shipped_date": ship_day.to_numpy(),
        "weight_g": np.round(weight).astype(int), "cost": cost, "promised_days": promised,
        "delivered_days": delivered, "damaged": damaged.astype(int)})


def fake_phone(rng: np.random.Generator, n: int) -> np.ndarray:
    """Obviously fictitious numbers: 11 digits starting with 100 (mainland mobiles start 13–19),
    written the ways people type them."""
    digits = rng.integers(0, 10, size=(n, 8))
    body = np.array(["".join(map(str, row)) for row in digits])
    style = rng.choice(3, n, p=[0.6, 0.25, 0.15])
    formats = ["100{0}{1}", "100-{0}-{1}", "+86 100 {0} {1}"]
    return np.array([formats[s].format(b[:4], b[4:]) for s, b in zip(style, body)])


def _complaints(rng: np.random.Generator, shop: dict[str, pd.DataFrame]) -> pd.DataFrame:
    paid = shop["paid"]
    paid = paid[paid["paid_at"] >= "2025-01-01"]
    chosen = paid.sample(frac=0.012, random_state=np.random.RandomState(rng.integers(2**31))).sort_values("paid_at")
    n = len(chosen)
    kinds = list(COMPLAINT_TYPES)
    share = np.array([COMPLAINT_TYPES[k][0] for k in kinds])
    kind = rng.choice(kinds, size=n, p=share / share.sum())
    created = chosen["paid_at"] + pd.to_timedelta(rng.uniform(2, 12, n), unit="D")
    created = created.clip(upper=pd.Timestamp("2025-12-31 23:00"))
    response = np.round(rng.lognormal(np.log(25), 0.8, n)).astype(int)
    hours = np.array([COMPLAINT_TYPES[k][1] for k in kind]) * rng.lognormal(0, 0.5, n)
    malicious = np.isin(kind, ["false_claim", "review_extortion"])
    evidence = np.where(malicious, rng.random(n) < 0.7, rng.random(n) < 0.35)
    outcome = np.where(
        malicious, np.where(evidence, "appeal_won", "compensated"),
        rng.choice(["refund", "replacement", "compensated", "explained"], size=n, p=[0.38, 0.24, 0.18, 0.20]))
    return pd.DataFrame({
        "complaint_id": [f"K{i:05d}" for i in range(1, n + 1)], "order_id": chosen["order_id"].to_numpy(),
        "customer_id": chosen["customer_id"].to_numpy(), "phone": fake_phone(rng, n),
        "created_at": created.to_numpy(), "type": kind, "first_response_minutes": response,
        "hours_to_resolve": np.round(hours, 1), "evidence_kept": evidence.astype(int), "outcome": outcome})


def _light_products(products: pd.DataFrame) -> np.ndarray:
    """The cheapest 30% of beauty and electronics SKUs (samples, phone cases, cables): honest
    parcels of these weigh well under 100 g."""
    cheap = products.groupby("category")["list_price"].rank(pct=True) <= LIGHT_SHARE
    return (products["category"].isin(["beauty", "digital"]) & cheap).to_numpy()


def _brushing_weight(rng: np.random.Generator, n: int, real_share: float) -> np.ndarray:
    """Parcel weights of fake orders: mostly empty parcels, some a padded box or a cheap real item."""
    real = rng.random(n) < real_share
    return np.where(real, rng.uniform(150, 450, n), rng.uniform(30, 90, n))


def _risk_orders(rng: np.random.Generator, scale: float, products: pd.DataFrame) -> pd.DataFrame:
    """A month of one store's orders as the platform's risk export shows them, with brushing
    planted among them: a device farm (several fresh accounts per phone) and hired brushers on
    their own phones with aged accounts. Column ``is_ring`` is the truth; it is dropped before
    writing. Honest orders of light products weigh under 100 g too, so no single signal is exact."""
    start, end = (pd.Timestamp(d) for d in RISK_MONTH)
    n_legit = max(int(3200 * scale), 120)
    price = products.set_index("product_id")["list_price"]
    unit_weight = pd.Series(np.where(_light_products(products), LIGHT_WEIGHT_G,
                                     [WEIGHT_G[c] for c in products["category"]]), index=products["product_id"])
    # legitimate buyers: mostly one account per device; households share a device
    n_buyers = int(n_legit * 0.85)
    buyer_age = np.round(rng.lognormal(np.log(700), 0.9, n_buyers)).astype(int)
    new = rng.random(n_buyers) < 0.07
    buyer_age[new] = rng.integers(1, 30, new.sum())
    device = np.arange(n_buyers)
    shared = rng.random(n_buyers) < 0.10
    device[shared] = np.maximum(device[shared] - rng.integers(1, 3, shared.sum()), 0)
    address = np.where(rng.random(n_buyers) < 0.9, device, rng.integers(0, n_buyers, n_buyers))
    buyer = rng.integers(0, n_buyers, n_legit)
    popularity = rng.pareto(1.5, len(products)) + 0.1
    sku = rng.choice(products["product_id"].to_numpy(), size=n_legit, p=popularity / popularity.sum())
    seconds = rng.uniform(0, (end - start).total_seconds() + 86399, n_legit)
    legit = pd.DataFrame({
        "buyer": buyer, "device": device[buyer], "address": address[buyer], "age": buyer_age[buyer],
        "product_id": sku, "created_at": start + pd.to_timedelta(seconds, unit="s"),
        "quantity": 1 + rng.poisson(0.2, n_legit)})
    discount = rng.uniform(0.85, 1.0, n_legit)
    legit["amount"] = legit["quantity"] * price.reindex(legit["product_id"]).to_numpy() * discount
    legit["weight"] = legit["quantity"] * unit_weight.reindex(legit["product_id"]).to_numpy() \
        * rng.lognormal(0, 0.3, n_legit)
    reviewed = rng.random(n_legit) < 0.35
    legit["rating"] = np.where(reviewed, rng.choice([1, 2, 3, 4, 5], n_legit, p=[0.04, 0.03, 0.08, 0.25, 0.60]), 0)
    quick = rng.random(n_legit) < 0.08  # some honest buyers review the same day
    legit["review_hours"] = np.where(reviewed, np.where(quick, rng.uniform(1, 12, n_legit),
                                                        rng.uniform(24, 24 * 14, n_legit)), np.nan)
    legit["is_ring"] = False
    # the device farm: a handful of devices, each running several fresh accounts, pushing 3 SKUs
    per_device = rng.integers(6, 9, RING_DEVICES)
    n_accounts = int(per_device.sum())
    ring_device = np.repeat(n_buyers + np.arange(RING_DEVICES), per_device)
    ring_age = rng.integers(1, 25, n_accounts)
    bought = rng.random(n_accounts) < 0.12  # a few purchased "aged" accounts
    ring_age[bought] = rng.integers(200, 900, bought.sum())
    targets = rng.choice(products.loc[products["category"].isin(["beauty", "apparel"]), "product_id"].to_numpy(),
                         RING_SKUS, replace=False)
    orders_per_account = rng.integers(1, 4, n_accounts)
    acct = np.repeat(np.arange(n_accounts), orders_per_account)
    n_ring = len(acct)
    burst = start + pd.Timedelta(days=14) + pd.to_timedelta(rng.uniform(0, 10 * 86400, n_ring), unit="s")
    ring = pd.DataFrame({
        "buyer": n_buyers + acct, "device": ring_device[acct],
        "address": n_buyers + rng.integers(0, 4, n_ring), "age": ring_age[acct],
        "product_id": rng.choice(targets, n_ring), "created_at": burst, "quantity": 1})
    ring["weight"] = _brushing_weight(rng, n_ring, 0.25)
    # hired brushers: one aged account on their own phone each, one or two orders of the same SKUs
    first = n_buyers + n_accounts
    crowd_orders = rng.integers(1, 3, CROWD_BRUSHERS)
    helper = np.repeat(np.arange(CROWD_BRUSHERS), crowd_orders)
    n_crowd = len(helper)
    crowd = pd.DataFrame({
        "buyer": first + helper, "device": first + RING_DEVICES + helper, "address": first + 4 + helper,
        "age": np.round(rng.lognormal(np.log(500), 0.6, CROWD_BRUSHERS)).astype(int)[helper],
        "product_id": rng.choice(targets, n_crowd), "quantity": 1,
        "created_at": start + pd.Timedelta(days=12) + pd.to_timedelta(rng.uniform(0, 14 * 86400, n_crowd), unit="s")})
    crowd["weight"] = _brushing_weight(rng, n_crowd, 0.35)
    fake = pd.concat([ring, crowd], ignore_index=True)
    fake["amount"] = price.reindex(fake["product_id"]).to_numpy()
    fake["rating"] = 5
    late = rng.random(len(fake)) < 0.15  # told to wait a day or two before reviewing
    fake["review_hours"] = np.where(late, rng.uniform(24, 72, len(fake)), rng.uniform(0.5, 6, len(fake)))
    fake["is_ring"] = True
    df = pd.concat([legit, fake], ignore_index=True).sort_values("created_at", kind="stable").reset_index(drop=True)
    n = len(df)
    ids = 10_000_000 + rng.choice(90_000_000, n, replace=False)
    buyer_ids = {b: f"B{v:07d}" for b, v in zip(np.unique(df["buyer"]),
                                                 rng.choice(9_000_000, df["buyer"].nunique(), replace=False))}
    device_ids = {d: f"D{v:06d}" for d, v in zip(np.unique(df["device"]),
                                                  rng.choice(900_000, df["device"].nunique(), replace=False))}
    address_ids = {a: f"A{v:06d}" for a, v in zip(np.unique(df["address"]),
                                                   rng.choice(900_000, df["address"].nunique(), replace=False))}
    return pd.DataFrame({
        "order_id": [f"T{v}" for v in ids], "buyer_id": df["buyer"].map(buyer_ids).to_numpy(),
        "created_at": df["created_at"].to_numpy(), "product_id": df["product_id"].to_numpy(),
        "quantity": df["quantity"].to_numpy(), "amount": np.round(df["amount"].to_numpy(), 2),
        "account_age_days": df["age"].to_numpy(), "device_id": df["device"].map(device_ids).to_numpy(),
        "address_id": df["address"].map(address_ids).to_numpy(),
        "parcel_weight_g": np.round(df["weight"].to_numpy()).astype(int),
        "review_rating": df["rating"].to_numpy().astype(int),
        "review_hours_after_delivery": np.round(df["review_hours"].to_numpy(), 1),
        "is_ring": df["is_ring"].to_numpy()})


def _team_kpis(rng: np.random.Generator, shop: dict[str, pd.DataFrame], inventory: pd.DataFrame) -> pd.DataFrame:
    """Targets and results; the store operator's GMV is the shop's real monthly GMV and the
    supply team's stock-out rate is the month's share of SKU-weeks with backorders."""
    out = (inventory["backorder_units"] > 0).groupby(inventory["week"].dt.strftime("%Y-%m")).mean()
    paid = shop["paid"]
    gmv = paid.groupby(paid["paid_at"].dt.strftime("%Y-%m"))["amount"].sum()
    rows = []
    skill = {e: rng.normal(0, 0.05) for e, _ in TEAM}
    for month in pd.period_range("2025-01", "2025-12", freq="M"):
        for employee, role in TEAM:
            for kpi, direction, weight, target, ratio, sd in ROLES[role]:
                good = ratio + (skill[employee] if direction == "higher" else -skill[employee])
                if kpi == "stockout_rate":
                    tgt, actual = target, max(round(float(out.get(str(month), 0.0)), 2), 0.01)
                elif kpi == "gmv":
                    actual = float(gmv.get(str(month), 0.0))
                    tgt = round(actual * rng.lognormal(0.02, 0.08), -4)
                else:
                    tgt = target
                    actual = tgt * good * rng.lognormal(0, sd)
                if direction == "higher" and tgt <= 1:
                    actual = min(actual, 1.0)
                rows.append((str(month), employee, role, kpi, direction, weight, tgt, actual))
    columns = ["month", "employee_id", "role", "kpi", "direction", "weight", "target", "actual"]
    return pd.DataFrame(rows, columns=columns)


def _streams(rng: np.random.Generator) -> dict[str, np.random.Generator]:
    names = ["inventory", "shipments", "complaints", "risk", "team"]
    return {name: np.random.default_rng(seed) for name, seed in zip(names, rng.integers(0, 2**63, len(names)))}


def make_tables(rng: np.random.Generator, scale: float, shop: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    streams = _streams(rng)
    shop = _with_paid(shop)
    inventory, purchase_orders = _inventory_and_pos(streams["inventory"], shop)
    return {
        "suppliers": _suppliers(),
        "purchase_orders": purchase_orders,
        "inventory_weekly": inventory,
        "shipments": _shipments(streams["shipments"], shop),
        "complaints": _complaints(streams["complaints"], shop),
        "risk_orders": _risk_orders(streams["risk"], scale, shop["products"]).drop(columns="is_ring"),
        "team_kpis": _team_kpis(streams["team"], shop, inventory),
    }


def brushing_truth(seed: int | None = None, scale: float | None = None) -> set[str]:
    """Order ids of the planted brushing ring in ``risk_orders`` for ``seed`` and ``scale``
    (default: the committed data's). For tests and graders; never written to the CSVs."""
    from ...data import DEFAULT_SEED, shop

    seed = DEFAULT_SEED if seed is None else seed
    scale = 1.0 if scale is None else scale
    products = shop.make_products(np.random.default_rng(seed))
    streams = _streams(np.random.default_rng([seed, STREAM]))
    risk = _risk_orders(streams["risk"], scale, schema.TABLES["products"].coerce(products))
    return set(risk.loc[risk["is_ring"], "order_id"])
