"""`python -m lovebridge` starts the app (or a CLI sub-command)."""

import sys

from lovebridge.app import main

if __name__ == "__main__":
    sys.exit(main())
