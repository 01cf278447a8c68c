# Correct, written differently: one column at a time with assign.
def video_engagement(videos):
    v = videos.set_index("video_id")
    return pd.DataFrame(index=v.index).assign(
        completion_rate=v["complete_plays"] / v["plays"], like_rate=v["likes"] / v["plays"],
        comment_rate=v["comments"] / v["plays"], share_rate=v["shares"] / v["plays"])
