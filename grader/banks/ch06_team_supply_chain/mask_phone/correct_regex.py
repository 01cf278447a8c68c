# Correct, written differently: vectorised string methods and one regex.
import numpy as np
import pandas as pd


def mask_phone(phones):
    digits = phones.astype("string").str.replace(r"\D", "", regex=True)
    digits = digits.where(~((digits.str.len() == 13) & digits.str.startswith("86")), digits.str[2:])
    masked = digits.str.replace(r"^(\d{3})\d{4}(\d{4})$", r"\1****\2", regex=True)
    out = masked.where(digits.str.len() == 11, "invalid").astype(object)
    out[phones.isna()] = np.nan
    return out
