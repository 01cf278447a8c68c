# Wrong: a rate exactly at the threshold is treated as failing (> instead of ≥).
def videos_to_next_pool(rates, thresholds):
    ok = pd.Series(True, index=rates.index)
    for col, th in thresholds.items():
        ok &= rates[col] > th
    return sorted(rates.index[ok])
