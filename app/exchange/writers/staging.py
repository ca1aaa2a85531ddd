"""Write every file of an export beside its final place and move them in only at the end.

A failed or cancelled export leaves nothing behind: no half-written file, no folder it
created, and any file it would have replaced untouched.
"""

import os
import shutil
import tempfile
from contextlib import suppress
from pathlib import Path
from types import TracebackType

from app.errors import ExportTargetError


def target_error(path: Path, error: OSError) -> ExportTargetError:
    return ExportTargetError(path=str(path), detail=error.strerror or str(error))


def _read_umask() -> int:
    mask = os.umask(0)  # the only way to read it; done once, at import, before any thread
    os.umask(mask)
    return mask


_UMASK = _read_umask()


def _usual_permissions(path: Path) -> None:
    """Give a temporary file the permissions a newly created file would have (not 0600)."""
    with suppress(OSError):  # a file system without permissions keeps its own
        path.chmod(0o666 & ~_UMASK)


class Staging:
    def __init__(self) -> None:
        self._pending: list[tuple[Path, Path]] = []  # (temporary, final)
        self._created_folders: list[Path] = []
        self.written: list[Path] = []

    def folder(self, path: Path) -> Path:
        """Make sure the folder ``path`` exists (its parent must); removed again on failure."""
        path = Path(path)
        if path.is_dir():
            return path
        try:
            path.mkdir()
        except OSError as error:
            raise target_error(path, error) from error
        self._created_folders.append(path)
        return path

    def file(self, final: Path) -> Path:
        """A temporary path to write ``final``'s content to."""
        final = Path(final)
        directory = final.parent if str(final.parent) else Path(".")
        try:
            handle, temporary = tempfile.mkstemp(
                prefix=f".{final.name}.", suffix=".part", dir=directory
            )
        except OSError as error:
            raise target_error(final, error) from error
        os.close(handle)
        _usual_permissions(Path(temporary))
        self._pending.append((Path(temporary), final))
        return Path(temporary)

    def commit(self) -> None:
        for temporary, final in self._pending:
            try:
                os.replace(temporary, final)
            except OSError as error:
                raise target_error(final, error) from error
            self.written.append(final)
        self._pending.clear()
        self._created_folders.clear()

    def discard(self) -> None:
        for temporary, _final in self._pending:
            temporary.unlink(missing_ok=True)
        self._pending.clear()
        for folder in reversed(self._created_folders):
            shutil.rmtree(folder, ignore_errors=True)
        self._created_folders.clear()

    def __enter__(self) -> "Staging":
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if kind is None:
            try:
                self.commit()
            except BaseException:
                self.discard()
                raise
        else:
            self.discard()
