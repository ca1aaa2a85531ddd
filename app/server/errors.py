"""Errors of server projects (opening, set-up, accounts, refusals) and of copying a
project between a file and a server, each with a one-line message (translated in the
window like those of app.errors)."""

from app.errors import QT_TRANSLATE_NOOP, FangtanError, ProjectStorageError


class ServerAddressError(FangtanError):
    template = QT_TRANSLATE_NOOP("Errors", "{path} is not a server address ({detail}).")


class ServerUnreachableError(FangtanError):
    template = QT_TRANSLATE_NOOP("Errors", "Cannot connect to {path}: {detail}")


class ServerPasswordNeededError(ServerUnreachableError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "{path} asks for a password: give it when asked, or put it in your .pgpass file.",
    )


class ServerNotSetUpError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "{path} is an empty database, not yet a Fangtan project: "
        "the lead sets it up with fangtan server init.",
    )


class ServerAlreadySetUpError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "{path} is already set up (schema {revision}); nothing was changed."
    )


class ServerBackupsError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "{path} is a server project: its backups are made on the server (pg_dump), not by Fangtan.",
    )


class ServerRoleError(FangtanError):
    template = QT_TRANSLATE_NOOP("Errors", "Cannot give an account on {path}: {detail}")


class ServerNeedsUpgradeError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "{path} uses an older schema ({revision}): the lead upgrades it with "
        "fangtan server upgrade. Nothing was changed.",
    )


class ServerRefusedError(ProjectStorageError):
    template = QT_TRANSLATE_NOOP("Errors", "The server refused this change: {detail}")


class CopySourceEmptyError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "{path} is empty: there is no project in it to copy. Nothing was copied."
    )


class CopyTargetExistsError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "{path} already exists: a project is copied into a new file only. Nothing was copied.",
    )


class CopyTargetNotEmptyError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "{path} is not an empty database: a project is copied into an empty one only. "
        "Nothing was copied.",
    )


class CopyNeedsLeadError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "Copying {path} needs a lead's login: an annotator does not see everyone's work. "
        "Nothing was copied.",
    )


class CopyMismatchError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "The copy in {path} did not match its source ({detail}), so it was not kept.",
    )


class CopyFailedError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "Copying the project to {path} failed ({detail}). Nothing was copied."
    )
