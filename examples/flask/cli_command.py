"""A custom command on the flask CLI. Run: flask --app cli_command greet Ada --shout"""

import click
from flask import Flask

app = Flask(__name__)


@app.cli.command("greet")
@click.argument("name")
@click.option("--shout", is_flag=True, help="Print the greeting in capitals.")
def greet(name: str, shout: bool) -> None:
    """Print a greeting. Commands run inside an app context (current_app works)."""
    message = f"Hello, {name}!"
    click.echo(message.upper() if shout else message)
