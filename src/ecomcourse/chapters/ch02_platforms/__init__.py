"""Chapter 2: Platform operations in practice."""

NUMBER = 2
TITLE = {"zh": "平台运营实战技巧", "en": "Platform operations in practice"}
MIN_EXERCISES = 8  # auto-graded exercises the chapter must keep
