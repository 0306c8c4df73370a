"""What the pages show: question view-models, charts, CSV files and labels.

Nothing here writes; it lays out what selectors and services return so that views only parse, call and render.
"""
