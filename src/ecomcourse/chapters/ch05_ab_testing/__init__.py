"""Chapter 5: Experiments and A/B testing."""

NUMBER = 5
TITLE = {"zh": "实验设计与A/B测试", "en": "Experiments and A/B testing"}
MIN_EXERCISES = 10  # auto-graded exercises the chapter must keep
