"""pty_run.py OUT [VAR=VALUE...] -- COMMAND...: runs COMMAND with its
standard output (and input and error) on a pseudo-terminal, its bytes saved
to OUT, and exits with COMMAND's status. The environment is ours with
NO_COLOR and FORCE_COLOR removed, then the VAR=VALUE given."""
import os
import pty
import sys

out = sys.argv[1]
i = sys.argv.index("--")
env = dict(os.environ)
env.pop("NO_COLOR", None)
env.pop("FORCE_COLOR", None)
for kv in sys.argv[2:i]:
    k, v = kv.split("=", 1)
    env[k] = v
argv = sys.argv[i + 1:]
pid, fd = pty.fork()
if pid == 0:
    os.execvpe(argv[0], argv, env)
data = b""
while True:
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        break
    if not chunk:
        break
    data += chunk
_, status = os.waitpid(pid, 0)
open(out, "wb").write(data)
sys.exit(os.waitstatus_to_exitcode(status) if hasattr(os, "waitstatus_to_exitcode")
         else (status >> 8))
