"""Chapter 1: E-commerce operations fundamentals."""

NUMBER = 1
TITLE = {"zh": "电商运营基础认知", "en": "E-commerce operations fundamentals"}
MIN_EXERCISES = 6  # auto-graded exercises the chapter must keep
