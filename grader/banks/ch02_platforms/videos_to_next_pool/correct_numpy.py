# Correct, written differently: compare all columns at once against a threshold row.
def videos_to_next_pool(rates, thresholds):
    cols = list(thresholds)
    ok = (rates[cols] >= pd.Series(thresholds)[cols]).all(axis=1)
    return sorted(ok[ok].index.tolist())
