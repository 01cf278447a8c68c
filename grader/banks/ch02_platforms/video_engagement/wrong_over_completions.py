# Wrong: likes, comments and shares divided by completed plays instead of all plays.
def video_engagement(videos):
    v = videos.set_index("video_id")
    return pd.DataFrame({"completion_rate": v["complete_plays"] / v["plays"],
                         "like_rate": v["likes"] / v["complete_plays"],
                         "comment_rate": v["comments"] / v["complete_plays"],
                         "share_rate": v["shares"] / v["complete_plays"]})
