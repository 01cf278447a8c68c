# Wrong: needs more than min_clicks clicks (> instead of ≥), so a keyword with exactly min_clicks is never judged.
def keywords_to_cut(metrics, gross_margin, min_clicks=100):
    judged = metrics[metrics["clicks"] > min_clicks]
    return sorted(judged[judged["roas"] < 1 / gross_margin].index)
