"""Chapter 6: Team, supply chain and compliance."""

NUMBER = 6
TITLE = {"zh": "团队建设、供应链与合规", "en": "Team, supply chain and compliance"}
MIN_EXERCISES = 8  # auto-graded exercises the chapter must keep
