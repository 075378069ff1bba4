"""The one catalogue of user-facing words, in Chinese and English, passed around as `Words`.

Each area keeps its entries in a module of this package (`key: (English, 中文)`); a key lives
in exactly one of them. Code never picks a language itself: it is handed a `Words` for the
language the user chose (see `choose_language`) and asks it for words by key.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from . import access, authoring, check, commands, notify, reading, revisions, site, standup

LANGUAGES = ("zh", "en")
_AREAS = (
    access.WORDS,
    authoring.WORDS,
    check.WORDS,
    commands.WORDS,
    notify.WORDS,
    reading.WORDS,
    revisions.WORDS,
    site.WORDS,
    standup.WORDS,
)


def _merge(areas: tuple[Mapping[str, tuple[str, str]], ...]) -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for area in areas:
        for key, pair in area.items():
            if key in merged:
                raise ValueError(f"the word {key!r} is defined twice in the catalogue")
            merged[key] = pair
    return merged


CATALOGUE: dict[str, tuple[str, str]] = _merge(_AREAS)


def language_code(language: str) -> str:
    """ "zh" for any Chinese (zh, zh-CN, zh_TW.UTF-8…), else "en": the two languages we speak."""
    return "zh" if language.strip().lower().startswith("zh") else "en"


@dataclass(frozen=True)
class Words:
    """The catalogue in one language: `words[key]`, `words.say(key, **values)`."""

    language: str = "en"  # "zh" or "en"

    @classmethod
    def of(cls, language: str) -> Words:
        return cls(language_code(language))

    def __getitem__(self, key: str) -> str:
        return CATALOGUE[key][self.language == "zh"]

    def __contains__(self, key: object) -> bool:
        return key in CATALOGUE

    def get(self, key: str, default: str | None = None) -> str | None:
        return self[key] if key in CATALOGUE else default

    def say(self, key: str, /, **values: object) -> str:
        """The words of `key` with their `{placeholders}` filled in."""
        return self[key].format(**values)

    def count(self, key: str, n: int) -> str:
        """`n error(s)`, `n 个错误`: English adds its plural `s` where n is not 1."""
        return self.say(key, n=n, s="" if n == 1 else "s")

    @property
    def chinese(self) -> bool:
        return self.language == "zh"


class LanguageError(ValueError):
    """A language setting that is neither zh nor en; the message names where it came from."""


def choose_language(
    option: str | None = None,
    *,
    variable: str | None = None,
    site: str | None = None,
    locale: str | None = None,
) -> str:
    """The language of every message (SPEC §6): `--lang`, else SALESPLAN_LANG, else the site's
    language (mkdocs.yml), else LANG, else English.

    The first two must say zh or en; the site's and the locale's language are mapped (zh_CN.UTF-8
    is Chinese, de is English). Raises LanguageError naming the setting that is wrong.
    """
    for name, value in (("--lang", option), ("SALESPLAN_LANG", variable)):
        if value is not None and value.strip():
            if value.strip().lower() not in LANGUAGES:
                raise LanguageError(
                    f"{name}={value!r}: 不支持的语言，请用 zh 或 en / "
                    "not a language salesplan speaks: use zh or en"
                )
            return value.strip().lower()
    for value in (site, locale):
        if value is not None and value.strip():
            return language_code(value)
    return "en"
