"""python -m clean.bench SUBCOMMAND ...

Each subcommand is a module of this package with ``add_arguments(parser)`` and
``command(args) -> exit code``.
"""

import argparse
import sys

from clean.bench import adversarial, html, learn, multinews, quality, speed, stages, warc

SUBCOMMANDS = {
    "quality": (quality, "score the cleaner on a benchmark set, before and after cleaning"),
    "speed": (speed, "time clean with one worker and all cores against a floor, jusText and trafilatura"),
    "html": (html, "score clean --html against trafilatura alone on HTML pages, with docs/s"),
    "learn": (learn, "time and memory of learning a site profile as the corpus grows"),
    "multinews": (multinews, "clean Multi-News records and score them line by line against a gold"),
    "adversarial": (adversarial, "seconds per MB on hostile inputs next to ordinary text"),
    "stages": (stages, "where a document's cleaning time goes, stage by stage, and the native core's part"),
    "warc": (warc, "read WARC and WET files through FastWARC and warcio, side by side"),
}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m clean.bench", description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="subcommand", required=True, metavar="SUBCOMMAND")
    for name, (module, help_text) in SUBCOMMANDS.items():
        module.add_arguments(sub.add_parser(name, help=help_text, description=module.__doc__,
                                            formatter_class=argparse.RawDescriptionHelpFormatter))
    args = parser.parse_args(argv)
    return SUBCOMMANDS[args.subcommand][0].command(args)


if __name__ == "__main__":
    sys.exit(main())
