"""Demo data for `make run`: the Winter War document and bank, accounts, a class, ready quizzes and some study.

Built through the real services; nothing in the product imports this package (only `setup_demo` and dev tools).
"""
