# Correct, written differently: sort the later steps by step rate and take the first.
def worst_step(funnel):
    later = funnel.iloc[1:]
    return later.sort_values("step_rate").index[0]
