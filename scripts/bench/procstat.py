"""What the load and memory scripts read about a process from /proc (Linux)."""


def rss_kib(pid):
    """The resident set size of process `pid` in KiB; 0 when it has gone."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except FileNotFoundError:
        pass
    return 0
