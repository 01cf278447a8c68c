# Wrong: picks the largest contribution in absolute value, which may be a gain.
def main_cause(contributions):
    source, factor = contributions.abs().stack().idxmax()
    return (source, factor)
