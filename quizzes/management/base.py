"""The base of the project's management commands."""

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    """A command whose help is a lazy translation (``help = gettext_lazy(...)``).

    argparse formats the description with ``re.sub``, which refuses a lazy string: ``--help`` crashed with
    «expected string or bytes-like object, got '__proxy__'». The description is made a plain string here, in the
    language active when the parser is built.
    """

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        if parser.description is not None:
            parser.description = str(parser.description)
        for action in parser._actions:
            if action.help is not None:
                action.help = str(action.help)
        return parser
