"""A command-line command beside a FastAPI app, written with Typer.

FastAPI has no management commands, and the `fastapi` CLI only serves apps (`fastapi dev`,
`fastapi run`). Teams put their own commands in a Typer or Click script like this one.
Run: python cli_command.py greet Ada --shout
"""

from typing import Annotated

import typer
from fastapi import FastAPI

app = FastAPI()  # served by `fastapi dev cli_command.py`; the commands below do not need it running
cli = typer.Typer()


# With a callback, Typer expects a command name (`greet`) even while there is only one command.
@cli.callback()
def main() -> None:
    """Commands for the app."""


@cli.command()
def greet(
    name: str,
    shout: Annotated[bool, typer.Option(help="Print the greeting in capitals.")] = False,
) -> None:
    """Print a greeting."""
    # No app context exists: a command imports what it needs (settings, the engine) itself.
    message = f"Hello, {name}!"
    typer.echo(message.upper() if shout else message)


if __name__ == "__main__":
    cli()
