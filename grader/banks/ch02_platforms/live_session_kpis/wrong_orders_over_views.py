# Wrong: conversion as orders over views (entries), mixing orders with people and views with viewers.
def live_session_kpis(sessions):
    s = sessions.set_index("session_id")
    return pd.DataFrame({"gpm": s["gmv"] / s["views"] * 1000, "click_rate": s["product_clicks"] / s["views"],
                         "conversion": s["orders"] / s["views"]})
