"""The employer's own data: employees, employments and absence periods from payroll and HR files.

Free of any web framework. ``lesing`` turns a CSV or XLSX file into rows of cells, ``oppsett``
holds the export layouts and the column mapping, ``gjenkjenning`` finds each file's layout and
data rows, and ``kontroll`` checks every row and returns an ``Innlesing`` of typed rows
(``rader``) keyed by natural keys, ready for an upsert, or raises ``Importfeil`` naming every bad
row (``feil``). Nothing here writes anywhere: all or nothing is decided before any write.
"""
