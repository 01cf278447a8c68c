# Wrong: ships a lift of exactly zero (lift >= 0).
def ship_decision(srm_p, p_value, lift, guardrails_ok, alpha=0.05):
    if srm_p < 0.001:
        return "investigate"
    if p_value < alpha and lift >= 0 and guardrails_ok:
        return "ship"
    return "dont_ship"
