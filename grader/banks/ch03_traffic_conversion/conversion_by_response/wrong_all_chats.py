# Wrong: keeps after-sale chats in the denominator.
def conversion_by_response(chats, edges):
    bucket = pd.cut(chats["first_response_seconds"], edges, right=False, labels=edges[:-1])
    ordered = chats["outcome"] == "ordered"
    table = pd.DataFrame({"chats": chats.groupby(bucket, observed=False).size(),
                          "orders": ordered.groupby(bucket, observed=False).sum()})
    table.index = pd.Index(list(edges[:-1]), name="bucket_start")
    table["cvr"] = table["orders"] / table["chats"].where(table["chats"] > 0)
    return table.astype({"chats": int, "orders": int})
