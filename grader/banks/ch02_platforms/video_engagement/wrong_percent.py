# Wrong: rates as percentages instead of fractions.
def video_engagement(videos):
    v = videos.set_index("video_id")
    rates = v[["complete_plays", "likes", "comments", "shares"]].div(v["plays"], axis=0) * 100
    rates.columns = ["completion_rate", "like_rate", "comment_rate", "share_rate"]
    return rates
