# Wrong: also cuts a keyword whose ROAS is exactly at break-even (≤ instead of strictly below).
def keywords_to_cut(metrics, gross_margin, min_clicks=100):
    judged = metrics[metrics["clicks"] >= min_clicks]
    return sorted(judged[judged["roas"] <= 1 / gross_margin].index)
