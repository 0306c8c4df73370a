"""Development tools: benchmarks, load-test helpers and the synthetic-school builder (management commands).

Installed only when DEBUG is on, in the test settings, or with ``DJANGO_DEVTOOLS=1`` (the load scripts).
"""
