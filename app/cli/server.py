"""``fangtan server``: set up a PostgreSQL database as a team's project, upgrade it, and
give people their accounts."""

import argparse
import getpass
import sys
from collections.abc import Callable

from app.cli.output import print_json
from app.project import parse_address
from app.server.errors import ServerRoleError

EXIT_OK = 0


def register(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    server = commands.add_parser(
        "server",
        help="set up and run a team's project on a PostgreSQL server",
        description=(
            "A team's project is one PostgreSQL database (postgresql://user@host/dbname). "
            "The lead sets it up once with init, upgrades it after a new version of "
            "Fangtan, and gives each person a login of their own with add-user."
        ),
    )
    actions = server.add_subparsers(dest="server_command", metavar="ACTION", required=True)
    init = actions.add_parser(
        "init", help="create the schema, the default codebook and the roles in an empty database"
    )
    init.add_argument("url", metavar="URL")
    init.add_argument("--json", action="store_true", help="print a JSON object")
    upgrade = actions.add_parser("upgrade", help="bring the database to this version's schema")
    upgrade.add_argument("url", metavar="URL")
    upgrade.add_argument("--json", action="store_true", help="print a JSON object")
    add_user = actions.add_parser(
        "add-user",
        help="give NAME a login as an annotator or a lead",
        description=(
            "Creates the PostgreSQL role NAME (or takes the existing one) and makes it an "
            "annotator (changes only their own work) or a lead (changes everything). "
            "Needs a login allowed to create roles."
        ),
    )
    add_user.add_argument("url", metavar="URL")
    add_user.add_argument("name", metavar="NAME")
    add_user.add_argument("--role", choices=("annotator", "lead"), default="annotator")
    add_user.add_argument(
        "--ask-password",
        action="store_true",
        help="ask on the terminal for NAME's password (sent to the server, which keeps a hash)",
    )


def handlers() -> dict[str, Callable[[argparse.Namespace], int]]:
    return {"server": _server}


def _server(arguments: argparse.Namespace) -> int:
    from app.server.admin import add_user, init_server, upgrade_server

    arguments.project = arguments.url  # named in the password prompt
    address = parse_address(arguments.url)
    if arguments.server_command == "add-user":
        password = (
            _new_password(address.shown(), arguments.name) if arguments.ask_password else None
        )
        add_user(address, arguments.name, arguments.role, password)
        print(
            f"{arguments.name} is now {'a lead' if arguments.role == 'lead' else 'an annotator'}"
            f" of {address.shown()}"
        )
        return EXIT_OK
    action = init_server if arguments.server_command == "init" else upgrade_server
    report = action(address)
    if arguments.json:
        print_json(
            {
                "location": report.location,
                "revision": report.revision,
                "previous": report.previous,
                "changed": report.changed,
            }
        )
    elif arguments.server_command == "init":
        print(f"set up {report.location} at schema {report.revision}")
    elif report.changed:
        print(f"upgraded {report.location} from schema {report.previous} to {report.revision}")
    else:
        print(f"{report.location} is already at schema {report.revision}; nothing to do")
    return EXIT_OK


def _new_password(shown: str, name: str) -> str:
    if not sys.stdin.isatty():
        raise ServerRoleError(path=shown, detail="--ask-password needs a terminal")
    first = getpass.getpass(f"Password for {name}: ")
    if getpass.getpass("Again: ") != first:
        raise ServerRoleError(path=shown, detail="the two passwords differ")
    return first
