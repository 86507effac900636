"""Samtalestøtte: the conversation guide for leaders and employees, kept as data.

The content lives in ``innhold/`` as YAML written by us; ``modell`` is its schema and ``lasting``
reads and checks it. Nothing here imports Django, so the same content renders to the web page,
DOCX and PDF, and a content writer can check their work with the tests alone.
"""
