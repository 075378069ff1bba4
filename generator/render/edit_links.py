"""Links that open a plan file in GitHub's web editor, at the line of a task or goal.

Built from the site's `repo_url` and `edit_uri` (mkdocs.yml) by the site stage and handed to
render as a value; without them there are no edit links.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import quote

from ..model import Plan


@dataclass(frozen=True)
class EditLinks:
    """`base`: the editor's address of the folder that holds mkdocs.yml (e.g.
    `https://github.com/acme/plans/edit/main/`); `files`: plan id → its file in that folder."""

    base: str
    files: Mapping[str, str] = field(default_factory=dict)

    def url(self, plan: Plan, part: str | None = None) -> str | None:
        """The editor at the plan's file, at the line of `part` ("task:<id>") when known."""
        file = self.files.get(plan.id)
        if file is None:
            return None
        line = plan.line_of(part) if part else None
        return self.base + quote(file, safe="/") + (f"#L{line}" if line else "")
