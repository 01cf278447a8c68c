"""E-commerce operations course."""
