"""Early warning: patterns in the employer's own absence data that are worth a conversation.

Three patterns, each computed from plain inputs (periods, employments, departments, a day):
repeated short-term absence of one person (``korttid``), rising long-term absence in a department
(``langtid``) and a department far above its bransje (``bransje``). Days are counted as the
statistics count them (statistikk.md §3-§4), and department figures pass the masking step
(§7) before anything is said about them. No Django here: the web layer reads the data and passes
it in.
"""
