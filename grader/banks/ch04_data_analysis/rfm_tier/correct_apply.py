# Correct, written differently: a row function applied to the table.
def rfm_tier(scores):
    def tier(row):
        total = row["R"] + row["F"] + row["M"]
        if row["R"] == 1:
            return "dormant"
        if total >= 12:
            return "high"
        return "mid" if total >= 8 else "low"
    return scores.apply(tier, axis=1)
