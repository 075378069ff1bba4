"""salesplan: sales performance improvement plans as code.

The pipeline, one package or module per stage, data flowing forward only:
`load` (files → data with positions) → `check` (diagnostics, typed plans) → `compute` (figures,
statuses, alerts) → `render` (pages and the terminal view) → `site` (the MkDocs plugin) and
`commands` → `cli`. Every stage is handed `words` (the catalogue), `model` (the plan types)
and `settings` (the as-of date) as values.
"""
