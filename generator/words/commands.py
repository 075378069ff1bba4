"""The words of the commands and settings: errors about options, what a command did."""

from __future__ import annotations

# key: (English, 中文)
WORDS: dict[str, tuple[str, str]] = {
    "setting-not-a-date": (
        "{setting} {value!r} is not a date: write it as YYYY-MM-DD, e.g. 2023-08-20",
        "{setting} 的值 {value!r} 不是日期：请写成 YYYY-MM-DD，例如 2023-08-20",
    ),
    "setting-years": (
        "{setting} {value} is not a day plans can be computed for: use a date from {first} to {last}",
        "{setting} 的值 {value} 不是能计算计划的日期：请使用 {first} 至 {last} 年之间的日期",
    ),
    "setting-not-a-zone": (
        "the time zone {value!r} is unknown: use an IANA name such as Asia/Shanghai",
        "不认识时区 {value!r}：请使用 Asia/Shanghai 这样的 IANA 时区名称",
    ),
    "setting-bad-epoch": (
        "SOURCE_DATE_EPOCH={value!r} is not a number of seconds since 1970-01-01",
        "SOURCE_DATE_EPOCH={value!r} 不是自 1970-01-01 起的秒数",
    ),
    "site-dir-protected": (
        "the site folder {site} would hold {folder}, which MkDocs would empty before building: "
        "choose another --site-dir (default: site)",
        "网站输出文件夹 {site} 会包含 {folder}，而 MkDocs 构建前会清空输出文件夹：请换一个 --site-dir（默认 site）",
    ),
    "site-dir-inside": (
        "the site folder {site} is (or lies in) {folder}, which MkDocs would empty before building: "
        "choose another --site-dir (default: site)",
        "网站输出文件夹 {site} 就是（或位于）{folder}，而 MkDocs 构建前会清空输出文件夹：请换一个 --site-dir（默认 site）",
    ),
    "site-dir-not-folder": (
        "the site folder {site} is a file: choose another --site-dir",
        "网站输出文件夹 {site} 是一个文件：请换一个 --site-dir",
    ),
    "site-dir-foreign": (
        "{site} already holds files that salesplan did not build, and MkDocs would delete them: "
        "choose a new or empty folder",
        "{site} 中已有不是 salesplan 生成的文件，MkDocs 构建时会把它们删除：请换一个新的或空的文件夹",
    ),
    "out-dir-foreign": (
        "{out} already holds files that salesplan did not write; "
        "choose a new or empty folder (it is replaced as a whole)",
        "{out} 中已有不是 salesplan 写入的文件；请换一个新的或空的文件夹（输出会整个替换它）",
    ),
    "out-dir-protected": (
        "{out} would mix the pages with {folder} (the plans, the docs or the project): "
        "choose a folder outside them, e.g. build/pages",
        "{out} 会让生成的页面与 {folder}（计划、文档或项目文件夹）混在一起：请换一个它们之外的文件夹，例如 build/pages",
    ),
    "out-dir-not-folder": (
        "{out} is a file, not a folder: choose a folder to write the pages to",
        "{out} 是文件而不是文件夹：请指定一个用来写入页面的文件夹",
    ),
    "wrote-pages": ("wrote {n} files to {out}", "已写入 {n} 个文件到 {out}"),
    "cmd-no-plans-folder": (
        "no plans folder ({folder}) here: run this in the plan repository or name files",
        "这里没有计划文件夹（{folder}）：请在计划仓库中运行，或指定计划文件",
    ),
    "cmd-no-plan-files": (
        "no plan files (.md) found in {paths}",
        "在 {paths} 中没有找到计划文件（.md）",
    ),
    "cmd-no-plugin": (
        "{config} does not use the salesplan plugin: add it under plugins",
        "{config} 没有启用 salesplan 插件：请在 plugins 中加入它",
    ),
    "cmd-plans-invalid": ("the plans have errors", "计划中有错误"),
    "calendar-uncovered": (
        "warning: the cn calendar does not know the holidays of {years} yet: Monday to Friday are counted as working days (update chinese-calendar when it does)",
        "提醒：cn 工作日历还没有 {years} 年的节假日安排，暂按周一至周五计算工作日（新版 chinese-calendar 发布后请升级）",
    ),
}
