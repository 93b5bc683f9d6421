"""clean: strip boilerplate residue from scraped article text.

    >>> from clean import clean_text
    >>> article = clean_text(raw)
    >>> article.text, article.title, article.removed

Importing the package loads only the pure core; the CLI, readers and benchmarks load on use.
"""

from .article import Article, Removal
from .cleaner import REASONS, Cleaner, clean_text

__all__ = ["Article", "Cleaner", "REASONS", "Removal", "clean_text"]
__version__ = "0.1.0"
