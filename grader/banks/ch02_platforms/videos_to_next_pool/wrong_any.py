# Wrong: one rate above its threshold is taken as enough.
def videos_to_next_pool(rates, thresholds):
    cols = list(thresholds)
    ok = (rates[cols] >= pd.Series(thresholds)[cols]).any(axis=1)
    return sorted(ok[ok].index.tolist())
