"""The GitHub workflows and pre-commit hooks, read and linted offline.

A workflow mistake shows only on GitHub, after a push: these tests catch it here. They check
that every workflow parses, calls only commands, options and files that exist, installs
salesplan with the pinned versions of requirements/constraints.txt, pins every action to a
commit, and passes zizmor's offline security audit.
"""

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from importlib.util import find_spec
from pathlib import Path

import click
import pytest
import yaml

# Imported, not guessed: a CLI that does not import fails these tests.
from generator import cli

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS_DIR = ROOT / ".github" / "workflows"
WORKFLOW_PATHS = sorted([*WORKFLOWS_DIR.glob("*.yml"), *WORKFLOWS_DIR.glob("*.yaml")])
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))

# Shell keywords after which a new command starts, and the builtins a script may call.
SHELL_KEYWORDS = frozenset({"if", "then", "else", "elif", "fi", "while", "until", "do", "done"})
SHELL_KEYWORDS |= {"!", "{", "}"}
SHELL_BUILTINS = frozenset({"[", "[[", "test", "true", "false", "echo", "printf", "exit", "cd"})
SHELL_BUILTINS |= {"trap", "umask"}
# Besides the project's own scripts and its test tools, a run: script may call only the few
# tools every GitHub-hosted Ubuntu runner has (the self-hosted runner that copies the site to
# an internal server is asked for rsync, ssh and tar: docs/publishing-privately.md).
RUNNER_TOOLS = frozenset({"python", "git", "grep", "sed", "head", "tail", "wc", "cat"})
RUNNER_TOOLS |= {"rm", "mkdir", "tar", "rsync"}
COMMAND_SEPARATORS = frozenset({"|", "||", "&&", ";", "&", "("})
# The pinned versions that every install of the project takes (tests/test_dependencies.py).
CONSTRAINTS = "requirements/constraints.txt"
PINNED_USES = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
VERSION_COMMENT = re.compile(r"#\s*v\d+(\.\d+){0,2}\b")


def load_workflow(path: Path) -> dict:
    """The workflow as data; YAML 1.1 reads the key `on` as True, so it is put back."""
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in workflow:
        workflow["on"] = workflow.pop(True)
    return workflow


def steps(workflow: dict) -> Iterator[tuple[str, dict]]:
    """Every step of every job, with the job's id."""
    for job_id, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            yield job_id, step


def run_scripts(path: Path) -> list[str]:
    """The shell scripts of a workflow's run: steps."""
    return [step["run"] for _, step in steps(load_workflow(path)) if "run" in step]


def shell_commands(script: str) -> Iterator[list[str]]:
    """The simple commands of a script, each as its words (assignments dropped).

    A light reading of shell, enough for the short scripts of our workflows: a new command
    starts at each line, after | || && ; & ( and after if/then/else and the like.
    """
    script = script.replace("\\\n", " ")
    for line in script.splitlines():
        lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        words: list[str] = []
        # After $(( or a leading redirection (`} >> file`) come numbers and files, not a command.
        no_command = False
        for token in lexer:
            if token in COMMAND_SEPARATORS or (token in SHELL_KEYWORDS and not words):
                if words:
                    yield words
                words, no_command = [], False
            elif words:
                words.append(token)
            elif token == "((" or set(token) <= set("<>&"):
                no_command = True
            elif not no_command and not re.match(r"^[A-Za-z_]\w*=", token):
                words.append(token)  # (an assignment before a command is not the command)
        if words:
            yield words


def project_installs(script: str) -> Iterator[list[str]]:
    """The `pip install` commands of a script that install this project."""
    for words in shell_commands(script):
        installs = "pip" in words and "install" in words
        if installs and any(word in {".", "-e"} or word.startswith(".[") for word in words):
            yield words


def takes_constraints(words: list[str]) -> bool:
    """Whether a command's words hold `-c requirements/constraints.txt`."""
    return ["-c", CONSTRAINTS] in [words[i : i + 2] for i in range(len(words))]


def spec_of_cli() -> dict[str, dict[str, frozenset[str] | None]]:
    """The commands and options of `salesplan`, read from its click app:
    command -> {option: allowed values, or None for an option that takes any value or none}."""
    (group,) = {value for value in vars(cli).values() if isinstance(value, click.Group)}
    commands = {}
    for name, command in group.commands.items():
        options: dict[str, frozenset[str] | None] = {}
        for param in command.params:
            choices = param.type.choices if isinstance(param.type, click.Choice) else None
            for opt in [*param.opts, *param.secondary_opts]:
                options[opt] = frozenset(choices) if choices else None
        commands[name] = options
    return commands


def test_both_workflows_exist():
    names = {path.name for path in WORKFLOW_PATHS}
    assert {"check-pull-request.yml", "publish-site.yml"} <= names


@pytest.mark.parametrize("path", WORKFLOW_PATHS, ids=lambda p: p.name)
def test_workflow_is_well_formed(path):
    workflow = load_workflow(path)
    assert workflow["name"]
    assert workflow["on"], "a workflow needs triggers"
    assert workflow["permissions"] == {}, "jobs get permissions one by one, nothing by default"
    for job_id, job in workflow["jobs"].items():
        assert job["runs-on"], job_id
        assert job["timeout-minutes"] <= 30, job_id
        assert "permissions" in job, f"{job_id} must declare its permissions"


@pytest.mark.parametrize("path", WORKFLOW_PATHS, ids=lambda p: p.name)
def test_workflow_never_runs_untrusted_code_with_secrets(path):
    triggers = load_workflow(path)["on"]
    assert "pull_request_target" not in triggers
    assert "workflow_run" not in triggers


@pytest.mark.parametrize("path", WORKFLOW_PATHS, ids=lambda p: p.name)
def test_checkout_keeps_no_credentials(path):
    for job_id, step in steps(load_workflow(path)):
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False, job_id


@pytest.mark.parametrize("path", WORKFLOW_PATHS, ids=lambda p: p.name)
def test_actions_are_pinned_to_commits_with_their_version(path):
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^\s*(?:-\s+)?uses:\s*(\S+)(.*)$", line)
        if not match or match[1].startswith("./"):
            continue
        assert PINNED_USES.match(match[1]), f"not pinned to a full commit SHA: {line.strip()}"
        assert VERSION_COMMENT.search(match[2]), f"no # vX.Y.Z comment: {line.strip()}"


def test_each_action_is_pinned_to_one_commit_everywhere():
    pins: dict[str, set[str]] = {}
    for path in WORKFLOW_PATHS:
        for _, step in steps(load_workflow(path)):
            if "@" in step.get("uses", ""):
                action, commit = step["uses"].split("@")
                pins.setdefault(action, set()).add(commit)
    assert {action: commits for action, commits in pins.items() if len(commits) > 1} == {}


@pytest.mark.parametrize("path", WORKFLOW_PATHS, ids=lambda p: p.name)
def test_run_scripts_hold_no_expressions(path):
    # ${{ }} in a script is pasted in before the shell reads it: values go through env: instead.
    for script in run_scripts(path):
        assert "${{" not in script, script


@pytest.mark.parametrize("path", WORKFLOW_PATHS, ids=lambda p: p.name)
def test_run_scripts_call_only_commands_that_exist(path):
    test_extra = PYPROJECT["project"]["optional-dependencies"]["test"]
    test_tools = {re.match(r"[A-Za-z0-9_.-]+", requirement)[0] for requirement in test_extra}
    known = SHELL_BUILTINS | RUNNER_TOOLS | set(PYPROJECT["project"]["scripts"]) | test_tools
    for script in run_scripts(path):
        for words in shell_commands(script):
            assert words[0] in known, f"unknown command {words[0]!r} in {path.name}"
            if words[:2] == ["python", "-m"]:
                assert words[2] == "pip" or find_spec(words[2]), f"no module {words[2]}"


@pytest.mark.parametrize("path", WORKFLOW_PATHS, ids=lambda p: p.name)
def test_salesplan_calls_use_commands_and_options_that_exist(path):
    spec = spec_of_cli()
    calls = [words for script in run_scripts(path) for words in shell_commands(script)]
    calls = [words for words in calls if words[0] == "salesplan"]
    for words in calls:
        command, *args = words[1:]
        assert command in spec, f"salesplan has no command {command!r}"
        options = spec[command]
        for index, arg in enumerate(args):
            name, _, value = arg.partition("=")
            if not name.startswith("--"):
                continue
            assert name in options, f"salesplan {command} has no option {name}"
            value = value or (args[index + 1] if index + 1 < len(args) else "")
            if options[name] is not None:
                assert value in options[name], f"salesplan {command} {name} {value}: no such"


@pytest.mark.parametrize("path", WORKFLOW_PATHS, ids=lambda p: p.name)
def test_salesplan_is_installed_from_the_constraints_file(path):
    installs = [words for script in run_scripts(path) for words in project_installs(script)]
    assert installs, f"{path.name} does not install salesplan"
    for words in installs:
        assert takes_constraints(words), f"{' '.join(words)} does not take {CONSTRAINTS}"
    assert (ROOT / CONSTRAINTS).is_file()
    for _, step in steps(load_workflow(path)):
        if step.get("with", {}).get("cache") == "pip":  # a new pin, a new cache
            assert step["with"]["cache-dependency-path"] == CONSTRAINTS, step["name"]


def test_pull_requests_are_validated_summarised_and_previewed():
    workflow = load_workflow(WORKFLOWS_DIR / "check-pull-request.yml")
    scripts = "\n".join(run_scripts(WORKFLOWS_DIR / "check-pull-request.yml"))
    assert "salesplan validate --format github" in scripts
    assert "salesplan validate --format markdown" in scripts
    assert "$GITHUB_STEP_SUMMARY" in scripts
    assert "salesplan build" in scripts
    assert "salesplan diff" in scripts and "git merge-base" in scripts
    assert "python -m pytest" in scripts
    assert workflow["concurrency"]["cancel-in-progress"] is True
    uploads = [
        step["with"]["name"] for _, step in steps(workflow) if "upload-artifact" in str(step)
    ]
    assert "site-preview" in uploads
    # The preview opens from its folder, and the summary links to it and to each problem's line.
    assert "salesplan build --offline" in scripts
    assert '--source-url "$SOURCE_URL"' in scripts
    (preview,) = [s for _, s in steps(workflow) if s.get("with", {}).get("name") == "site-preview"]
    (link,) = [s for _, s in steps(workflow) if "PREVIEW_URL" in s.get("env", {})]
    assert link["env"]["PREVIEW_URL"] == f"${{{{ steps.{preview['id']}.outputs.artifact-url }}}}"
    assert "$PREVIEW_URL" in link["run"] and "$GITHUB_STEP_SUMMARY" in link["run"]


def test_publishing_deploys_with_least_privilege():
    workflow = load_workflow(WORKFLOWS_DIR / "publish-site.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["concurrency"]["group"]
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    checkout = next(
        s for _, s in steps(workflow) if s.get("uses", "").startswith("actions/checkout")
    )
    assert checkout["with"]["fetch-depth"] == 0, "the history pages need the whole history"
    for _, step in steps(workflow):
        # A cache written by another run must not be able to change what is published.
        assert "cache" not in step.get("with", {}), step.get("name")
    used = {step.get("uses", "").split("@")[0] for _, step in steps(workflow)}
    assert {"actions/upload-pages-artifact", "actions/deploy-pages"} <= used


@pytest.mark.parametrize("path", WORKFLOW_PATHS, ids=lambda p: p.name)
def test_files_named_by_workflows_exist(path):
    for _, step in steps(load_workflow(path)):
        dependency_path = step.get("with", {}).get("cache-dependency-path")
        if dependency_path:
            assert (ROOT / dependency_path).is_file(), dependency_path
        if step.get("uses", "").startswith("./"):
            assert (ROOT / step["uses"]).is_dir(), step["uses"]
    for script in run_scripts(path):
        for words in shell_commands(script):
            for word in words:
                if re.match(r"^(\./|scripts/)|\.(sh|bash|py)$", word):
                    assert (ROOT / word).is_file(), f"{path.name} runs missing {word}"


def summary_step_script() -> str:
    workflow = load_workflow(WORKFLOWS_DIR / "check-pull-request.yml")
    return next(s["run"] for _, s in steps(workflow) if "GITHUB_STEP_SUMMARY" in s.get("run", ""))


@pytest.mark.parametrize(
    ("report_bytes", "validator_exit", "step_exit"),
    [(2_000, 0, 0), (2_000, 1, 0), (3 * 1024 * 1024, 1, 0), (0, 2, 2)],
    ids=["valid", "invalid", "invalid-and-huge", "usage-error"],
)
def test_summary_step_stays_under_the_limit_and_keeps_failures(
    tmp_path, report_bytes, validator_exit, step_exit
):
    # A stand-in for salesplan: prints report_bytes of table rows, exits validator_exit.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    row = "| plans/东区.md | 42 | error | type | 目标必须是数字 |\n"
    fake = bin_dir / "salesplan"
    fake.write_text(
        f"#!/usr/bin/env python3\nimport sys\n"
        f"sys.stdout.buffer.write({row.encode()!r} * ({report_bytes} // {len(row.encode())}))\n"
        f"sys.exit({validator_exit})\n",
        encoding="utf-8",
    )
    fake.chmod(0o755)
    summary = tmp_path / "summary.md"
    env = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "RUNNER_TEMP": str(tmp_path),
        "GITHUB_STEP_SUMMARY": str(summary),
    }
    # GitHub runs run: scripts with `bash -e {0}`.
    done = subprocess.run(
        ["bash", "-e", "-c", summary_step_script()], env=env, capture_output=True, check=False
    )
    assert done.returncode == step_exit, done.stderr
    if step_exit:
        return
    written = summary.read_bytes()
    assert len(written) < 1024 * 1024
    text = written.decode("utf-8")  # truncation never splits a character
    assert text.startswith(row)
    if report_bytes > 1024 * 1024:
        assert "Truncated" in text
        assert all(line.endswith("|") for line in text.splitlines()[:-3] if line)
    else:
        assert "Truncated" not in text


def changes_step_script() -> str:
    workflow = load_workflow(WORKFLOWS_DIR / "check-pull-request.yml")
    return next(s["run"] for _, s in steps(workflow) if "salesplan diff" in s.get("run", ""))


CHANGES_PLAN = """\
---
schema: 1
id: east-1
team: 东区一组
manager: wang
period: {name: 2023年第三季度, start: 2023-07-01, end: 2023-09-30}
members:
  - {id: wang, name: 王经理}
goals:
  - id: revenue
    dimension: revenue
    metric: 月销售额
    unit: 万元
    baseline: 80
    target: 120
---
"""


def test_changes_step_summarises_the_pull_request_and_flags_a_lowered_target(git_repo, tmp_path):
    # A pull request that lowers a target, on a base branch that moved on meanwhile, merged
    # as GitHub does for a pull_request run: HEAD^1 is the base, HEAD^2 the head.
    repo = git_repo
    repo.write("mkdocs.yml", "site_name: Plans\ntheme:\n  name: material\n  language: zh\n")
    repo.write("docs/index.md", "# Plans\n")
    repo.write("plans/east-1.md", CHANGES_PLAN)
    repo.write("plans/south-1.md", CHANGES_PLAN.replace("east-1", "south-1"))
    repo.commit("计划")
    repo.git("switch", "-q", "-c", "lower-target")
    repo.write("plans/east-1.md", CHANGES_PLAN.replace("target: 120", "target: 100"))
    repo.commit("东区一组：目标下调")
    repo.git("switch", "-q", "main")
    repo.write("plans/south-1.md", CHANGES_PLAN.replace("east-1", "south-1").replace("80", "70"))
    repo.commit("南区一组：基准修正")  # the base branch moved on
    repo.git("merge", "-q", "--no-ff", "--no-edit", "lower-target")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    stand_in = bin_dir / "salesplan"  # this checkout's salesplan, whatever is installed
    stand_in.write_text(
        f"#!{sys.executable}\nimport sys\nsys.path.insert(0, {str(ROOT)!r})\n"
        "from generator.cli import main\nmain()\n",
        encoding="utf-8",
    )
    stand_in.chmod(0o755)
    summary = tmp_path / "summary.md"
    env = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "RUNNER_TEMP": str(tmp_path),
        "GITHUB_STEP_SUMMARY": str(summary),
    }
    env.pop("SALESPLAN_LANG", None)
    done = subprocess.run(
        ["bash", "-e", "-c", changes_step_script()],
        cwd=repo.path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    line = CHANGES_PLAN.splitlines().index("    target: 120") + 1
    assert done.stdout.startswith(
        f"::warning file=plans/east-1.md,line={line},col=13,title=target-lowered::"
        "目标「月销售额 (revenue)」的目标值下调：120 万元 → 100 万元，-20 万元（-16.7%25）\n"
    )
    text = summary.read_text("utf-8")
    base = repo.git("merge-base", "HEAD^1", "HEAD^2")[:7]
    head = repo.git("rev-parse", "--short=7", "HEAD^2")
    assert text.startswith(f"### 📝 计划变更（{base} → {head}）：1 个计划有变更\n")
    assert "| ✏️ | 业绩目标 | 月销售额 (revenue) | 目标值 | 120 万元 | 100 万元 |" in text
    assert "south-1" not in text and "南区" not in text  # the base's own change is not shown


def test_zizmor_finds_nothing_of_medium_severity_or_above():
    zizmor = shutil.which("zizmor")
    assert zizmor, "zizmor is not installed: python3 -m pip install -e '.[test]'"
    done = subprocess.run(
        [
            *(zizmor, "--offline", "--no-exit-codes", "--format=json", "--collect=all"),
            *(".github", ".pre-commit-config.yaml", ".pre-commit-hooks.yaml"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    serious = [
        f"{finding['ident']}: {finding['desc']} at "
        + ", ".join(
            f"{loc['symbolic']['key']['Local']['verbatim_path']}:"
            f"{loc['concrete']['location']['start_point']['row'] + 1}"
            for loc in finding["locations"]
        )
        for finding in json.loads(done.stdout)
        if finding["determinations"]["severity"] in {"Medium", "High"}
    ]
    assert serious == []


def test_pre_commit_hook_validates_plans():
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "salesplan-validate"
    assert hook["entry"] == "salesplan validate"
    assert hook["language"] == "python"
    assert hook["files"] == r"^plans/.*\.md$"
    files, exclude = re.compile(hook["files"]), re.compile(hook["exclude"])
    for path in ["plans/east-1.md", "plans/east/east-shanghai-2023q3.md"]:
        assert files.search(path) and not exclude.search(path), path
    for path in ["plans/_template.md", "plans/east/_draft.md"]:
        assert exclude.search(path), path
    assert not files.search("docs/index.md")
    assert "validate" in spec_of_cli()


def test_own_pre_commit_config_uses_the_hook_and_ruff():
    manifest = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert {"salesplan-validate", "ruff-check", "ruff-format"} <= set(hooks)
    for key in ("entry", "files", "exclude"):
        assert hooks["salesplan-validate"][key] == manifest[0][key], key


def test_the_teams_are_told_after_the_deploy_with_issues_write_only(tmp_path):
    workflow = load_workflow(WORKFLOWS_DIR / "publish-site.yml")
    job = workflow["jobs"]["notify"]
    # after whichever deploy ran (GitHub Pages, or the internal server), never after a failure
    assert job["needs"] == ["deploy", "deploy-internal"]
    assert job["if"] == "${{ !failure() && !cancelled() }}"
    assert job["permissions"] == {"issues": "write"}
    check, *rest = job["steps"]
    assert all(step["if"].startswith("steps.configured.outputs.enabled == 'true'") for step in rest)
    scripts = [step["run"] for step in rest if "run" in step]
    assert "salesplan notify --issues" in scripts
    for step in job["steps"]:  # secrets reach only the steps that need them, through env:
        assert "secrets." not in json.dumps({k: v for k, v in step.items() if k != "env"})
    # Without any secret the job does nothing, quietly; with one, it notifies.
    for env, enabled in [({}, False), ({"SALESPLAN_DINGTALK_WEBHOOK": "https://x"}, True)]:
        output = tmp_path / "output"
        output.write_text("")
        names = ["SALESPLAN_WECOM_WEBHOOK", "SALESPLAN_FEISHU_WEBHOOK", "SALESPLAN_ISSUES"]
        blank = dict.fromkeys([*names, "SALESPLAN_DINGTALK_WEBHOOK"], "")
        run_env = {**os.environ, **blank, **env, "GITHUB_OUTPUT": str(output)}
        done = subprocess.run(["bash", "-e", "-c", check["run"]], env=run_env, check=False)
        assert done.returncode == 0
        assert ("enabled=true" in output.read_text()) is enabled


# The workflows of the browser path: the command each runs and its positional arguments.
RECORD_WORKFLOWS = {
    "record-checkin.yml": ("checkin", ["plan", "task"]),
    "record-actual.yml": ("actual", ["plan", "goal"]),
}


@pytest.mark.parametrize("name", sorted(RECORD_WORKFLOWS))
def test_recording_from_the_browser_opens_a_pull_request_with_least_privilege(name):
    workflow = load_workflow(WORKFLOWS_DIR / name)
    assert set(workflow["on"]) == {"workflow_dispatch"}
    inputs = workflow["on"]["workflow_dispatch"]["inputs"]
    (job,) = workflow["jobs"].values()
    assert job["permissions"] == {"contents": "write", "pull-requests": "write"}
    uses = [step.get("uses", "").split("@")[0] for step in job["steps"]]
    assert "peter-evans/create-pull-request" in uses
    record = next(step for step in job["steps"] if "salesplan" in step.get("run", ""))
    # every input of the form reaches the script through the environment, and only there
    passed = set(record["env"].values())
    assert passed == {f"${{{{ inputs.{key} }}}}" for key in inputs}
    command, _ = RECORD_WORKFLOWS[name]
    assert f"salesplan {command} " in record["run"]


@pytest.mark.parametrize("name", sorted(RECORD_WORKFLOWS))
def test_form_values_reach_the_command_as_values_never_as_script(tmp_path, name):
    # A stand-in salesplan that records the arguments it was given.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "salesplan"
    fake.write_text(
        "#!/usr/bin/env python3\nimport json, os, sys\n"
        "open(os.environ['ARGS_FILE'], 'w').write(json.dumps(sys.argv[1:]))\nprint('recorded')\n",
        encoding="utf-8",
    )
    fake.chmod(0o755)
    workflow = load_workflow(WORKFLOWS_DIR / name)
    (job,) = workflow["jobs"].values()
    record = next(step for step in job["steps"] if "salesplan" in step.get("run", ""))
    hostile = '$(touch pwned) `touch pwned` "; touch pwned; echo " 进展: 拜访5家'
    env = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "RUNNER_TEMP": str(tmp_path),
        "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"),
        "ARGS_FILE": str(tmp_path / "args.json"),
    }
    env.update({variable: hostile for variable in record["env"]})
    done = subprocess.run(
        ["bash", "-e", "-c", record["run"]], env=env, cwd=tmp_path, capture_output=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert not (tmp_path / "pwned").exists()
    args = json.loads((tmp_path / "args.json").read_text(encoding="utf-8"))
    command, positional = RECORD_WORKFLOWS[name]
    assert args[0] == command and args[1 : 1 + len(positional)] == [hostile] * len(positional)
    assert all(arg == hostile for arg in args[1:] if not arg.startswith("--"))
    assert "recorded" in (tmp_path / "summary.md").read_text(encoding="utf-8")


# --- publishing to an internal web server (docs/publishing-privately.md) -----------------------


def internal_deploy_job() -> dict:
    return load_workflow(WORKFLOWS_DIR / "publish-site.yml")["jobs"]["deploy-internal"]


def test_the_site_goes_either_to_pages_or_to_the_internal_server():
    jobs = load_workflow(WORKFLOWS_DIR / "publish-site.yml")["jobs"]
    internal = jobs["deploy-internal"]
    assert jobs["deploy"]["if"] == "vars.SALESPLAN_DEPLOY_TARGET == ''"
    assert internal["if"] == "vars.SALESPLAN_DEPLOY_TARGET != ''"
    assert internal["needs"] == "build"
    # a runner inside the company network, chosen by its own label; it gets no token rights
    assert internal["runs-on"] == ["self-hosted", "salesplan-publish"]
    assert internal["permissions"] == {}
    assert internal["environment"] == "internal-server"
    (get, copy) = internal["steps"]
    assert get["uses"].startswith("actions/download-artifact@")
    assert get["with"]["name"] == "github-pages"  # what the build uploaded for Pages
    # the key reaches the copying step only, through env:
    assert copy["env"]["SSH_KEY"] == "${{ secrets.SALESPLAN_DEPLOY_SSH_KEY }}"
    assert "secrets." not in json.dumps({k: v for k, v in get.items()})
    assert "StrictHostKeyChecking=yes" in copy["run"] and "--delete" in copy["run"]


def _stand_in_rsync(bin_dir: Path, record: Path) -> None:
    """An rsync that records its arguments, and the key file and site as it found them."""
    fake = bin_dir / "rsync"
    fake.write_text(
        f"#!{sys.executable}\n"
        "import json, os, re, stat, sys\n"
        "args = sys.argv[1:]\n"
        "shell = args[args.index('-e') + 1]\n"
        "key = re.search(r'-i (\\S+)', shell).group(1)\n"
        "hosts = re.search(r'UserKnownHostsFile=(\\S+)', shell).group(1)\n"
        "site = args[-2]\n"
        "json.dump({'args': args, 'key': key, 'key_text': open(key).read(),\n"
        "  'key_mode': stat.S_IMODE(os.stat(key).st_mode), 'hosts_text': open(hosts).read(),\n"
        "  'site': sorted(os.listdir(site))}, open(os.environ['RECORD'], 'w'))\n"
        "sys.exit(int(os.environ.get('RSYNC_EXIT', '0')))\n",
        encoding="utf-8",
    )
    fake.chmod(0o755)


@pytest.mark.parametrize("rsync_exit", [0, 23], ids=["copied", "rsync-failed"])
def test_the_copy_step_checks_the_host_and_leaves_no_key_behind(tmp_path, rsync_exit):
    import tarfile

    (copy,) = [step for step in internal_deploy_job()["steps"] if "run" in step]
    runner_temp = tmp_path / "runner"
    (runner_temp / "pages").mkdir(parents=True)
    page = tmp_path / "index.html"
    page.write_text("<h1>计划</h1>", encoding="utf-8")
    with tarfile.open(runner_temp / "pages" / "artifact.tar", "w") as tar:
        tar.add(page, arcname="./index.html")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    record = tmp_path / "record.json"
    _stand_in_rsync(bin_dir, record)
    key_text = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbn\n-----END OPENSSH PRIVATE KEY-----"
    env = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "RUNNER_TEMP": str(runner_temp),
        "RECORD": str(record),
        "RSYNC_EXIT": str(rsync_exit),
        "SSH_KEY": key_text,
        "KNOWN_HOSTS": "intranet-web ssh-ed25519 AAAAC3Nza",
        "TARGET": "salesplan@intranet-web:/srv/www/plans/",
    }
    done = subprocess.run(
        ["bash", "-e", "-c", copy["run"]], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == rsync_exit, done.stderr
    seen = json.loads(record.read_text(encoding="utf-8"))
    assert seen["key_text"] == key_text + "\n" and seen["key_mode"] == 0o600
    assert seen["hosts_text"] == "intranet-web ssh-ed25519 AAAAC3Nza\n"
    assert seen["site"] == ["index.html"]  # the built site, unpacked from the Pages artifact
    assert seen["args"][-1] == "salesplan@intranet-web:/srv/www/plans/"
    assert seen["args"][-2].endswith("/site/")  # the folder's content, not the folder
    assert not Path(seen["key"]).exists(), "the private key was left on the runner"
    assert key_text not in done.stdout + done.stderr
