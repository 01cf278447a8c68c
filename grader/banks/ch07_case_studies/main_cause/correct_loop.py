# Correct, written differently: walk every cell and keep the smallest; nothing below 0 means no cause.
def main_cause(contributions):
    best = None
    for source, row in contributions.iterrows():
        for factor, value in row.items():
            if best is None or value < best[0]:
                best = (value, source, factor)
    if best is None or best[0] >= 0:
        return None
    return (best[1], best[2])
