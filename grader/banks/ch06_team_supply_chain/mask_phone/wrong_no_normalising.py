# Wrong: masks the raw text without removing dashes, spaces or the +86 country code.
import numpy as np
import pandas as pd


def mask_phone(phones):
    return phones.map(lambda p: np.nan if pd.isna(p) else p[:3] + "****" + p[-4:])
