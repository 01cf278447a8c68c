# Wrong: precision and recall swapped (divides by the true positives' count for precision).
def precision_recall(flagged, truth):
    truth = truth.reindex(flagged.index).astype(bool)
    flagged = flagged.astype(bool)
    hits = (flagged & truth).sum()
    return {"precision": float(hits / truth.sum()) if truth.sum() else 0.0,
            "recall": float(hits / flagged.sum()) if flagged.sum() else 0.0}
