"""The words of authoring: `new`, `checkin`, `actual`, `one-on-one`, `import`, the periods
they name, the stand-up sheet and the edit links."""

from __future__ import annotations

import calendar

# key: (English, 中文)
WORDS: dict[str, tuple[str, str]] = {
    # Periods (PERIOD of `salesplan new`)
    "period-quarter": ("{year} Q{n}", "{year}年第{n}季度"),
    "period-n1": ("1", "一"),
    "period-n2": ("2", "二"),
    "period-n3": ("3", "三"),
    "period-n4": ("4", "四"),
    "period-half1": ("{year} H1", "{year}年上半年"),
    "period-half2": ("{year} H2", "{year}年下半年"),
    "period-month": ("{month} {year}", "{year}年{month}月"),
    **{f"period-month-{m}": (calendar.month_name[m], str(m)) for m in range(1, 13)},
    "period-year": ("{year}", "{year}年"),
    "period-range": ("{start} – {end}", "{start} 至 {end}"),
    "period-unreadable": (
        "the period {value!r} is none of 2023-Q4, 2023-H2, 2023-07, 2023 or 2023-10-01..2023-12-31",
        "看不懂周期 {value!r}：请写成 2023-Q4、2023-H2、2023-07、2023 或 2023-10-01..2023-12-31",
    ),
    "period-backwards": (
        "the period starts on {start}, after its end {end}",
        "周期开始日 {start} 晚于结束日 {end}",
    ),
    # Recording check-ins, actuals and 1:1s
    "rec-unknown-plan": (
        "there is no plan {plan!r}: give a plan id or a plan file; plans: {known}",
        "没有计划 {plan!r}：请写计划编号或计划文件；现有计划：{known}",
    ),
    "rec-unknown-task": (
        "the plan {plan} has no task {id!r}; its tasks: {known}",
        "计划 {plan} 中没有任务 {id!r}；它的任务有：{known}",
    ),
    "rec-unknown-goal": (
        "the plan {plan} has no goal {id!r}; its goals: {known}",
        "计划 {plan} 中没有目标 {id!r}；它的目标有：{known}",
    ),
    "rec-unknown-member": (
        "{by!r} is not a member of the team; members: {known}",
        "{by!r} 不是团队成员；成员有：{known}",
    ),
    "rec-progress": (
        "progress {value} is not a percentage: give a number from 0 to 100 (100 means done)",
        "进度 {value} 不是百分比：请填 0 到 100 之间的数（100 表示完成）",
    ),
    "rec-future": (
        "{day} is after today ({today}): record what has already happened",
        "{day} 晚于今天（{today}）：只能记录已经发生的事",
    ),
    "rec-before-start": (
        "{day} is before the task {id} starts ({start})",
        "{day} 早于任务 {id} 的开始日期（{start}）",
    ),
    "rec-after-end": (
        "{day} is after the task {id} ended ({end}); if the work really finished late, "
        "run the command again with --late",
        "{day} 晚于任务 {id} 的结束日期（{end}）；如果确实是延期完成，请加上 --late 再运行一次",
    ),
    "rec-outside-period": (
        "{day} is outside the plan's period ({start} to {end})",
        "{day} 不在计划周期内（{start} 至 {end}）",
    ),
    "rec-duplicate-checkin": (
        "the task {id} already has a check-in on {day} ({was}); "
        "to change it, run the command again with --replace",
        "任务 {id} 在 {day} 已有一条进度（{was}）；如要修改，请加上 --replace 再运行一次",
    ),
    "rec-duplicate-actual": (
        "the goal {id} already has an actual on {day} ({was}); "
        "to change it, run the command again with --replace",
        "目标 {id} 在 {day} 已有一条实际值（{was}）；如要修改，请加上 --replace 再运行一次",
    ),
    "rec-duplicate-help": (
        "a 1:1 about the task {id} is already recorded on {day} (by {was}); "
        "to change it, run the command again with --replace",
        "任务 {id} 在 {day} 已记录过一次一对一沟通（{was}）；如要修改，请加上 --replace 再运行一次",
    ),
    "rec-layout": (
        "{file}: {pointer} is written in a way salesplan cannot add to without changing other "
        "lines; nothing was changed: add the entry by hand",
        "{file}：{pointer} 的写法无法在不改动其他行的情况下追加；文件没有改动，请手动添加",
    ),
    "rec-plan-invalid": (
        "the plan has errors: fix them first (nothing was changed)",
        "计划中有错误：请先修正（文件没有改动）",
    ),
    "rec-done-checkin": (
        "recorded in {file}: task {id}, {day}, progress {progress}",
        "已记录到 {file}：任务 {id}，{day}，进度 {progress}",
    ),
    "rec-done-actual": (
        "recorded in {file}: goal {id}, {day}, value {value}",
        "已记录到 {file}：目标 {id}，{day}，实际值 {value}",
    ),
    "rec-done-help": (
        "recorded in {file}: a 1:1 about task {id} on {day} by {by}",
        "已记录到 {file}：{day} {by} 就任务 {id} 进行了一对一沟通",
    ),
    "rec-warning": ("warning: {message}", "提醒：{message}"),
    "rec-state-as-of": ("Now (as of {as_of}):", "现在的状态（截至 {as_of}）："),
    "rec-next-milestone": (
        "next milestone: {day}, {progress}{note}",
        "下一个进度节点：{day} 应达 {progress}{note}",
    ),
    "rec-no-milestone": ("no milestone ahead", "后面没有进度节点"),
    "rec-help-yes": (
        "help needed: yes (the help mechanism applies)",
        "是否需要帮扶：是（已触发帮扶机制）",
    ),
    "rec-help-no": ("help needed: no", "是否需要帮扶：否"),
    "rec-goal-line": ("{metric}: {detail} ({status})", "{metric}：{detail}（{status}）"),
    # salesplan new
    "new-bad-id": (
        "{id!r} is not a plan id: use lowercase letters, digits and hyphens, e.g. east-1-2023q4",
        "{id!r} 不能作为计划编号：请只用小写字母、数字和连字符，例如 east-1-2023q4",
    ),
    "new-id-taken": (
        "the plan id {id} is already used by {file}: choose another id",
        "计划编号 {id} 已被 {file} 使用：请换一个编号",
    ),
    "new-file-exists": (
        "{file} already exists: salesplan never overwrites a file",
        "{file} 已存在：salesplan 不会覆盖已有文件",
    ),
    "new-no-team": ("give the team's name with --team", "请用 --team 写上团队名称"),
    "new-from-options": (
        "with --from, the team, region and manager come from the plan: leave out --team, --region and --manager",
        "使用 --from 时，团队、区域和经理沿用原计划：请去掉 --team、--region 和 --manager",
    ),
    "cmd-not-a-number": (
        "{option} {value!r} is not a number",
        "{option} 的值 {value!r} 不是数字",
    ),
    "new-bad-manager": (
        "--manager {value!r}: write a member id, a name, or id=name (e.g. wang-lei=王磊)",
        "--manager {value!r}：请写成员编号、姓名，或「编号=姓名」（例如 wang-lei=王磊）",
    ),
    "new-invalid": (
        "the new plan {file} would not be valid; nothing was written",
        "新计划 {file} 无法通过校验，没有写入任何文件",
    ),
    "new-from-invalid": (
        "the plan to start from has errors: fix them first",
        "作为起点的计划中有错误：请先修正",
    ),
    "new-period-not-after": (
        "the new period {period} does not start after {old}: the next cycle comes later",
        "新周期 {period} 没有晚于 {old} 开始：下一周期应在其之后",
    ),
    "new-unwritable": (
        "{file} could not be written so that it reads back exactly (please report this)",
        "无法把 {file} 写成能原样读回的内容（请报告这个问题）",
    ),
    "new-done": ("wrote {file} ({period})", "已写入 {file}（{period}）"),
    "new-template": ("from the template {template}", "使用模板 {template}"),
    "new-next-steps": (
        "next: fill in the goals and tasks, then run salesplan validate {file}",
        "下一步：填写目标和任务，然后运行 salesplan validate {file}",
    ),
    "new-next-steps-from": (
        "next: confirm the targets and the carried tasks, then run salesplan validate {file}",
        "下一步：确认目标值和顺延的任务，然后运行 salesplan validate {file}",
    ),
    "new-carried": ("tasks carried over: {ids}", "顺延的任务：{ids}"),
    "new-from-actions": (
        "tasks made from the last review's next actions: {ids}",
        "由上次复盘的改进措施生成的任务：{ids}",
    ),
    "new-skipped": (
        "next actions already in the plan as tasks, not added again: {n}",
        "已是任务、未重复添加的改进措施：{n} 条",
    ),
    "new-retargeted": (
        "goals already at their target, target raised by the same step (check it): {ids}",
        "已达成目标的目标值按原提升幅度上调（请确认）：{ids}",
    ),
    "new-flagged": (
        "the text below the fields may still speak of the last period (line {line}): {text}",
        "计划正文可能还在写上一周期（第 {line} 行）：{text}",
    ),
    "tpl-no-period": ("it has no period", "缺少周期（period）"),
    "tpl-unreadable": (
        "the template {file} cannot be used: {problem}",
        "模板 {file} 无法使用：{problem}",
    ),
    "tpl-layout": (
        "the template {file} is written in a way salesplan cannot fill in",
        "模板 {file} 的写法无法自动填写",
    ),
    # What the next cycle's plan explains in its comments
    "nc-header": (
        "The next cycle of {previous} ({period}), written by salesplan new --from.",
        "由 salesplan new --from 根据 {previous}（{period}）生成的下一周期计划。",
    ),
    "nc-diagnosis": (
        "Carried over from the last cycle: update it with this cycle's figures.",
        "沿用上一周期的诊断：请按本周期的数据更新。",
    ),
    "nc-goal": (
        "Target carried over from the last cycle: confirm it for this one.",
        "目标值沿用上一周期：请按本周期重新确认。",
    ),
    "nc-baseline": (
        "Baseline = the last actual of the last cycle: {value} ({day}).",
        "基线 = 上一周期最后一次实际值 {value}（{day}）。",
    ),
    "nc-retarget": (
        "The target was already reached: raised by the same step to {target}; set it anew.",
        "原目标已达成：已按原提升幅度暂定为 {target}，请重新设定。",
    ),
    "nc-last-year": (
        "last_year left out: fill in this period's figure from last year.",
        "去年同期（last_year）已删除：请填写本周期对应的去年同期数。",
    ),
    "nc-carried": (
        "Carried over from {period}, where it reached {progress}%.",
        "上一周期（{period}）未完成，进度 {progress}%，顺延到本周期。",
    ),
    "nc-blocker": (" Last blocker: {blocker}", "最后的卡点：{blocker}"),
    "nc-action": (
        "A next action of the review {review}.",
        "来自 {review} 复盘的改进措施。",
    ),
    "nc-finding": (" Finding: {finding}", "对应发现：{finding}"),
    # salesplan import and the stand-up sheet
    "sheet.checkins": ("Check-ins", "进度打卡"),
    "sheet.actuals": ("Actuals", "实际值"),
    "sheet.plan": ("plan", "计划"),
    "sheet.task": ("task", "任务"),
    "sheet.task_title": ("task title", "任务名称"),
    "sheet.goal": ("goal", "目标"),
    "sheet.metric": ("metric", "指标"),
    "sheet.date": ("date", "日期"),
    "sheet.progress": ("progress (%)", "进度（%）"),
    "sheet.value": ("value", "数值"),
    "sheet.value-other": ("actual", "实际"),
    "sheet.note": ("note", "说明"),
    "sheet.note-other": ("remark", "备注"),
    "sheet.blocker": ("blocker", "卡点"),
    "imp-kind": (
        "{file}: import reads .xlsx and .csv files",
        "{file}：只能导入 .xlsx 或 .csv 文件",
    ),
    "imp-no-columns": (
        "{file}: no sheet has the columns plan, task or goal, date, progress or value",
        "{file}：没有一个工作表包含「计划、任务或目标、日期、进度或数值」这些列",
    ),
    "imp-unreadable": ("{file} cannot be read: {reason}", "无法读取 {file}：{reason}"),
    "imp-not-utf8": (
        "{file} is not saved as UTF-8: in Excel choose Save as → CSV UTF-8 (comma delimited)",
        "{file} 不是 UTF-8 编码：请在 Excel 中选择 另存为 → CSV UTF-8（逗号分隔）",
    ),
    "imp-no-plan": ("the plan column is empty", "「计划」一列为空"),
    "imp-task-or-goal": (
        "fill in either the task (a check-in) or the goal (an actual), not both or neither",
        "请填写任务（记录进度）或目标（记录实际值）中的一个",
    ),
    "imp-bad-date": (
        "{value!r} is not a date: write it as 2023-08-21",
        "{value!r} 不是日期：请写成 2023-08-21",
    ),
    "imp-no-number": ("the column {column} is empty", "「{column}」一列为空"),
    "imp-bad-number": (
        "{column}: {value!r} is not a number",
        "「{column}」的 {value!r} 不是数字",
    ),
    "imp-row": ("{file}, row {row}", "{file} 第 {row} 行"),
    "imp-sheet-row": ("{file}, sheet {sheet}, row {row}", "{file}「{sheet}」工作表第 {row} 行"),
    "imp-refused-row": ("{where}: {why}", "{where}：{why}"),
    "imp-nothing-written": (
        "nothing was imported: {n} of {total} rows cannot be recorded",
        "没有导入任何内容：{total} 行中有 {n} 行无法记录",
    ),
    "imp-plan-invalid": (
        "the plan {file} has errors: fix them first",
        "计划 {file} 中有错误：请先修正",
    ),
    "imp-plans-invalid": (
        "after the import the plans would have errors; nothing was written",
        "导入后计划会出现错误，没有写入任何文件",
    ),
    "imp-done": (
        "imported {n} row{s} into {files}",
        "已导入 {n} 行，写入 {files}",
    ),
    "imp-nothing": ("the sheets have nothing to record", "表格中没有需要记录的内容"),
    # The plan page
    "page.plan.next": ("next plan", "下期计划"),
    "page.plan.sheet": (
        "Download the stand-up sheet (Excel)",
        "下载每日站会打卡表（Excel）",
    ),
    "page.plan.edit": ("Edit this plan on GitHub", "在 GitHub 上编辑本计划"),
    "page.plan.edit_task": ("Edit this task on GitHub", "在 GitHub 上编辑这个任务"),
}
