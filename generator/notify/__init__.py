"""The notify stage (`salesplan notify`): the help mechanism reaching people.

- `robots`: the WeCom, DingTalk and Feishu robots the environment enables, masked, signed;
- `digest`: what the chat says (the stand-up's pieces), `formats`: each platform's message
  and size limit, cut into parts; `chat`: posting to one robot and reading its answer;
- `github`, `issues`, `issue_text`, `help_tasks`: one GitHub issue per task that needs help;
- `transport`: HTTP with timeouts and bounded retries; `run` and `report`: a run and its lines.

Nothing here prints or reads the environment: the command line passes the values in.
"""

from .digest import SiteLinks
from .github import DEFAULT_API_URL, GitHubAccess
from .report import NotifyReport, lines
from .robots import ROBOT_KINDS, Route, Scope, variables
from .run import chat, issues
from .transport import Transport

__all__ = [
    "DEFAULT_API_URL",
    "ROBOT_KINDS",
    "GitHubAccess",
    "NotifyReport",
    "Route",
    "Scope",
    "SiteLinks",
    "Transport",
    "chat",
    "issues",
    "lines",
    "variables",
]
