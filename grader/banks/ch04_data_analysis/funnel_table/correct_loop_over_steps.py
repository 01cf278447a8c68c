# Correct, written differently: a loop over the steps with Python sets.
def funnel_table(events):
    rows, previous, first = [], None, None
    for step in ["view", "cart", "order", "pay"]:
        n = len(set(events.loc[events["step"] == step, "visitor_id"]))
        first = n if first is None else first
        rows.append({"step": step, "visitors": n, "step_rate": 1.0 if previous is None else n / previous,
                     "overall_rate": n / first})
        previous = n
    return pd.DataFrame(rows).set_index("step")
