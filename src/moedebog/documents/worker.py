"""A reading worker (see ``documents.parallel``): file paths in on stdin, readings out on stdout.

Run as ``python -m moedebog.documents.worker MODULE:FUNCTION``. Both streams carry pickles, one
per file, answered in the order asked; the first answer is ``"ready"``, sent once the reader is
imported, so the parent can tell a worker that cannot start from a file that kills its worker.
Native libraries that print to the process's standard output are sent to standard error, so
nothing but answers ever reaches the parent's pipe. Only the parent's own code is unpickled here
(paths), and only this worker's readings are unpickled there.
"""

from __future__ import annotations

import importlib
import os
import pickle
import signal
import sys
from collections.abc import Callable

from moedebog.documents.parallel import ParsedFile

READY = "ready"


def load_reader(reference: str) -> Callable[[str], ParsedFile]:
    module_name, _, name = reference.partition(":")
    return getattr(importlib.import_module(module_name), name)


def serve(reader: Callable[[str], ParsedFile]) -> int:
    # Ctrl-C on the terminal reaches the whole process group: the parent stops the import and
    # closes our stdin, which ends this loop; a worker of its own would only print a traceback
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # a library's prints go to stderr, never into the answers
    sys.stdout = sys.stderr
    requests = sys.stdin.buffer
    pickle.dump(READY, answers)
    answers.flush()
    while True:
        try:
            path = pickle.load(requests)
        except EOFError:  # the parent is done (or gone)
            return 0
        try:
            parsed = reader(path)
        except Exception as exc:  # a reader bug: this file fails, the worker goes on
            parsed = ParsedFile(path, error=f"intern fejl i læseren ({type(exc).__name__})")
        pickle.dump(parsed, answers, protocol=pickle.HIGHEST_PROTOCOL)
        answers.flush()


if __name__ == "__main__":
    sys.exit(serve(load_reader(sys.argv[1])))
