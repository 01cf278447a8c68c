# Correct, written differently: a keyword loses money when each yuan of spend earns less than a yuan of gross profit.
def keywords_to_cut(metrics, gross_margin, min_clicks=100):
    judged = metrics.loc[metrics["clicks"] >= min_clicks]
    return sorted(str(k) for k, roas in judged["roas"].items() if roas * gross_margin < 1)
