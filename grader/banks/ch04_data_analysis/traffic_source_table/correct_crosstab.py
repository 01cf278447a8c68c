# Correct, written differently: buyer-days from unique (channel, day, customer) triples.
def traffic_source_table(traffic, orders):
    paid = orders[orders.status == "paid"]
    triples = paid[["channel", "customer_id"]].assign(day=paid.paid_at.dt.strftime("%Y-%m-%d")).drop_duplicates()
    result = traffic.pivot_table(index="source", values="uv", aggfunc="sum")
    result["buyers"] = triples["channel"].value_counts().reindex(result.index).fillna(0).astype(int)
    result["uv_share"] = result["uv"] / result["uv"].sum()
    result["cr"] = result["buyers"] / result["uv"]
    return result.sort_values("uv", ascending=False)
