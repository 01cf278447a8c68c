# Wrong: takes the invitation conversion as K, forgetting how many invitations each opener sends.
def group_buy_virality(campaigns):
    c = campaigns.set_index("campaign_id")
    conv = c.joins / c.invites_sent
    return pd.DataFrame({"invites_per_initiator": c.invites_sent / c.initiators, "invite_conversion": conv,
                         "k_factor": conv, "group_success_rate": c.groups_completed / c.initiators})
