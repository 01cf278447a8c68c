# Wrong: strips non-digits but keeps the 86 country code, so +86 numbers come out invalid.
import re

import numpy as np
import pandas as pd


def mask_phone(phones):
    def one(p):
        if pd.isna(p):
            return np.nan
        d = re.sub(r"\D", "", p)
        return d[:3] + "****" + d[-4:] if len(d) == 11 else "invalid"
    return phones.map(one)
