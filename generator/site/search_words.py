"""The plans' own names as whole words of the site search.

Material's search plugin cuts the Chinese text of each page into words with jieba when it
builds the index, but nothing cuts what people type in the search box: there, 杭州团队 is one
word, while jieba would have cut it into 杭州 / 团队 in the index, and the team would not be
found. Told the names of the plans' teams, regions, people, goals and tasks, jieba keeps each
of them whole: typed whole, or by its beginning, a name finds its pages.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable, Iterator

from ..model import Plan

# Runs of Chinese characters, as Material's search plugin cuts them (other characters split
# a name before jieba sees it).
_CHINESE_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}")


def plan_names(plans: Iterable[Plan]) -> set[str]:
    """The names people search for: teams, regions, members, goal metrics, task titles."""
    names: set[str] = set()
    for plan in plans:
        names |= {plan.team, plan.region or ""}
        names |= {member.name for member in plan.members}
        names |= {goal.metric for goal in plan.goals}
        names |= {task.title for task in plan.tasks}
    return names


def load_jieba() -> None:
    """Load jieba's dictionary now (when it is installed), quietly: its first cut or word
    would, and a build does this while the plans are read in another process."""
    try:
        import jieba
    except ImportError:
        return
    logging.getLogger("jieba").setLevel(logging.WARNING)  # it logs each start at DEBUG level
    try:
        jieba.initialize()
    except Exception:  # its first use loads it again, and says what is wrong
        return


def teach_jieba(names: Iterable[str]) -> None:
    """Tell jieba (when it is installed) to keep the Chinese runs of `names` whole."""
    try:
        import jieba
    except ImportError:  # no jieba: Material indexes whole runs of Chinese text anyway
        return
    for run in sorted({run for name in names for run in _CHINESE_RUN.findall(name)}):
        jieba.add_word(run)


def cut_each_run_once() -> None:
    """Make jieba cut each run of Chinese text once per build.

    Material's search cuts every run of Chinese characters of every indexed page with
    `jieba.cut`, and most runs come back page after page (column names, statuses, team and
    people names): at a thousand teams that was most of the search's time. The cuts are
    remembered until the next call (each build calls this after `teach_jieba`, whose words
    change how a run is cut). Other ways of calling jieba are passed through untouched.
    """
    try:
        import jieba
    except ImportError:
        return
    original = getattr(jieba.cut, "__wrapped__", jieba.cut)
    cuts: dict[object, tuple[str, ...]] = {}

    @functools.wraps(original)
    def cut(sentence: object, *args: object, **options: object) -> Iterator[str]:
        if args or options:
            return original(sentence, *args, **options)
        found = cuts.get(sentence)
        if found is None:
            found = cuts[sentence] = tuple(original(sentence))
        return iter(found)

    jieba.cut = cut
