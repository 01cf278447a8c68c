"""What every dataset holds: columns, types and a bilingual description (the data dictionary)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # str | int | float | date | datetime
    zh: str
    en: str


@dataclass(frozen=True)
class Table:
    name: str
    zh: str
    en: str
    columns: tuple[Column, ...]

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def coerce(self, df: pd.DataFrame) -> pd.DataFrame:
        """The table's columns in order, with their types (dates as naive Shanghai time)."""
        out = pd.DataFrame(index=range(len(df)))
        for col in self.columns:
            values = df[col.name].reset_index(drop=True)
            if col.kind == "str":
                out[col.name] = values.astype(str)
            elif col.kind == "int":
                out[col.name] = values.astype("int64")
            elif col.kind == "float":
                out[col.name] = values.astype("float64").round(2)
            elif col.kind == "date":
                out[col.name] = pd.to_datetime(values).dt.normalize().astype("datetime64[ns]")
            else:
                out[col.name] = pd.to_datetime(values).dt.floor("s").astype("datetime64[ns]")
        return out


def table(name: str, zh: str, en: str, *columns: tuple[str, str, str, str]) -> Table:
    return Table(name, zh, en, tuple(Column(*c) for c in columns))


TABLES: dict[str, Table] = {t.name: t for t in [
    table("customers", "客户档案：每位注册客户一行（有人从未下单，有人只留下未支付的订单）。",
           "Customer profiles: one row per registered customer (some never ordered, some left only unpaid orders).",
           ("customer_id", "str", "客户编号", "customer id"),
           ("registered_date", "date", "注册日期（上海时区）", "registration date (Asia/Shanghai)"),
           ("age_band", "str", "年龄段", "age band"),
           ("gender", "str", "性别：female / male", "gender: female / male"),
           ("city_tier", "str", "城市等级：tier1 一线、new_tier1 新一线、tier2、tier3、tier4_below 四线及以下",
            "city tier: tier1, new_tier1, tier2, tier3, tier4_below"),
           ("province", "str", "省份（拼音）", "province (pinyin)"),
           ("device", "str", "常用设备：mobile / pc", "main device: mobile / pc"),
           ("acquisition_channel", "str", "首次到店的流量来源", "traffic source of the first visit")),
    table("products", "商品：每个 SKU 一行。", "Products: one row per SKU.",
           ("product_id", "str", "商品编号", "product id"),
           ("category", "str", "类目：apparel、beauty、home、food、digital", "category: apparel, beauty, home, food, digital"),
           ("list_price", "float", "标价（元）", "list price (yuan)"),
           ("unit_cost", "float", "单位成本（元，含采购与入库）", "unit cost (yuan, purchase and inbound)")),
    table("orders", "订单：每笔订单一行，含未支付订单。", "Orders: one row per order, unpaid ones included.",
           ("order_id", "str", "订单编号", "order id"),
           ("customer_id", "str", "客户编号", "customer id"),
           ("created_at", "datetime", "下单时间（上海时区）", "time the order was placed (Asia/Shanghai)"),
           ("paid_at", "datetime", "支付时间；未支付为空", "time of payment; empty when unpaid"),
           ("status", "str", "paid 已支付 / unpaid 未支付（关闭）", "paid / unpaid (closed without payment)"),
           ("platform", "str", "平台：taobao、tmall、jd、pinduoduo、douyin", "platform: taobao, tmall, jd, pinduoduo, douyin"),
           ("channel", "str", "该次访问的流量来源", "traffic source of the visit that led to the order"),
           ("device", "str", "下单设备：mobile / pc", "device: mobile / pc"),
           ("items_amount", "float", "商品标价合计（元）", "list-price total of the items (yuan)"),
           ("discount", "float", "优惠金额（元，满减、券）", "discount (yuan: coupons, spend-and-save)"),
           ("amount", "float", "实付金额 = items_amount − discount（元）", "amount paid = items_amount − discount (yuan)"),
           ("refund_amount", "float", "退款金额（元；本数据只有整单退款）", "refund (yuan; whole-order refunds only)")),
    table("order_items", "订单明细：每笔订单的每个商品一行。", "Order lines: one row per product in an order.",
           ("order_id", "str", "订单编号", "order id"),
           ("product_id", "str", "商品编号", "product id"),
           ("quantity", "int", "件数", "quantity"),
           ("unit_price", "float", "成交标价（元）", "list price at sale (yuan)")),
    table("traffic_daily", "每日流量：日期 × 来源 × 设备。每位访客每天只归到一个来源。",
           "Daily traffic: date × source × device. Each visitor-day is attributed to one source.",
           ("date", "date", "日期", "date"),
           ("source", "str", "流量来源：natural_search、paid_ads、homepage_feed、live_room、social_share、other",
            "traffic source: natural_search, paid_ads, homepage_feed, live_room, social_share, other"),
           ("device", "str", "设备：mobile / pc", "device: mobile / pc"),
           ("uv", "int", "当日访客数（去重）", "distinct visitors that day"),
           ("pv", "int", "当日浏览量", "page views that day")),
    table("funnel_events", "2025 年 9 月的购买路径日志：访客每天到达的每一步一行。",
           "Purchase-path log for September 2025: one row per visitor, day and step reached.",
           ("visitor_id", "str", "访客编号（跨日期稳定）", "visitor id (stable across days)"),
           ("date", "date", "日期", "date"),
           ("source", "str", "流量来源", "traffic source"),
           ("device", "str", "设备", "device"),
           ("step", "str", "步骤：view 浏览、cart 加购、order 下单、pay 支付", "step: view, cart, order, pay")),
    table("ad_campaigns_daily", "每日广告投放：日期 × 推广渠道，含平台归因的订单和成交额。",
           "Daily advertising: date × ad channel, with the platform-attributed orders and GMV.",
           ("date", "date", "日期", "date"),
           ("channel", "str", "推广渠道：ztc_search、super_recommend、display_cpm、taobaoke、qianchuan、pdd_search、jd_kuaiche",
            "ad channel: ztc_search, super_recommend, display_cpm, taobaoke, qianchuan, pdd_search, jd_kuaiche"),
           ("impressions", "int", "展现量", "impressions"),
           ("clicks", "int", "点击量", "clicks"),
           ("spend", "float", "花费（元）", "spend (yuan)"),
           ("attributed_orders", "int", "归因订单数", "attributed orders"),
           ("attributed_gmv", "float", "归因成交额（元）", "attributed GMV (yuan)")),
    table("operating_costs", "每月运营费用（不含商品成本和广告费）。", "Monthly operating costs (excluding COGS and ads).",
           ("month", "str", "月份 YYYY-MM", "month YYYY-MM"),
           ("cost_type", "str", "费用类型：logistics、platform_fees、staff、rent_it", "cost type: logistics, platform_fees, staff, rent_it"),
           ("amount", "float", "金额（元）", "amount (yuan)")),
]}
