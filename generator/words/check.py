"""The words of validation: every diagnostic message and the summary line."""

from __future__ import annotations

# key: (English, 中文)
WORDS: dict[str, tuple[str, str]] = {
    "file-too-large": (
        "this file is {size} MiB; a plan may be at most 1 MiB. Move old check-ins or long texts out of the plan.",
        "文件大小为 {size} MiB，计划文件最大 1 MiB。请把过早的打卡记录或长段文字移出计划。",
    ),
    "file-unreadable": ("the file cannot be read: {reason}", "无法读取文件：{reason}"),
    "file-not-regular": (
        "this is not a file but a device, pipe or folder: name a plan file (.md)",
        "这不是普通文件，而是设备、管道或文件夹：请指定计划文件（.md）",
    ),
    "file-outside-repository": (
        "this is a link to {target}, outside the repository: a plan must be a file of the repository, so it is not read",
        "这是指向仓库之外（{target}）的链接：计划必须是仓库中的文件，因此不读取它",
    ),
    "file-encoding": (
        "this file is not saved as UTF-8 (byte 0x{byte} on line {line} cannot be read). It was probably saved as GBK or another Windows encoding: save it again as UTF-8 in your editor.",
        "文件不是 UTF-8 编码（第 {line} 行的字节 0x{byte} 无法识别），可能是用 GBK 等 Windows 编码保存的。请在编辑器中另存为 UTF-8。",
    ),
    "frontmatter-missing": (
        "a plan must start with a line '---', then the plan's fields, then another '---' line.",
        "计划文件必须以一行 '---' 开头，接着是计划的字段，再以一行 '---' 结束。",
    ),
    "frontmatter-unterminated": (
        "the fields start with '---' on line 1 but never end: add a line '---' after the last field.",
        "字段从第 1 行的 '---' 开始，但没有结束：请在最后一个字段之后加一行 '---'。",
    ),
    "frontmatter-not-fields": (
        "the part between the '---' lines must be a list of fields such as 'id: east-1'.",
        "两行 '---' 之间必须是 'id: east-1' 这样的“字段: 值”。",
    ),
    "yaml-tab": (
        "this line is indented with a tab; YAML needs spaces. Replace the tab with spaces (usually 2).",
        "这一行用 Tab 缩进，YAML 只接受空格：请把 Tab 换成空格（通常 2 个）。",
    ),
    "yaml-alias": (
        "anchors and aliases ('&name', '*name') are not allowed in a plan: write the value out in full",
        "计划中不能使用锚点和别名（'&名称'、'*名称'）：请把值完整写出来",
    ),
    "yaml-duplicate-key": (
        'the field "{key}" appears twice, on line {first} and line {second}: keep only one',
        "字段“{key}”写了两次（第 {first} 行和第 {second} 行）：只保留一个",
    ),
    "yaml-one-document": ("only one block of fields is allowed", "只能有一组字段"),
    "yaml-plain-key": ("a field name must be plain text", "字段名必须是普通文字"),
    "yaml-tag": ("the YAML tag {tag} is not allowed in a plan", "计划中不能使用 YAML 标签 {tag}"),
    "yaml-colon": (
        "a ':' is not allowed here. If a text contains ': ', put the whole text in quotes, e.g. note: \"客户: 已回访\"; if this line starts a new field, line it up with the fields above",
        '这里不能出现冒号。文字中含有“: ”时，请给整段文字加引号，例如 note: "客户: 已回访"；如果这一行是新的字段，请与上面的字段对齐',
    ),
    "yaml-expected-colon": ("expected 'field: value' on this line", "这一行应当是“字段: 值”的形式"),
    "yaml-indent-key": (
        "this line is not lined up with the fields around it; check its indentation",
        "这一行与上下的字段没有对齐：请检查缩进",
    ),
    "yaml-indent-item": (
        "this list entry is not lined up with the others; check its indentation",
        "这个列表条目与其他条目没有对齐：请检查缩进",
    ),
    "yaml-unclosed-list": (
        "a list opened with '[' is not closed with ']' on this line; if a text contains ',' or '[', put it in quotes",
        "这一行的 '[' 没有对应的 ']'；如果文字中含有 ',' 或 '['，请给文字加引号",
    ),
    "yaml-unclosed-group": (
        "a group opened with '{{' is not closed with '}}' on this line; if a text contains ',' or '{{', put it in quotes",
        "这一行的 '{{' 没有对应的 '}}'；如果文字中含有 ',' 或 '{{'，请给文字加引号",
    ),
    "yaml-unclosed": ("a quote or bracket is opened but never closed", "有引号或括号没有闭合"),
    "yaml-undefined-alias": (
        "'*' starts an alias, which plans do not use; put the text in quotes",
        "'*' 在 YAML 中表示别名，计划中不使用：请给这段文字加引号",
    ),
    "yaml-other": ("this YAML cannot be read: {problem}", "无法读取这段 YAML：{problem}"),
    "yaml-fullwidth-colon": (
        'this line uses the full-width colon "：" of the Chinese input method: write an ASCII colon and a space instead, "{key}: {value}"',
        "这一行用了全角冒号“：”（中文输入法）：请改成英文冒号加一个空格，写成“{key}: {value}”",
    ),
    "yaml-colon-space": (
        'put a space after the colon: write "{key}: {value}"',
        "冒号后面要加一个空格：请写成“{key}: {value}”",
    ),
    "yaml-fullwidth-comma": (
        'a full-width comma "，" separates the entries between {{ }} or [ ]: use an ASCII comma "," instead (or quote the text that holds it)',
        "{{ }} 或 [ ] 中的条目之间用了全角逗号“，”：请改成英文逗号“,”（如果它是文字的一部分，请给文字加引号）",
    ),
    "yaml-colon-in-group": (
        'a value between {{ }} contains ": ": put that value in quotes, e.g. note: "进展: 拜访5家"',
        '{{ }} 中的值含有“: ”：请给这个值加引号，例如 note: "进展: 拜访5家"',
    ),
    "yaml-unclosed-quote": (
        "the quote {quote} opened here is never closed: add the closing {quote} at the end of the text",
        "这里的引号 {quote} 没有闭合：请在文字末尾补上 {quote}",
    ),
    "yaml-control-char": (
        "an invisible control character ({code}) is here: delete it",
        "这里有一个不可见的控制字符（{code}）：请删除它",
    ),
    "yaml-reserved-start": (
        'a value cannot start with "{char}": put the whole text in quotes, e.g. note: "{char}…"',
        '值不能以“{char}”开头：请给整段文字加引号，例如 note: "{char}…"',
    ),
    "yaml-number": (
        '{text} would be read as the number {value} ({why}): write {value} if you mean that number, or put it in quotes ("{text}") if it is text',
        '{text} 会被当作数字 {value}（{why}）：如果是这个数字，请写成 {value}；如果是文字，请加引号："{text}"',
    ),
    "yaml-number-base60": (
        "YAML reads numbers with colons in base 60, like minutes and seconds",
        "YAML 把带冒号的数字按六十进制读取，类似分和秒",
    ),
    "yaml-number-grouped": ("YAML drops the _ between digits", "YAML 会忽略数字之间的 _"),
    "yaml-number-hex": ("a hexadecimal or binary number in YAML", "YAML 中的十六进制或二进制数"),
    "yaml-number-zero": (
        '{text} starts with 0, which YAML may read as an octal number: write {plain} if you mean that number, or put it in quotes ("{text}") if it is text',
        '{text} 以 0 开头，YAML 可能把它当作八进制数：如果是数字，请写成 {plain}；如果是文字，请加引号："{text}"',
    ),
    "required": (
        'the field "{field}"{title} is missing{where}{why}',
        "缺少字段“{field}”{title}{where}{why}",
    ),
    "required-title": (" ({title})", "（{title}）"),
    "field-titled": ("{field}", "{title}（{field}）"),
    "required-in": (" in {name}", "（位于{name}）"),
    "required-why": (": {hint}", "：{hint}"),
    "unknown-field-close": (
        'unknown field "{key}" — did you mean "{close}"?',
        "不认识的字段“{key}”——是不是“{close}”？",
    ),
    "unknown-field-list": (
        'unknown field "{key}"; fields allowed here: {known}',
        "不认识的字段“{key}”；这里可以写的字段有：{known}",
    ),
    "type": ("{name} must be {kinds}, got {got}", "{name}必须是{kinds}，实际是 {got}"),
    "type-yes-no": (
        '{name} must be {kinds}, got {got}: YAML reads {word} as yes/no. To write the word, put it in quotes: "{word}"',
        '{name}必须是{kinds}，实际是 {got}：YAML 会把 {word} 当作“是/否”。如果要写这个词，请加引号："{word}"',
    ),
    "long-number": ("{start}…{end} (a number of {n} digits)", "{start}…{end}（{n} 位数字）"),
    "number-range": (
        "{name} must lie between -{limit:,} and {limit:,}, got {got}: write large amounts in a larger unit (e.g. 万元 or 亿元)",
        "{name}须在 -{limit:,} 到 {limit:,}（一万亿）之间，实际是 {got}：金额很大时请换用更大的单位（例如万元、亿元）",
    ),
    "number-grain": (
        "{name} is {got}, too close to 0 to be a figure: write 0, or a number at least {grain:f} away from 0",
        "{name}是 {got}，太接近 0，不是有意义的数字：请写 0，或写绝对值不小于 {grain:f} 的数",
    ),
    "year-range": (
        "{name}: the year of {got} is not one a plan can use; write a year from {first} to {last}",
        "{name}：{got} 的年份不合理；年份须在 {first} 至 {last} 之间",
    ),
    "blank-text": (
        "{name} holds only spaces or invisible characters: write some text, or leave the field out",
        "{name}只有空格或不可见字符：请填写内容，或删掉这个字段",
    ),
    "key-empty-text": (
        'the name "{key}" holds no visible character: write a name',
        "名称“{key}”没有可见字符：请填写名称",
    ),
    "key-too-long": (
        'the name "{key}" is too long: at most {limit} characters',
        "名称“{key}”太长：最多 {limit} 个字符",
    ),
    "enum": (
        "{name} must be one of {allowed}; got {got}{close}",
        "{name}必须是以下之一：{allowed}；实际是 {got}{close}",
    ),
    "enum-close": (' — did you mean "{close}"?', "——是不是“{close}”？"),
    "const": ("{name} must be {expected}, got {got}", "{name}必须是 {expected}，实际是 {got}"),
    "not-a-date": ("{name} is not a real date: {got}", "{name}不是真实存在的日期：{got}"),
    "date-form": (
        "{name} must be a date written YYYY-MM-DD, e.g. 2023-07-01; got {got}",
        "{name}必须是 YYYY-MM-DD 格式的日期，例如 2023-07-01；实际是 {got}",
    ),
    "month-form": (
        "{name} must be a month written YYYY-MM, e.g. 2023-06; got {got}",
        "{name}必须是 YYYY-MM 格式的月份，例如 2023-06；实际是 {got}",
    ),
    "month-key": (
        '"{key}" is not a month: write months as YYYY-MM, e.g. 2023-06',
        "“{key}”不是月份：月份写作 YYYY-MM，例如 2023-06",
    ),
    "id-form": (
        '{got} is not a valid id: use lowercase letters, digits and hyphens, starting with a letter or digit, e.g. "east-shanghai"',
        "{got} 不是有效的编号：只能用小写字母、数字和连字符，以字母或数字开头，例如“east-shanghai”",
    ),
    "wrong-form": ("{name} has the wrong form: {got}", "{name}的格式不对：{got}"),
    "at-least": (
        "{name} must be at least {limit}, got {got}",
        "{name}不能小于 {limit}，实际是 {got}",
    ),
    "at-most": (
        "{name} must be at most {limit}, got {got}",
        "{name}不能大于 {limit}，实际是 {got}",
    ),
    "beyond": (
        "{name} is out of range ({limit}), got {got}",
        "{name}超出范围（{limit}），实际是 {got}",
    ),
    "too-few": ("{name} needs at least {need} {entries}", "{name}至少需要 {need} 项"),
    "entry-one": ("entry", "项"),
    "entry-many": ("entries", "项"),
    "empty-text": ("{name} must not be empty", "{name}不能为空"),
    "too-long": ("{name} is too long: at most {limit} allowed", "{name}太长：最多 {limit}"),
    "duplicate-item": ("{name} lists the same entry twice", "{name}中有重复的条目"),
    "owner-type": (
        '{name} must be a member id, a list of member ids, or "all"; got {got}',
        "{name}必须是成员编号、成员编号列表或 all（全员）；实际是 {got}",
    ),
    "invalid-value": ("{name}: {detail}", "{name}：{detail}"),
    "plan-not-typed": (
        "this plan passed every check but could not be read ({error}): please report it",
        "这个计划通过了所有检查，但无法读取（{error}）：请报告这个问题",
    ),
    "entry-of": ("entry {n} of {parent}", "{parent}的第 {n} 项"),
    "the-plan": ("the plan", "计划"),
    "or": (" or ", "或"),
    "empty-value": ("nothing (the value is empty)", "空值"),
    "yes-no": ("yes/no", "是/否"),
    "a-group": ("a group of fields", "一组字段"),
    "a-list": ("a list", "列表"),
    "kind-string": ("text", "文字"),
    "kind-number": ("a number", "数字"),
    "kind-integer": ("a whole number", "整数"),
    "kind-array": ("a list", "列表"),
    "kind-object": ("a group of fields", "一组字段"),
    "kind-boolean": ("yes or no", "是或否"),
    "kind-null": ("empty", "空"),
    "duplicate-id": (
        'the {kind} id "{id}" is used twice (also at {first}): every {kind} needs its own id',
        "{kind}编号“{id}”重复使用（另见 {first}）：每个{kind}都需要自己的编号",
    ),
    "unknown-ref": (
        '{kind} "{ref}" does not exist; known: {known}{extra}',
        "{kind}“{ref}”不存在；现有：{known}{extra}",
    ),
    "or-all": (' (or "all" for the whole team)', "（或用 all 表示全员）"),
    "none-yet": ("none yet", "暂无"),
    "ids-and-more": ("{ids} and {n} more", "{ids} 等（另有 {n} 个）"),
    "unknown-manager": (
        'the manager "{ref}" is not in members; members: {known}',
        "经理“{ref}”不在成员列表（members）中；现有成员：{known}",
    ),
    "previous-self": (
        "previous must name an earlier plan, not this plan itself",
        "previous 应当是上一周期的计划，不能是本计划自己",
    ),
    "unknown-plan": (
        'no plan has the id "{ref}"; plans: {known}',
        "没有编号为“{ref}”的计划；现有计划：{known}",
    ),
    "outside-period": (
        "{what} {day} is outside the period {start} to {end}",
        "{what} {day} 不在计划周期 {start} 至 {end} 之内",
    ),
    "not-ascending": (
        "{what} must be in date order: {day} is listed after {last}; move it up",
        "{what}必须按日期先后排列：{day} 排在 {last} 之后，请把它移到前面",
    ),
    "period-order": (
        "the period ends ({end}) before it starts ({start})",
        "计划周期的结束日期（{end}）早于开始日期（{start}）",
    ),
    "period-too-long": (
        "the period from {start} to {end} lasts {days} days; a plan covers at most 2 years (731 days): split it into one plan per quarter or per year",
        "计划周期 {start} 至 {end} 共 {days} 天；一个计划最长 2 年（731 天）：请按季度或年度拆分成多个计划",
    ),
    "task-order": (
        "the task ends ({end}) before it starts ({start})",
        "任务的结束日期（{end}）早于开始日期（{start}）",
    ),
    "checkin-before-start": (
        "the check-in of {day} is before the task starts ({start})",
        "{day} 的打卡早于任务开始日期（{start}）",
    ),
    "history-in-period": (
        "history month {month} is not before the period (which starts {start}); record values inside the period under actuals",
        "历史月份 {month} 不早于计划周期（{start} 开始）；周期内的数值请写在 actuals（实际值）中",
    ),
    "unaddressed-root-cause": (
        'no strategy addresses the root cause "{id}": add it to a strategy\'s addresses',
        "没有策略针对根因“{id}”：请把它加入某个策略的 addresses",
    ),
    "strategy-without-task": ('the strategy "{id}" has no task yet', "策略“{id}”还没有任务"),
    "task-without-strategy": (
        'the task "{id}" carries out no strategy: add "strategy: <id>"',
        "任务“{id}”没有对应的策略：请加上 strategy: <策略编号>",
    ),
    "goal-without-strategy": (
        'no strategy serves the goal "{id}": add it to a strategy\'s goals',
        "没有策略服务于目标“{id}”：请把它加入某个策略的 goals",
    ),
    "file-name-mismatch": (
        'the file is named "{name}" but the plan id is "{id}": name the file "{id}.md" so people find it',
        "文件名是“{name}”，但计划编号是“{id}”：请把文件命名为“{id}.md”，方便查找",
    ),
    "duplicate-plan-id": (
        'the plan id "{id}" is also used by {others}: every plan needs its own id',
        "计划编号“{id}”也被 {others} 使用：每个计划都需要自己的编号",
    ),
    "kind-member": ("member", "成员"),
    "kind-goal": ("goal", "目标"),
    "kind-root-cause": ("root cause", "根因"),
    "kind-strategy": ("strategy", "策略"),
    "kind-task": ("task", "任务"),
    "kind-finding": ("finding", "发现"),
    "what-due": ("the due date", "截止日期"),
    "what-actual": ("the actual's date", "实际值日期"),
    "what-start": ("the task start", "任务开始日期"),
    "what-end": ("the task end", "任务结束日期"),
    "what-checkins": ("check-ins", "打卡记录"),
    "what-actuals": ("actuals", "实际值"),
    "what-milestones": ("milestones", "进度节点"),
    "what-help": ("1:1 records", "帮扶记录"),
    "what-help-date": ("the 1:1's date", "一对一沟通日期"),
    "summary-clean": ("no problems in {plans}", "{plans}没有问题"),
    "summary": (
        "{errors}, {warnings} in {bad} of {plans}",
        "{errors}，{warnings}，涉及 {plans}中的 {bad} 个",
    ),
    "n-errors": ("{n} error{s}", "{n} 个错误"),
    "n-warnings": ("{n} warning{s}", "{n} 个提醒"),
    "n-plans": ("{n} plan{s}", "{n} 个计划"),
    # --- the job summary (--format markdown) ---
    "md-heading": ("Plan check", "计划检查"),
    "md-columns": (
        "| | File | Line | Rule | Where | Problem |",
        "| | 文件 | 行 | 规则 | 位置 | 问题 |",
    ),
    "md-more": (
        "… {n} more not shown (the summary is limited in size); "
        "run `salesplan validate` to see them all.",
        "……另有 {n} 条未显示（摘要篇幅有限）；运行 `salesplan validate` 查看全部。",
    ),
    # --- the method (SMART goals, milestones, check-ins) ---
    "target-not-above": (
        'the target {target} is not above the baseline {baseline}, but the goal is to increase: raise the target, or write "direction: decrease" if lower is better',
        "目标值 {target} 没有高于基线 {baseline}，而这个目标是要提升的：请提高目标值；如果越低越好，请写 direction: decrease",
    ),
    "target-not-below": (
        'the target {target} is not below the baseline {baseline}, but the goal is to decrease: lower the target, or remove "direction: decrease" if higher is better',
        "目标值 {target} 没有低于基线 {baseline}，而这个目标是要降低的：请降低目标值；如果越高越好，请删除 direction: decrease",
    ),
    "history-short": (
        'the goal "{id}" has {n} month(s) of history; the method asks for 6 to 12 months to judge whether the target is realistic',
        "目标“{id}”只有 {n} 个月的历史数据；方法要求 6 到 12 个月，才能判断目标是否合理",
    ),
    "ambition-stretch": (
        "the target needs {required} {unit} a month, more than 3 times the best month of its history ({best} {unit}): a stretch no month has shown — check it is achievable",
        "达成目标需要每月变化 {required} {unit}，超过历史最好单月（{best} {unit}）的 3 倍：历史上从未有过这样的幅度，请确认目标可以实现",
    ),
    "ambition-never": (
        "the target needs {required} {unit} a month, but no month of its history moved that way: check it is achievable, and what will make the difference",
        "达成目标需要每月变化 {required} {unit}，但历史上没有一个月朝这个方向变化过：请确认目标可以实现，以及靠什么实现",
    ),
    "unit-points": ("pp", "个百分点"),
    "ambition-slack": (
        "the history's trend alone ({trend} {unit} a month) reaches the target {target} by the due date: the target asks for no improvement — raise it",
        "仅按历史趋势（每月 {trend} {unit}）到截止日就能达到目标值 {target}：目标不需要任何提升，请适当提高",
    ),
    "milestone-outside-task": (
        "the milestone of {day} is outside the task's window {start} to {end}",
        "{day} 的进度节点不在任务的起止日期 {start} 至 {end} 之内",
    ),
    "milestone-progress-down": (
        "this milestone plans {progress}%, less than the {last}% of the one before: milestones only go up",
        "这个节点计划进度 {progress}%，低于前一个节点的 {last}%：进度节点只能逐级上升",
    ),
    "checkin-after-end": (
        "the check-in of {day} is after the task ended ({end}): if the work goes on, move the task's end",
        "{day} 的打卡晚于任务结束日期（{end}）：如果任务还在进行，请推迟任务的结束日期",
    ),
    "checkin-after-period": (
        "the check-in of {day} is after the period ended ({end}): record it in the next cycle's plan",
        "{day} 的打卡晚于计划周期结束（{end}）：请记在下一周期的计划中",
    ),
    "progress-down": (
        "this check-in reports {progress}%, less than the {last}% of the one before: progress does not go down — correct the figure, or explain it in the note",
        "这次打卡进度 {progress}%，低于上一次的 {last}%：完成进度不会倒退，请更正数字，或在说明中解释",
    ),
    "carry-over-missing": (
        'the review of the previous plan ({previous}) said to carry over "{task}" ({action}), but this plan has no such task: add it, or say in the review why it was dropped',
        "上一期计划（{previous}）的复盘要求把“{task}”顺延（{action}），但本计划中没有这个任务：请加上，或在复盘中说明为何取消",
    ),
}
