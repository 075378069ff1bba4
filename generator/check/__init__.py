"""The check stage: plan files → diagnostics (schema, references, cross-file rules) and plans.

- `codes`: the rule codes, their severity, and the one problem type;
- `files`: which files are plans;
- `schema`: the JSON Schema, its errors worded for people;
- `references`: what the schema cannot say (references, ids, dates, traceability);
- `cross_file`: the rules across files (plan ids, file names);
- `run`: `check()`, which applies them all (`check_sources` for plans given as bytes);
- `result`: what a check found; `reporters`: that result as text, JSON, GitHub or Markdown.
"""

from .files import DEFAULT_PLANS_DIR, find_plan_files
from .result import CheckResult
from .run import check, check_file, check_loaded, check_sources, load_sources

__all__ = [
    "DEFAULT_PLANS_DIR",
    "CheckResult",
    "check",
    "check_file",
    "check_loaded",
    "check_sources",
    "find_plan_files",
    "load_sources",
]
