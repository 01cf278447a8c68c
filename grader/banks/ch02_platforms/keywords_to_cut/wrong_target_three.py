# Wrong: cuts everything below the usual target ROAS of 3 instead of break-even 1 / gross margin.
def keywords_to_cut(metrics, gross_margin, min_clicks=100):
    return sorted(metrics[(metrics["clicks"] >= min_clicks) & (metrics["roas"] < 3)].index)
