"""The check stage: plan files → diagnostics (schema, references, cross-file rules) and plans.

- `codes`: the rule codes, their severity, and the one problem type;
- `files`: which files are plans;
- `schema`: the JSON Schema, its errors worded for people;
- `references`: what the schema cannot say (references, ids, dates, traceability);
- `cross_file`: the rules across files (plan ids, file names);
- `run`: `check()`, which applies them all;
- `result`: what a check found; `reporters`: that result as text, JSON, GitHub or Markdown.
"""

from .files import DEFAULT_PLANS_DIR, find_plan_files
from .result import CheckResult
from .run import check

__all__ = ["DEFAULT_PLANS_DIR", "CheckResult", "check", "find_plan_files"]
