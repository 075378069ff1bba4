"""The revisions stage: plans as they were in git, what changed between two revisions, and each
team's history. It reads checked plans (the check stage's rules) and feeds render.

- `git`: the repository, one `git log` and one `git cat-file --batch` for a whole history;
- `snapshots`: the plan files of a folder at a revision, loaded and checked;
- `diff`: the semantic diff of two versions of a plan's data (lists matched by id);
- `changes`: plans matched by id across two revisions, and the flags a reviewer must see;
- `history`: every commit that changed the plans, with its diff;
- `walk`, `sections`, `version_checks`: how a long history is read at the cost of what each
  commit changed (its versions loaded piece by piece, checked by worker processes meanwhile);
- `stability`: each team's revisions, and how often each goal's target and due date moved.
"""

from .changes import BODY, FILE, Comparison, Flag, GoalMove, PlanDiff, diff_plans, diff_versions
from .diff import Change, diff_data
from .git import Commit, GitError, Repository
from .history import History, Revision, read_history
from .snapshots import PlanVersion, Snapshot, Snapshots, read_snapshot
from .stability import GoalPoint, GoalStability, SiteHistory, TeamHistory, site_history

__all__ = [
    "BODY",
    "FILE",
    "Change",
    "Commit",
    "Comparison",
    "Flag",
    "GitError",
    "GoalMove",
    "GoalPoint",
    "GoalStability",
    "History",
    "PlanDiff",
    "PlanVersion",
    "Repository",
    "Revision",
    "SiteHistory",
    "Snapshot",
    "Snapshots",
    "TeamHistory",
    "diff_data",
    "diff_plans",
    "diff_versions",
    "read_history",
    "read_snapshot",
    "site_history",
]
