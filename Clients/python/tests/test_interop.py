"""Runs the standalone interop script (malformed frames, HTTP probe, versions, SIGTERM) so its
checks are part of the pytest run."""

import os
import subprocess
import sys

from conftest import PACKAGE_ROOT, precisd_path


def test_interop_script_passes():
    script = os.path.join(PACKAGE_ROOT, "test_interop.py")
    result = subprocess.run([sys.executable, script, "--precisd", precisd_path()],
                            capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert result.stdout.rstrip().endswith("passed, 0 failed")
