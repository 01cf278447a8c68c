# Wrong: judges by the overall rate, not the step rate.
def worst_step(funnel):
    return str(funnel["overall_rate"].iloc[1:].idxmin())
