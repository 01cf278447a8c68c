# Correct, written differently: per-day sets of buyers via drop_duplicates and a left merge.
def daily_kpis(orders, traffic):
    paid = orders.loc[orders["status"].eq("paid")].copy()
    paid["date"] = paid["paid_at"].dt.floor("D")
    buyers = paid.drop_duplicates(["date", "customer_id"]).groupby("date").size().rename("buyers")
    gmv = paid.groupby("date")["amount"].sum().rename("gmv")
    uv = traffic.groupby("date")["uv"].sum().rename("uv")
    out = pd.concat([uv, buyers, gmv], axis=1).loc[uv.index]
    out["buyers"] = out["buyers"].fillna(0).astype(int)
    out["gmv"] = out["gmv"].fillna(0.0)
    out["cr"] = out["buyers"] / out["uv"]
    out["aov"] = np.where(out["buyers"] > 0, out["gmv"] / out["buyers"].clip(lower=1), 0.0)
    out.index.name = "date"
    return out
