"""The statistics engine: from a register of arbeidsforhold and fravær to quarterly statistics.

Free of any web framework, so it runs in the CLI, a batch job or a notebook.
"""
