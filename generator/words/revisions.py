"""The words of plan revisions: `salesplan diff`, the pull-request summary, the history pages."""

from __future__ import annotations

# key: (English, 中文)
WORDS: dict[str, tuple[str, str]] = {
    # --- why git could not answer ---
    "rev.git.missing": ("git is not installed", "没有安装 git"),
    "rev.git.not-a-repository": (
        "the plans folder is not in a git repository",
        "计划文件夹不在 git 仓库中",
    ),
    "rev.git.outside": (
        "the plans folder is outside the git repository",
        "计划文件夹在 git 仓库之外",
    ),
    "rev.git.shallow": (
        "this copy of the repository holds only its latest commits (a shallow clone): fetch "
        "the whole history, e.g. with fetch-depth: 0 in actions/checkout",
        "当前仓库是浅克隆，只包含最近的提交：请获取完整历史（例如在 actions/checkout 中设置 fetch-depth: 0）",
    ),
    "rev.git.unknown-revision": (
        "git knows no revision {revision!r} here (a commit, branch or tag, e.g. HEAD~1)",
        "git 中找不到版本 {revision!r}（应为提交、分支或标签，例如 HEAD~1）",
    ),
    "rev.git.failed": ("git could not read the history: {detail}", "git 无法读取历史：{detail}"),
    "rev.git.off": (
        "history is switched off (history: false in mkdocs.yml)",
        "修改历史已关闭（mkdocs.yml 中 history: false）",
    ),
    # --- salesplan diff ---
    "rev.cmd.mixed": (
        "OLD and NEW must both be plan files, or both be git revisions: {old!r}, {new!r}",
        "OLD 和 NEW 必须同为计划文件，或同为 git 版本：{old!r}、{new!r}",
    ),
    "rev.cmd.paths-with-files": (
        "PATHS choose plans within two revisions; two plan files are compared as they are",
        "PATHS 用于在两个版本中选择计划；比较两个计划文件时不能再指定 PATHS",
    ),
    "rev.cmd.path-outside": (
        "{path} is outside the git repository of the plans",
        "{path} 不在计划所在的 git 仓库中",
    ),
    "rev.cmd.invalid": (
        "the plans have errors at {revisions}: fix them first (salesplan validate)",
        "{revisions} 中的计划有错误：请先修正（salesplan validate）",
    ),
    # --- the report ---
    "rev.heading": (
        "Plan changes ({old} → {new}): {summary}",
        "计划变更（{old} → {new}）：{summary}",
    ),
    "rev.n-changed": ("{n} plan{s} changed", "{n} 个计划有变更"),
    "rev.none": ("No plan changed.", "计划没有变更。"),
    "rev.more": (
        "{n} more plan{s} changed: run salesplan diff locally for the whole list",
        "另有 {n} 个计划有变更：请在本地运行 salesplan diff 查看完整列表",
    ),
    "rev.status.added": ("new plan", "新计划"),
    "rev.status.removed": ("plan removed", "计划已删除"),
    "rev.status.changed": ("changed", "有修改"),
    "rev.text-line": ("{where}: {what}", "{where}：{what}"),
    "rev.status-line": ("{status}: {plan}", "{status}：{plan}"),
    "rev.op.added": ("added", "新增"),
    "rev.op.removed": ("removed", "删除"),
    "rev.op.changed": ("changed", "修改"),
    "rev.col.section": ("Section", "部分"),
    "rev.col.item": ("Item", "条目"),
    "rev.col.field": ("Field", "内容"),
    "rev.col.before": ("Before", "修改前"),
    "rev.col.after": ("After", "修改后"),
    "rev.col.change": ("Change", "变化"),
    "rev.section.plan": ("Plan", "计划信息"),
    "rev.field.file": ("File", "文件位置"),
    "rev.field.body": ("Notes (the text below the fields)", "计划说明（正文）"),
    "rev.paren": (" ({text})", "（{text}）"),
    "rev.n-entries": ("{n} entr{entries}", "{n} 条"),
    "rev.flag.target-lowered": (
        "Target of {goal} lowered: {before} → {after}, {change}",
        "目标「{goal}」的目标值下调：{before} → {after}，{change}",
    ),
    "rev.flag.target-raised": (
        "Target of {goal} raised, though lower is better: {before} → {after}, {change}",
        "目标「{goal}」越低越好，目标值却上调：{before} → {after}，{change}",
    ),
    "rev.flag.due-later": (
        "Due date of {goal} moved later: {before} → {after} ({days} later)",
        "目标「{goal}」的完成时间推迟：{before} → {after}（推迟 {days}）",
    ),
    "rev.flag.end-later": (
        "End of task {task} moved later: {before} → {after} ({days} later)",
        "任务「{task}」的结束日期推迟：{before} → {after}（推迟 {days}）",
    ),
    # --- the history pages ---
    "page.history.nav": ("History", "修改历史"),
    "page.history.title": ("{team} · History", "{team} · 修改历史"),
    "page.history.index_title": ("Plan history", "计划修改历史"),
    "page.history.eased_only": (
        "{count} teams: listed here are the teams whose targets were eased; every team's "
        "history is linked from its plan page.",
        "共 {count} 个团队：这里只列出有目标值被放宽过的团队；每个团队的修改历史从其计划页面进入。",
    ),
    "page.history.index_intro": (
        "Every change to the plans is a git commit: who changed what, and when. Goals whose "
        "target was eased are counted per team.",
        "计划的每次修改都是一次 git 提交：谁在什么时候改了什么。下表按团队统计修改次数和目标值被放宽的目标。",
    ),
    "page.history.intro": (
        "{n} revision{s} changed this team's plans, the last on {last}.",
        "本团队的计划共修改 {n} 次，最近一次在 {last}。",
    ),
    "page.history.none": (
        "No change to this team's plans is recorded in git yet.",
        "git 中还没有本团队计划的修改记录。",
    ),
    "page.history.unavailable": (
        "History is unavailable: {reason}.",
        "修改历史暂不可用：{reason}。",
    ),
    "page.history.stability": ("Target stability", "目标稳定性"),
    "page.history.charts": ("Targets and due dates across revisions", "各版本的目标值与完成时间"),
    "page.history.revisions": ("Revisions", "修改记录"),
    "page.history.invalid": (
        "{file} had {errors} at this revision: {message}",
        "{file} 在此版本中有 {errors}：{message}",
    ),
    "page.history.link": ("History", "修改历史"),
    "page.history.open": ("Open the team's history", "查看本团队的修改历史"),
    "page.history.col.team": ("Team", "团队"),
    "page.history.col.region": ("Region", "区域"),
    "page.history.col.revisions": ("Revisions", "修改次数"),
    "page.history.col.last": ("Last change", "最近修改"),
    "page.history.col.eased": ("Goals with an eased target", "目标值被放宽的目标"),
    "page.history.col.plan": ("Plan", "计划"),
    "page.history.col.goal": ("Goal", "目标"),
    "page.history.col.first": ("First target", "最初目标值"),
    "page.history.col.current": ("Current target", "当前目标值"),
    "page.history.col.target_moves": ("Target changes", "目标值修改"),
    "page.history.col.due_moves": ("Due-date changes", "完成时间修改"),
    "page.history.never": ("never", "从未修改"),
    "page.history.moves": ("{n} time{s}", "{n} 次"),
    "page.history.moves_eased": ("{n} time{s}, {eased} eased", "{n} 次，其中 {eased} 次放宽"),
    "page.history.moves_later": ("{n} time{s}, {later} later", "{n} 次，其中 {later} 次推迟"),
    "page.history.not_recorded": ("not in git yet", "尚未提交到 git"),
    "chart.history.title": ("{metric}: target and due date", "{metric}：目标值与完成时间"),
    "chart.history.target": ("Target", "目标值"),
    "chart.history.due": ("Due date", "完成时间"),
    "chart.history.revision": ("Date of the change", "修改日期"),
}
