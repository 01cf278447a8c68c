# Correct, written differently: per-device buyer sets from drop_duplicates, merged onto the traffic.
def device_kpis(orders, traffic, day):
    day = pd.to_datetime(day)
    uv = traffic.loc[traffic["date"].eq(day)].groupby("device", as_index=False)["uv"].sum()
    paid = orders.loc[orders["status"].eq("paid") & orders["paid_at"].dt.floor("D").eq(day)]
    buyers = paid.drop_duplicates(["device", "customer_id"]).groupby("device").size().rename("buyers")
    gmv = paid.groupby("device")["amount"].sum().rename("gmv")
    out = uv.merge(buyers.reset_index(), on="device", how="left").merge(gmv.reset_index(), on="device", how="left")
    out = out.fillna({"buyers": 0, "gmv": 0.0}).set_index("device")
    out["buyers"] = out["buyers"].astype(int)
    out["cr"] = out["buyers"] / out["uv"]
    out["aov"] = np.where(out["buyers"] > 0, out["gmv"] / out["buyers"].clip(lower=1), 0.0)
    return out
