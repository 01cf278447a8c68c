# Wrong: pd.cut's default right-closed buckets, so exactly 10 seconds lands in the 0–10 bucket.
def conversion_by_response(chats, edges):
    presale = chats[chats["stage"] == "presale"]
    bucket = pd.cut(presale["first_response_seconds"], edges, labels=edges[:-1], include_lowest=True)
    ordered = presale["outcome"] == "ordered"
    table = pd.DataFrame({"chats": presale.groupby(bucket, observed=False).size(),
                          "orders": ordered.groupby(bucket, observed=False).sum()})
    table.index = pd.Index(list(edges[:-1]), name="bucket_start")
    table["cvr"] = table["orders"] / table["chats"].where(table["chats"] > 0)
    return table.astype({"chats": int, "orders": int})
