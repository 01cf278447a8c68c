# Correct: the same rule written as one expression.
def ship_decision(srm_p, p_value, lift, guardrails_ok, alpha=0.05):
    return "investigate" if srm_p < 0.001 else ("ship" if (p_value < alpha) and (lift > 0) and guardrails_ok else "dont_ship")
