# Wrong: alarms on SRM at 0.05 instead of 0.001.
def ship_decision(srm_p, p_value, lift, guardrails_ok, alpha=0.05):
    if srm_p < 0.05:
        return "investigate"
    if p_value < alpha and lift > 0 and guardrails_ok:
        return "ship"
    return "dont_ship"
