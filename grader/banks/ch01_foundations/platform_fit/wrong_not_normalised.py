# Wrong: forgets to divide by the sum of the weights.
def platform_fit(traits, profile):
    table = traits.set_index("platform")
    fit = sum(weight * table[trait] for trait, weight in profile.items())
    return fit.sort_values(ascending=False).rename("fit")
