# Wrong: returns None only when every cell is above 0, so a cell of exactly 0 is reported as the cause.
def main_cause(contributions):
    cells = contributions.stack()
    if cells.min() > 0:
        return None
    source, factor = cells.idxmin()
    return (str(source), str(factor))
