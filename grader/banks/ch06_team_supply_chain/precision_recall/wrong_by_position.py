# Wrong: compares the two Series by position, ignoring the index.
def precision_recall(flagged, truth):
    f, t = flagged.to_numpy().astype(bool), truth.to_numpy().astype(bool)
    hits = (f & t).sum()
    return {"precision": float(hits / f.sum()) if f.sum() else 0.0, "recall": float(hits / t.sum()) if t.sum() else 0.0}
