"""The words of per-region access: the lock on a protected page, and why a build refused to run
without a password."""

from __future__ import annotations

# key: (English, 中文)
WORDS: dict[str, tuple[str, str]] = {
    "guide.publishing-privately": ("Publishing privately", "私密发布"),
    # --- the lock on a protected page ---
    "access.locked-title": ("Protected page", "受保护的页面"),
    "access.head-office": ("the head office", "总部"),
    "access.or": (" or ", "或"),
    "access.separator": (", ", "、"),
    "access.note": (
        "This page is encrypted: only the password of {readers} opens it.",
        "本页内容已加密，只有{readers}的密码才能打开。",
    ),
    "access.all-regions": (
        "It adds up every region; each region's own pages are in the navigation.",
        "本页汇总所有区域的数据；各区域自己的页面见左侧导航。",
    ),
    "access.needs-script": (
        "Opening it needs JavaScript in the browser.",
        "需要在浏览器中启用 JavaScript 才能打开。",
    ),
    "access.unsupported": (
        "This browser cannot decrypt the page here: open the site by its https address.",
        "浏览器在这里无法解密本页：请用 https 地址打开网站。",
    ),
    "access.password": ("Password", "密码"),
    "access.open": ("Open", "打开"),
    "access.opening": ("Opening…", "正在打开…"),
    "access.wrong": (
        "This password does not open this page.",
        "这个密码打不开本页。",
    ),
    "access.opened": (
        "Opened with a password: this browser tab remembers it until it is closed.",
        "已用密码打开：关闭本标签页之前，其他页面不必再次输入。",
    ),
    "access.lock": ("Lock again", "重新锁定"),
    # --- the build ---
    "access.missing": (
        "The environment variable {variable} (the password of {reader}) is not set or is empty: "
        "the site was not built, rather than published without protection. Set it (on GitHub: "
        "a repository secret, passed to the build step under env:), or take {reader} out of "
        "`access` in mkdocs.yml.",
        "环境变量 {variable}（{reader}的密码）没有设置或为空：为了不在未加密的情况下发布，"
        "网站没有生成。请设置它（GitHub 上：保存为仓库 Secret，并在构建步骤的 env: 中传入），"
        "或者从 mkdocs.yml 的 access 中去掉{reader}。",
    ),
    "access.short": (
        "The password of {reader} ({variable}) has fewer than {n} characters: anyone can "
        "download the pages and try passwords on them, so a short one is soon found.",
        "{reader}的密码（{variable}）少于 {n} 个字符：任何人都可以下载页面后反复尝试密码，"
        "短密码很快就会被试出来。",
    ),
    "access.same": (
        "{first} and {second} have the same password: each needs its own, or one could open "
        "the other's pages.",
        "{first}和{second}的密码相同：每个都必须不同，否则一方可以打开另一方的页面。",
    ),
    "access.unknown-region": (
        "`access` in mkdocs.yml names the region {region}, which no plan has (the regions are: "
        "{regions}).",
        "mkdocs.yml 的 access 中写了区域 {region}，但没有任何计划属于这个区域（现有区域：{regions}）。",
    ),
    "access.serving": (
        "Per-region passwords are not applied by `serve`: this preview shows every page in clear, "
        "on this computer only.",
        "本地预览（serve）不加密：各页面以明文显示，仅在本机可见。",
    ),
}
