"""Screens of the terminal app, each with its stylesheet beside it."""
