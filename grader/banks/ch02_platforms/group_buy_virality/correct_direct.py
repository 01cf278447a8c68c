# Correct, written differently: K straight from joins / initiators.
def group_buy_virality(campaigns):
    c = campaigns.set_index("campaign_id")
    return pd.DataFrame({"invites_per_initiator": c.invites_sent / c.initiators,
                         "invite_conversion": c.joins / c.invites_sent,
                         "k_factor": c.joins / c.initiators,
                         "group_success_rate": c.groups_completed / c.initiators})
