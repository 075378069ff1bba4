"""Helper processes forked from a build, and what each sends back when it is done.

Used by shares.py: each helper carries on through MkDocs' build from where it was forked, then
sends one report (anything picklable: its pages' search entries, its log records, its error)
through a pipe and ends. A helper never returns into its caller's code: it ends at `send`, it
is killed when the parent ends however the parent ends (prctl's parent-death signal, and the
parent's atexit), and Ctrl-C or a TERM signal end it outright rather than as an exception.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import gc
import logging
import os
import pickle
import signal

_PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent ends
_in_helper = False  # set in a helper process, for its whole life


def in_helper() -> bool:
    """Whether this process is a build's helper (it must end, never return to a command)."""
    return _in_helper


class KeptLog(logging.Handler):
    """Keeps a helper's log records for the parent, which logs them (and counts warnings)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.records.append((record.name, record.levelno, record.getMessage()))
        except Exception:  # a malformed log call: reported as logging reports it
            self.handleError(record)


class Helpers:
    """The helpers of one build: forked by `fork`, heard by `receive`, ended by `stop`."""

    def __init__(self) -> None:
        self._helpers: list[tuple[int, int]] = []  # (pid, read end of its pipe), in order
        self._pipe: int | None = None  # in a helper: the write end of its pipe
        self.log = KeptLog()

    @property
    def helper(self) -> bool:
        """Whether this process is one of the helpers."""
        return self._pipe is not None

    def fork(self, count: int) -> int:
        """Fork `count` helpers; returns which process this is (0: the parent, 1…count: a
        helper, its log kept for the parent). OSError when the system cannot fork (those
        forked already are stopped)."""
        global _in_helper
        parent = os.getpid()
        # What every process keeps for the whole build (the plans, their figures) is left out
        # of the garbage collector's walks from here on: they no longer walk it again and
        # again, and a helper does not copy its pages by touching it.
        gc.freeze()
        try:
            for number in range(1, count + 1):
                read, write = os.pipe()
                try:
                    pid = os.fork()
                except OSError:
                    os.close(read)
                    os.close(write)
                    raise
                if pid == 0:
                    _in_helper = True
                    os.close(read)
                    for _, other in self._helpers:
                        os.close(other)
                    self._helpers, self._pipe = [], write
                    _end_with(parent)
                    self._keep_log()
                    return number
                os.close(write)
                self._helpers.append((pid, read))
        except OSError:
            self.stop()
            raise
        atexit.register(self.stop)  # the parent ends (Ctrl-C, an error): so do its helpers
        return 0

    def _keep_log(self) -> None:
        """Every record of the helper kept once, for the parent (MkDocs' logger passes its
        records up to the root's handler)."""
        for name in ("", "mkdocs"):
            logger = logging.getLogger(name)
            for handler in list(logger.handlers):
                logger.removeHandler(handler)
        logging.getLogger("mkdocs").propagate = True
        logging.getLogger().addHandler(self.log)

    def send(self, report: object, failed: bool = False) -> None:
        """In a helper: send the parent `report`, then end the process."""
        assert self._pipe is not None
        code = 1 if failed else 0
        try:
            data = pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(self._pipe, "wb") as pipe:
                pipe.write(data)
        except BaseException:  # the parent sees a helper that said nothing: it fails the build
            code = 1
        finally:
            os._exit(code)

    def receive(self) -> list[tuple[object | None, str]]:
        """In the parent: each helper's report once it ended, in order, with how it ended when
        it sent none (its report None); every helper is reaped whatever happens."""
        received: list[tuple[object | None, str]] = []
        try:
            for pid, read in list(self._helpers):
                with os.fdopen(read, "rb") as pipe:
                    data = pipe.read()
                _, status = os.waitpid(pid, 0)
                self._helpers.remove((pid, read))
                try:
                    report = pickle.loads(data) if data else None
                except Exception:  # cut short: the helper died while writing it
                    report = None
                received.append((report, "" if report is not None else _ended(pid, status)))
        finally:
            self.stop()
        return received

    def stop(self) -> None:
        """In the parent: end the helpers still running (the build failed, or is ending), and
        give what `fork` froze back to the garbage collector (a process may build again)."""
        gc.unfreeze()
        helpers, self._helpers = self._helpers, []
        for pid, read in helpers:
            with contextlib.suppress(ProcessLookupError, ChildProcessError):
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            with contextlib.suppress(OSError):
                os.close(read)


def _ended(pid: int, status: int) -> str:
    """How a helper that sent no report ended (a signal 9 is often the system out of memory)."""
    if os.WIFSIGNALED(status):
        return f"process {pid}: killed by signal {os.WTERMSIG(status)}"
    return f"process {pid}: exit code {os.waitstatus_to_exitcode(status)}, no report"


def _end_with(parent: int) -> None:
    """In a helper: killed when the parent process ends; Ctrl-C and TERM end it outright (the
    default actions), never as an exception that would unwind into the caller's code."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # no prctl: the parent's atexit still stops it
        pass
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if os.getppid() != parent:  # the parent ended before prctl took effect
        os._exit(1)
