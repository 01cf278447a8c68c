# Wrong: never checks the sample ratio.
def ship_decision(srm_p, p_value, lift, guardrails_ok, alpha=0.05):
    if p_value < alpha and lift > 0 and guardrails_ok:
        return "ship"
    return "dont_ship"
