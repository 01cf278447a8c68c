# Correct, written differently: normalise the weights first, then a matrix product.
def platform_fit(traits, profile):
    names = list(profile)
    weights = np.array([profile[n] for n in names], dtype=float)
    weights = weights / weights.sum()
    table = traits.set_index("platform")
    fit = pd.Series(table[names].to_numpy(dtype=float) @ weights, index=table.index, name="fit")
    return fit.sort_values(ascending=False)
