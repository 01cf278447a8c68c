# Wrong: GPM per thousand distinct viewers instead of per thousand views.
def live_session_kpis(sessions):
    s = sessions.set_index("session_id")
    return pd.DataFrame({"gpm": s["gmv"] / s["viewers"] * 1000, "click_rate": s["product_clicks"] / s["viewers"],
                         "conversion": s["buyers"] / s["viewers"]})
