"""The course's grading engine: parallel, sandboxed autograding on top of nbgrader."""
