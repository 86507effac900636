"""Following up one sick-leave case: the law's milestones as dated rules, without a web framework.

``tilfelle`` joins periods of absence the way the law does, ``frister`` computes the timeline from
the dated rules in ``regler``; ``maksdato``, ``egenmelding``, ``helligdager`` and ``grunnbelop``
hold the parts those need.
"""
