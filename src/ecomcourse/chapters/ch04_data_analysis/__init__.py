"""Chapter 4: Data analysis and decisions."""

NUMBER = 4
TITLE = {"zh": "数据分析与运营决策", "en": "Data analysis and decisions"}
MIN_EXERCISES = 10  # auto-graded exercises the chapter must keep
