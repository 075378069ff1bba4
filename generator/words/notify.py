"""The words of `salesplan notify`: the chat messages, the help issues and their comments, and
what the command says it did."""

from __future__ import annotations

# key: (English, 中文)
WORDS: dict[str, tuple[str, str]] = {
    # --- the chat message ---
    "nt-title": ("Sales plans · {scope} · {as_of}", "销售计划提醒 · {scope} · {as_of}"),
    "nt-everyone": ("all teams", "全部团队"),
    "nt-team-page": ("team page", "团队页面"),
    "nt-goals-off-track": ("Goals off track:", "严重落后的目标："),
    "nt-tasks": (
        "Tasks that need help, overdue or blocked:",
        "需要帮扶、已逾期或受阻的任务：",
    ),
    "nt-quiet-teams": ("✔ No alerts: {teams}", "✔ 无预警：{teams}"),
    # --- the help issue ---
    "nt-issue-title": ("{team} · {task} · needs help", "{team} · {task} · 需要帮扶"),
    "nt-issue-lead": (
        "**{task}** of **{team}** has been behind for {days} in a row: the help mechanism "
        "asks for a 1:1 between the manager and the owner, with resources.",
        "**{team}** 的任务 **{task}** 已连续落后 {days}：按帮扶机制，"
        "经理应与负责人一对一沟通，并提供资源支持。",
    ),
    "nt-issue-item": ("Item", "项目"),
    "nt-issue-value": ("Now", "当前"),
    "nt-issue-status": ("Status", "状态"),
    "nt-issue-owner": ("Owner", "负责人"),
    "nt-issue-window": ("Window", "时间窗"),
    "nt-issue-progress": ("Progress", "进度"),
    "nt-issue-behind": ("Behind", "连续落后"),
    "nt-issue-since": ("{days} (since {since})", "{days}（自 {since} 起）"),
    "nt-issue-next": ("Next milestone", "下一个进度节点"),
    "nt-issue-blocker": ("Blocker", "受阻原因"),
    "nt-issue-milestone": ("{date}: {progress} planned", "{date}：应达 {progress}"),
    "nt-issue-missed": ("Milestones missed", "未达到的进度节点"),
    "nt-issue-none-missed": (
        "None dated yet (the task follows a straight line: every day is a milestone).",
        "暂无到期节点（任务按直线推进，每天都是节点）。",
    ),
    "nt-issue-who": ("The 1:1:", "一对一沟通："),
    "nt-issue-who-due": ("due: {manager} with {owners}", "待进行：{manager} 与 {owners}"),
    "nt-issue-record": (
        "After the 1:1, record it in the plan file: an entry in the task's `help` list "
        "(`date`, `by`, `note`, `actions`). This issue follows the plan: it is updated each "
        "day and closed when the task is back on track, done or cancelled.",
        "沟通后请在计划文件中记录：在该任务的 `help` 中添加一条（`date` 日期、`by` 沟通人、"
        "`note` 记录、`actions` 支持措施）。本 issue 随计划自动更新，任务赶上进度、完成或取消后自动关闭。",
    ),
    "nt-issue-footer": (
        "As of {as_of}, from the plan {plan}, by salesplan notify.",
        "数据截至 {as_of}，来自计划 {plan}，由 salesplan notify 生成。",
    ),
    # --- comments of later runs ---
    "nt-comment-behind": (
        "Still needs help: behind for {days} in a row (was {before}).",
        "仍需帮扶：已连续落后 {days}（上次为 {before}）。",
    ),
    "nt-comment-again": (
        "Behind again: {days} in a row since {since}.",
        "再次落后：自 {since} 起已连续落后 {days}。",
    ),
    "nt-comment-reopen": (
        "The task needs help again: behind for {days} in a row since {since}.",
        "任务再次需要帮扶：自 {since} 起已连续落后 {days}。",
    ),
    "nt-close-done": ("The task is done: closing.", "任务已完成，关闭。"),
    "nt-close-cancelled": ("The task was cancelled: closing.", "任务已取消，关闭。"),
    "nt-close-recovered": (
        "The task no longer needs help ({status}: planned {planned}, done {actual}): closing.",
        "任务已不再需要帮扶（{status}：计划 {planned}，实际 {actual}），关闭。",
    ),
    "nt-close-removed": (
        "The task is no longer in the plan: closing.",
        "计划中已没有这个任务，关闭。",
    ),
    "nt-close-not-in-force": (
        "The plan {plan} is no longer in force (the team has a newer plan): closing.",
        "计划 {plan} 已不在执行中（团队已有更新的计划），关闭。",
    ),
    "nt-close-plan-gone": (
        "The plan {plan} is no longer in the plans folder: closing.",
        "计划文件夹中已没有计划 {plan}，关闭。",
    ),
    "nt-close-duplicate": ("Duplicate of #{number}: closing.", "与 #{number} 重复，关闭。"),
    # --- what the command says ---
    "nt-kind.wecom": ("WeCom robot", "企业微信机器人"),
    "nt-kind.dingtalk": ("DingTalk robot", "钉钉机器人"),
    "nt-kind.feishu": ("Feishu robot", "飞书机器人"),
    "nt-robot": ("{kind} {variable} ({scope})", "{kind} {variable}（{scope}）"),
    "nt-sent": ("{robot}: sent {n} message(s)", "{robot}：已发送 {n} 条消息"),
    "nt-robot-failed": (
        "{robot}: FAILED after {sent} of {total} message(s): {why}",
        "{robot}：发送失败（已发送 {sent}/{total} 条）：{why}",
    ),
    "nt-fail.timeout": (
        "no reply in time (notify.timeout in mkdocs.yml)",
        "等待回复超时（mkdocs.yml 中的 notify.timeout）",
    ),
    "nt-fail.connection": ("could not connect", "无法连接"),
    "nt-fail.status": ("the server answered HTTP {status}", "服务器返回 HTTP {status}"),
    "nt-fail.rate-limited": (
        "rate-limited: too many messages, try again later",
        "发送过于频繁被限流，请稍后再试",
    ),
    "nt-fail.refused": ("the platform refused it (code {code})", "平台拒绝了消息（错误码 {code}）"),
    "nt-fail.unexpected": (
        "the reply was not the platform's (is the address right?)",
        "回复不是该平台的格式（地址是否正确？）",
    ),
    "nt-problem.not-an-address": (
        "{variable} is not an http(s) address: robot skipped",
        "{variable} 不是 http(s) 地址：已跳过该机器人",
    ),
    "nt-problem.secret-without-webhook": (
        "{variable} is set but its robot's webhook is not: robot skipped",
        "设置了 {variable}，但没有设置对应机器人的 webhook：已跳过",
    ),
    "nt-problem.not-set": (
        "{variable} (a route of mkdocs.yml) is not set: that robot is skipped",
        "{variable}（mkdocs.yml 中的路由）未设置：已跳过该机器人",
    ),
    "nt-route-empty": (
        "the route {scope} of mkdocs.yml matches no plan in force: check the region or team name",
        "mkdocs.yml 中的路由 {scope} 没有匹配任何执行中的计划：请检查区域或团队名称",
    ),
    "nt-no-robots": (
        "No chat robot is set up: set SALESPLAN_WECOM_WEBHOOK, SALESPLAN_DINGTALK_WEBHOOK or "
        'SALESPLAN_FEISHU_WEBHOOK (docs page "Notifications")',
        "没有设置群机器人：请设置 SALESPLAN_WECOM_WEBHOOK、SALESPLAN_DINGTALK_WEBHOOK 或 "
        "SALESPLAN_FEISHU_WEBHOOK（见文档页“通知”）",
    ),
    "nt-dry-request": (
        "[dry run] {robot}, message {n}/{total}: {method} {address}{signed}",
        "[试运行] {robot}，第 {n}/{total} 条：{method} {address}{signed}",
    ),
    "nt-signed": (" (signed with a timestamp when sent)", "（发送时按时间戳签名）"),
    "nt-dry-issues": (
        "[dry run] GitHub issues: existing issues are not read in a dry run; the real run "
        "updates or closes them rather than opening a second one. It would send:",
        "[试运行] GitHub issue：试运行不读取已有的 issue；正式运行时会更新或关闭已有的 issue，"
        "不会重复创建。将发送：",
    ),
    "nt-issue-open": ("GitHub: opened #{number} {title}", "GitHub：已创建 #{number} {title}"),
    "nt-issue-reopen": (
        "GitHub: reopened #{number} {title}",
        "GitHub：已重新打开 #{number} {title}",
    ),
    "nt-issue-update": ("GitHub: updated #{number} {title}", "GitHub：已更新 #{number} {title}"),
    "nt-issue-comment": (
        "GitHub: commented on #{number} {title}",
        "GitHub：已评论 #{number} {title}",
    ),
    "nt-issue-close": ("GitHub: closed #{number} {title}", "GitHub：已关闭 #{number} {title}"),
    "nt-unassigned": (
        "  (not assigned, GitHub would not take: {handles})",
        "  （GitHub 未接受这些负责人，未指派：{handles}）",
    ),
    "nt-issues-unchanged": (
        "GitHub: the help issues are up to date",
        "GitHub：帮扶 issue 已是最新，无需改动",
    ),
    "nt-github-missing": (
        "GitHub issues need {variables}: issues skipped",
        "GitHub issue 需要环境变量 {variables}：已跳过",
    ),
    "nt-github-failed": (
        "GitHub: FAILED to {what} (HTTP {status}) {detail}",
        "GitHub：{what} 失败（HTTP {status}）{detail}",
    ),
    "nt-gh.list": ("list the issues", "读取 issue 列表"),
    "nt-gh.label": ("create the label {subject}", "创建标签 {subject}"),
    "nt-gh.create": ("open an issue", "创建 issue"),
    "nt-gh.update": ("update {subject}", "更新 {subject}"),
    "nt-gh.comment": ("comment on {subject}", "评论 {subject}"),
    "nt-failed": ("notify failed for: {names}", "以下通知失败：{names}"),
}
