"""Doc pages → intermediate model. Knows markdown; knows nothing of any output.

Its modules are imported where needed (`generator.parse.page`), so that commands and runs that
parse nothing do not pay for importing markdown-it.
"""
