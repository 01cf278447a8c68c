# Wrong: share of page views instead of visitors, and orders instead of buyer-days.
def traffic_source_table(traffic, orders):
    sums = traffic.groupby("source")[["uv", "pv"]].sum()
    paid = orders[orders["status"] == "paid"]
    table = pd.DataFrame({"uv": sums["uv"], "uv_share": sums["pv"] / sums["pv"].sum()})
    table["buyers"] = paid["channel"].value_counts().reindex(table.index, fill_value=0)
    table["cr"] = table["buyers"] / table["uv"]
    table.index.name = "source"
    return table.sort_values("uv", ascending=False)
