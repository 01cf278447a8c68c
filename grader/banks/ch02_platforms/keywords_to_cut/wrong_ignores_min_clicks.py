# Wrong: judges every keyword, even those with too few clicks.
def keywords_to_cut(metrics, gross_margin, min_clicks=100):
    return sorted(metrics[metrics["roas"] < 1 / gross_margin].index)
