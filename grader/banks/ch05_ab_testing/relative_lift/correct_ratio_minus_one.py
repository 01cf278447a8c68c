# Correct: ratio of the rates minus one.
def relative_lift(users):
    treated = users[users["group"] == "treatment"]
    control = users[users["group"] == "control"]
    return treated["converted"].sum() / len(treated) / (control["converted"].sum() / len(control)) - 1
