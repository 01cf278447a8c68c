# Wrong: average inventory is the mean stock value per SKU-week, not the category's weekly total.
import pandas as pd


def inventory_turnover(inventory, products, start, end):
    period = inventory[(inventory["week"] >= pd.Timestamp(start)) & (inventory["week"] <= pd.Timestamp(end))]
    period = period.merge(products, on="product_id")
    period["cogs"] = period["units_sold"] * period["unit_cost"]
    period["stock"] = period["on_hand_units"] * period["unit_cost"]
    table = period.groupby("category").agg(cogs=("cogs", "sum"), avg_inventory=("stock", "mean"))
    table["turnover"] = table["cogs"] / table["avg_inventory"]
    table["days_of_inventory"] = 7 * period["week"].nunique() / table["turnover"]
    return table
