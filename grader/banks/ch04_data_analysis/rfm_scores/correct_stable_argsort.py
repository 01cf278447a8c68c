# Correct, written differently: stable argsort ranks and pd.qcut on them.
def rfm_scores(orders, snapshot):
    snap = pd.Timestamp(snapshot)
    paid = orders[orders["status"].eq("paid") & orders["paid_at"].dt.normalize().le(snap)]
    g = paid.sort_values("customer_id").groupby("customer_id")
    out = pd.DataFrame({
        "recency_days": (snap - g["paid_at"].max().dt.normalize()).dt.days,
        "frequency": g.size(),
        "monetary": g["amount"].sum(),
    })
    def score(values, descending=False):
        keys = -values.to_numpy() if descending else values.to_numpy()
        order = np.argsort(keys, kind="stable")
        ranks = np.empty(len(values))
        ranks[order] = np.arange(1, len(values) + 1)
        return pd.qcut(ranks, 5, labels=False) + 1
    out["R"] = score(out["recency_days"], descending=True)
    out["F"] = score(out["frequency"])
    out["M"] = score(out["monetary"])
    return out
