# Wrong: leaves out the end week (week < end), although both ends of the period are included.
import pandas as pd


def inventory_turnover(inventory, products, start, end):
    period = inventory[(inventory["week"] >= pd.Timestamp(start)) & (inventory["week"] < pd.Timestamp(end))]
    period = period.merge(products, on="product_id")
    period["cogs"] = period["units_sold"] * period["unit_cost"]
    period["stock"] = period["on_hand_units"] * period["unit_cost"]
    weekly = period.groupby(["category", "week"])[["cogs", "stock"]].sum()
    table = weekly.groupby("category").agg(cogs=("cogs", "sum"), avg_inventory=("stock", "mean"))
    table["turnover"] = table["cogs"] / table["avg_inventory"]
    table["days_of_inventory"] = 7 * period["week"].nunique() / table["turnover"]
    return table
