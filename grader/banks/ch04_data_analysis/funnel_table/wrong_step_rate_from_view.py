# Wrong: every step rate divides by the first step.
def funnel_table(events):
    visitors = events.groupby("step")["visitor_id"].nunique().reindex(["view", "cart", "order", "pay"], fill_value=0)
    table = pd.DataFrame({"visitors": visitors})
    table["step_rate"] = visitors / visitors.iloc[0]
    table["overall_rate"] = visitors / visitors.iloc[0]
    table.index.name = "step"
    return table
