# Wrong: picks the source with the worst total, then the factor with the worst total over all sources.
def main_cause(contributions):
    return (contributions.sum(axis=1).idxmin(), contributions.sum(axis=0).idxmin())
