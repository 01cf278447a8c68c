# Wrong: the step with the fewest visitors (always the last one).
def worst_step(funnel):
    return str(funnel["visitors"].idxmin())
