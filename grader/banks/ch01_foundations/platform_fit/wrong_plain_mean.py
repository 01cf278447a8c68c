# Wrong: averages every trait with equal weight, ignoring the profile.
def platform_fit(traits, profile):
    table = traits.set_index("platform")
    return table.mean(axis=1).sort_values(ascending=False).rename("fit")
