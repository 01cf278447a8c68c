# Correct, written differently: eval expressions on the indexed table.
def live_session_kpis(sessions):
    s = sessions.set_index("session_id")
    return pd.DataFrame({"gpm": s.eval("gmv * 1000 / views"), "click_rate": s.eval("product_clicks / viewers"),
                         "conversion": s.eval("buyers / viewers")})
