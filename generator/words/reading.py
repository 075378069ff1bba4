"""The words that make the site readable without seeing it: the text alternative of each chart
(its figures as a table), the preview's problem page under `serve`, and the titles of the
hand-written guide pages in the navigation."""

from __future__ import annotations

# key: (English, 中文)
WORDS: dict[str, tuple[str, str]] = {
    # A chart's figures, in a table under it (render/chart_text.py)
    "chart.table.caption": ("Figures of the chart: {title}", "图表数据：{title}"),
    "chart.table.date": ("Date", "日期"),
    "chart.table.team": ("Team", "团队"),
    "chart.table.region": ("Region", "区域"),
    "chart.table.goal": ("Goal", "目标"),
    "chart.table.task": ("Task", "任务"),
    # The page of the plans' problems under `salesplan serve` (render/problems.py)
    "problems.title": ("Problems in the plans", "计划中的问题"),
    "problems.intro": (
        "The site shows the plans as they were when they last had no error. Fix the "
        "problems below and save the file: the preview updates by itself.",
        "网站显示的是计划上一次没有错误时的内容。请修改下列问题并保存文件，预览会自动更新。",
    ),
    "problems.banner": (
        "{errors} in {files}: this preview shows the plans as they last were without errors.",
        "{files}中有 {errors}：预览显示的是计划上一次没有错误时的内容。",
    ),
    "problems.see": ("See every problem", "查看全部问题"),
    "problems.file": ("File", "文件"),
    "problems.line": ("Line", "行"),
    "problems.rule": ("Rule", "规则"),
    "problems.where": ("Where", "位置"),
    "problems.message": ("Problem", "问题"),
    "problems.error": ("Error", "错误"),
    "problems.warning": ("Warning", "提醒"),
    "problems.entry": ("{severity}: {message}", "{severity}：{message}"),
    "problems.n-files": ("{n} file{s}", "{n} 个文件"),
    # The name of Material's search box, for screen readers (site/accessibility.py)
    "site.search": ("Search the site", "搜索网站"),
    # The hand-written guide pages in the navigation (site/nav.py), and the other language
    "guide.tutorial": ("Tutorial: one cycle", "一个周期的操作教程"),
    "guide.editing": ("Editing a plan", "编辑计划"),
    "guide.changing-a-plan": ("Changing a plan", "修改计划"),
    "guide.reports": ("Monthly reports, printing and downloads", "月度报告、打印与下载"),
    "guide.notifications": ("Notifications", "通知"),
    "guide.formulas": ("How the numbers are computed", "计算口径"),
    "guide.rules": ("Validation rules", "校验规则"),
    "guide.performance": ("Large companies: speed and size", "大型公司：速度与规模"),
}
