"""Chapter 3: Traffic acquisition and conversion."""

NUMBER = 3
TITLE = {"zh": "流量获取与转化优化", "en": "Traffic acquisition and conversion"}
MIN_EXERCISES = 8  # auto-graded exercises the chapter must keep
