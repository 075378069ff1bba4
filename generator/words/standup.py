"""The words of the stand-up view (`salesplan status`)."""

from __future__ import annotations

# key: (English, 中文)
WORDS: dict[str, tuple[str, str]] = {
    "st-header": (
        "{team}{region} — {period}, {start} to {end}{phase} — as of {as_of}",
        "{team}{region} — {period}，{start} 至 {end}{phase} — 数据截至 {as_of}",
    ),
    "st-ended": (" (period ended)", "（周期已结束）"),
    "st-not-started": (" (period not started)", "（周期未开始）"),
    "st-goals": ("  Goals", "  目标"),
    "st-no-tasks": ("  Tasks: none planned", "  任务：暂无"),
    "st-all-fine": ("  Tasks: all on schedule", "  任务：全部按计划进行"),
    "st-attention": ("  Tasks that need attention", "  需要关注的任务"),
    "st-target-met": ("{text}, target met", "{text}，已达成目标"),
    "st-gap": (", {word} {gap}", "，{word} {gap}"),
    "st-expected": (", expected {expected} by now", "，按进度应达 {expected}"),
    "st-forecast": (", heading for {forecast} by {due}", "，预计 {due} 达到 {forecast}"),
    "st-planned": ("planned {planned}, done {actual}", "计划 {planned}，实际 {actual}"),
    "st-behind-for": ("behind for {days}", "已连续落后 {days}"),
    "st-blocked-by": ("blocked: {blocker}", "受阻：{blocker}"),
    "st-blocked": ("blocked", "受阻"),
    "st-no-update-for": ("no update for {days}", "{days}未更新"),
    "st-no-update-yet": ("no update yet", "尚未更新"),
    "st-no-update": ("no update", "未更新"),
    "st-ends": ("ends {end}", "截止 {end}"),
    "st-summary": (
        "Summary on {as_of}: {plans}; {goals} goals ({goal_counts}); {tasks} tasks ({task_text}).",
        "{as_of} 汇总：{plans}；目标 {goals} 个（{goal_counts}）；任务 {tasks} 个（{task_text}）。",
    ),
    "st-none": ("none", "无"),
    "st-warnings": (
        "({warnings}: run `salesplan validate` to see them)",
        "（{warnings}：运行 `salesplan validate` 查看）",
    ),
    "st-facts-sep": ("; ", "；"),
    "st-list-sep": (", ", "、"),
    "st-none-needs-attention": ("none needs attention", "均无需关注"),
    "st-need-help": ("{n} need help", "{n} 个需要帮扶"),
    "st-overdue": ("{n} overdue", "{n} 个已逾期"),
    "st-blocked-count": ("{n} blocked", "{n} 个受阻"),
    "st-behind": ("{n} behind", "{n} 个落后"),
    "st-stale": ("{n} without a recent update", "{n} 个近期未更新"),
    "st-status-count": ("{n} {status}", "{status} {n} 个"),
}
