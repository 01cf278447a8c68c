# Wrong: counts event rows (visitor-days), not distinct visitors.
def funnel_table(events):
    visitors = events["step"].value_counts().reindex(["view", "cart", "order", "pay"], fill_value=0)
    table = pd.DataFrame({"visitors": visitors})
    table["step_rate"] = (visitors / visitors.shift(1)).fillna(1.0)
    table["overall_rate"] = visitors / visitors.iloc[0]
    table.index.name = "step"
    return table
