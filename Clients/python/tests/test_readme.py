"""The Python snippets of README.md and Clients/python/README.md work as pasted, run from the
repository root (where they say they run), against the test server."""

import os
import re
import subprocess
import sys

import pytest

from conftest import REPO_ROOT

SNIPPETS = [
    ("README.md", "## From Python and C"),
    (os.path.join("Clients", "python", "README.md"), "## Five lines"),
]


def first_python_block(path, heading):
    with open(os.path.join(REPO_ROOT, path), encoding="utf-8") as f:
        text = f.read()
    section = text[text.index(heading):]
    match = re.search(r"```python\n(.*?)```", section, re.S)
    assert match, "no python block under %r in %s" % (heading, path)
    return match.group(1)


@pytest.mark.parametrize("path,heading", SNIPPETS)
def test_snippet_runs_as_pasted_from_the_repository_root(server, path, heading):
    code = first_python_block(path, heading)
    assert 'Client("127.0.0.1", 7450' in code
    # Only the port differs: the test server listens on an ephemeral one.
    code = code.replace('Client("127.0.0.1", 7450', 'Client("127.0.0.1", %d' % server.port)
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 2, result.stdout  # sentences=2
    with open(os.path.join(REPO_ROOT, "examples", "article.txt"), encoding="utf-8") as f:
        article = f.read()
    for line in lines:  # each printed sentence (maybe after its span) is from the article
        assert line.split(" ", 2)[-1] in article or line in article
