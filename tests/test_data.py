"""The synthetic shop: files match the manifest, numbers match the course's calibration targets,
and the loader finds the data from anywhere and explains what is wrong in the notebook's language."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from ecomcourse import i18n, paths
from ecomcourse.data import TABLES, generate, load_dataset, store
from ecomcourse.data.loader import DatasetError


@pytest.fixture(scope="module")
def shop() -> dict[str, pd.DataFrame]:
    return {name: load_dataset(name) for name in TABLES}


def test_committed_files_match_manifest():
    assert store.check(paths.DATASETS) == []


def test_generator_reproduces_committed_data(tmp_path):
    manifest = store.read_manifest(paths.DATASETS)
    written = store.write_all(generate(seed=manifest["seed"], scale=manifest["scale"]), tmp_path,
                              manifest["seed"], manifest["scale"])
    assert {n: e["sha256"] for n, e in written["tables"].items()} == \
           {n: e["sha256"] for n, e in manifest["tables"].items()}


def test_csv_opens_in_excel_with_bom():
    for entry in store.read_manifest(paths.DATASETS)["tables"].values():
        assert (paths.DATASETS / entry["file"]).read_bytes()[:3] == b"\xef\xbb\xbf"


def test_scale_grows_the_data_linearly():
    small, double = generate(scale=0.05), generate(scale=0.1)
    ratio = len(double["orders"]) / len(small["orders"])
    assert 1.7 < ratio < 2.3


def test_loaded_types(shop):
    orders = shop["orders"]
    assert pd.api.types.is_datetime64_any_dtype(orders["paid_at"])
    assert orders.loc[orders["status"] == "unpaid", "paid_at"].isna().all()
    assert pd.api.types.is_float_dtype(orders["amount"])
    assert pd.api.types.is_integer_dtype(shop["traffic_daily"]["uv"])


def _paid(shop):
    orders = shop["orders"]
    paid = orders[orders["status"] == "paid"]
    return paid.assign(date=paid["paid_at"].dt.normalize())


def test_conversion_spend_per_buyer_and_mobile_share(shop):
    paid, traffic = _paid(shop), shop["traffic_daily"]
    buyer_days = paid.groupby("date")["customer_id"].nunique().sum()
    assert 0.030 <= buyer_days / traffic["uv"].sum() <= 0.040  # about 3.5%
    assert 260 <= paid["amount"].sum() / buyer_days <= 300  # 客单价 about ¥280
    mobile = traffic.loc[traffic["device"] == "mobile", "uv"].sum() / traffic["uv"].sum()
    assert mobile > 0.85


def test_repurchase_about_35_percent(shop):
    paid = _paid(shop)
    year = paid[paid["date"].dt.year == 2025]
    days = year.groupby("customer_id")["date"].nunique()
    assert 0.30 <= (days >= 2).mean() <= 0.40


def test_margins_and_ad_returns(shop):
    paid = _paid(shop)
    net_sales = paid["amount"].sum() - paid["refund_amount"].sum()
    kept = paid.loc[paid["refund_amount"] == 0, "order_id"]
    items = shop["order_items"][shop["order_items"]["order_id"].isin(kept)].merge(shop["products"])
    cogs = (items["quantity"] * items["unit_cost"]).sum()
    gross = (net_sales - cogs) / net_sales
    net = (net_sales - cogs - shop["ad_campaigns_daily"]["spend"].sum()
           - shop["operating_costs"]["amount"].sum()) / net_sales
    assert 0.42 <= gross <= 0.48 and 0.15 <= net <= 0.21
    ads = shop["ad_campaigns_daily"].groupby("channel")[["attributed_gmv", "spend"]].sum()
    roas = ads["attributed_gmv"] / ads["spend"]
    assert (roas > 3).sum() >= 3, "the good channels return more than 3"
    assert (roas < 1 / gross).any(), "at least one channel sits below break-even"


def test_promotion_peaks_with_presale(shop):
    daily = _paid(shop).groupby("date")["amount"].sum()
    for year in (2024, 2025):
        base = daily[f"{year}-09-01":f"{year}-09-30"].mean()
        assert daily[pd.Timestamp(f"{year}-11-11")] > 3 * base
        assert daily[f"{year}-10-25":f"{year}-11-10"].mean() > 1.3 * base, "pre-sale build-up"
        assert daily[pd.Timestamp(f"{year}-06-18")] > 2 * daily[f"{year}-04-01":f"{year}-04-30"].mean()


def test_lower_tier_cities_grow_faster(shop):
    first = _paid(shop).groupby("customer_id")["date"].min().rename("first")
    new = shop["customers"].merge(first, left_on="customer_id", right_index=True)
    counts = pd.crosstab(new["city_tier"], new["first"].dt.year)
    growth = counts[2025] / counts[2024]
    assert growth["tier4_below"] > growth["tier3"] > growth["tier1"]


def test_funnel_visitors_shrink_at_each_step(shop):
    visitors = shop["funnel_events"].groupby("step")["visitor_id"].nunique()
    assert visitors["view"] > visitors["cart"] > visitors["order"] > visitors["pay"]


def test_loader_works_from_another_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert len(load_dataset("products")) == store.read_manifest(paths.DATASETS)["tables"]["products"]["rows"]


@pytest.mark.parametrize("lang, words", [("zh", "没有名为"), ("en", "There is no dataset")])
def test_unknown_name_is_explained_in_the_notebook_language(lang, words):
    i18n.set_language(lang)
    try:
        with pytest.raises(DatasetError, match=words) as error:
            load_dataset("order")
        assert "orders" in str(error.value)
    finally:
        i18n.set_language("zh")


def _copy_data(tmp_path, monkeypatch):
    folder = tmp_path / "datasets"
    shutil.copytree(paths.DATASETS, folder)
    monkeypatch.setenv("ECOMCOURSE_DATA", str(folder))
    return folder


def test_corrupted_file_is_refused(tmp_path, monkeypatch):
    folder = _copy_data(tmp_path, monkeypatch)
    with (folder / "products.csv").open("a", encoding="utf-8") as f:
        f.write("P9999,food,1.0,1.0\n")
    i18n.set_language("en")
    try:
        with pytest.raises(DatasetError, match="checksum"):
            load_dataset("products")
    finally:
        i18n.set_language("zh")


def test_missing_file_is_reported(tmp_path, monkeypatch):
    folder = _copy_data(tmp_path, monkeypatch)
    (folder / "customers.csv").unlink()
    with pytest.raises(DatasetError, match="不存在"):
        load_dataset("customers")


def test_check_command_finds_an_edited_file(tmp_path):
    shutil.copytree(paths.DATASETS, tmp_path / "d")
    path = tmp_path / "d" / "traffic_daily.csv"
    path.write_text(path.read_text(encoding="utf-8-sig").replace(",mobile,", ",pc,", 1), encoding="utf-8-sig")
    assert any("traffic_daily: checksum" in p for p in store.check(tmp_path / "d"))
