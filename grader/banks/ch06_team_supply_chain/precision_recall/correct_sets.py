# Correct, written differently: sets of labels.
def precision_recall(flagged, truth):
    flags = set(flagged.index[flagged.astype(bool)])
    real = set(truth.index[truth.astype(bool)])
    both = len(flags & real)
    return {"precision": both / len(flags) if flags else 0.0, "recall": both / len(real) if real else 0.0}
