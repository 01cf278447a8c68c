# Correct, written differently: bucket numbers with np.searchsorted, counts with bincount.
def conversion_by_response(chats, edges):
    presale = chats[chats["stage"] == "presale"]
    bucket = np.searchsorted(np.asarray(edges, dtype=float), presale["first_response_seconds"].to_numpy(), side="right") - 1
    k = len(edges) - 1
    n = np.bincount(bucket, minlength=k)[:k]
    won = np.bincount(bucket, weights=(presale["outcome"] == "ordered").to_numpy(dtype=float), minlength=k)[:k]
    table = pd.DataFrame({"chats": n.astype(int), "orders": won.astype(int)},
                         index=pd.Index(edges[:-1], name="bucket_start"))
    table["cvr"] = np.where(n > 0, won / np.maximum(n, 1), np.nan)
    return table
