"""Chapter 7: Case studies and capstone."""

NUMBER = 7
TITLE = {"zh": "成功案例与综合实战", "en": "Case studies and capstone"}
MIN_EXERCISES = 6  # auto-graded exercises the chapter must keep
