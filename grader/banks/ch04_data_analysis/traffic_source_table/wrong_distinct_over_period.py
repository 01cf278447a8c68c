# Wrong: distinct buyers over the whole period divided by visitor-days.
def traffic_source_table(traffic, orders):
    uv = traffic.groupby("source")["uv"].sum()
    paid = orders[orders["status"] == "paid"]
    buyers = paid.groupby("channel")["customer_id"].nunique()
    table = pd.DataFrame({"uv": uv, "buyers": buyers.reindex(uv.index, fill_value=0)})
    table["uv_share"] = table["uv"] / table["uv"].sum()
    table["cr"] = table["buyers"] / table["uv"]
    table.index.name = "source"
    return table.sort_values("uv", ascending=False)
