"""A class on JupyterHub: Unix accounts, nbgrader's exchange with both editions, grading on submit."""
