"""The `clean` executable: `clean learn ...` learns a site profile, `clean report ...` writes an
audit page of what cleaning removed, anything else cleans.

A first argument `learn` or `report` picks that command; to clean a file of that name, write
`clean ./learn`.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None):
    args = sys.argv[1:] if argv is None else list(argv)
    if args[:1] == ["learn"]:
        from .learn import learn

        return learn.main(args=args[1:], prog_name="clean learn")
    if args[:1] == ["report"]:
        from .report import report

        return report.main(args=args[1:], prog_name="clean report")
    from .cli import main as clean

    return clean.main(args=args, prog_name="clean")
