# Correct, written differently: hashlib.new with two updates, in a list comprehension.
import hashlib

import pandas as pd


def pseudonymise(ids, salt):
    out = []
    for value in ids:
        h = hashlib.new("sha256")
        h.update(salt.encode("utf-8"))
        h.update(str(value).encode("utf-8"))
        out.append(h.hexdigest()[:16])
    return pd.Series(out, index=ids.index)
