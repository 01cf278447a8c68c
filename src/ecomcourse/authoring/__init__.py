"""Writing the course: the bilingual release, notebook normalising, the exercise catalogue, the answer
banks, a throw-away nbgrader class, and the scaffold of a new chapter."""
