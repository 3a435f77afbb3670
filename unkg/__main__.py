"""``python -m unkg``: the same command line as the ``unkg`` script."""
import sys

from unkg.cli import main

sys.exit(main())
