"""Golden files fail when missing and change only with --update-goldens."""

from __future__ import annotations

import pytest
from golden_files import UPDATE_COMMAND, golden_text


def test_a_missing_golden_fails_and_names_the_command(tmp_path):
    with pytest.raises(pytest.fail.Exception, match=f"missing: run `{UPDATE_COMMAND}`"):
        golden_text(tmp_path / "page.md", "today's page", update=False)
    assert not (tmp_path / "page.md").exists()


def test_a_golden_is_written_only_when_updating(tmp_path):
    path = tmp_path / "goldens" / "page.md"
    assert golden_text(path, "today's page", update=True) == "today's page"
    assert golden_text(path, "tomorrow's page", update=False) == "today's page"
    assert path.read_text(encoding="utf-8") == "today's page"
