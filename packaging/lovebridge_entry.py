"""The frozen app's entry point: the same `main()` as `python -m lovebridge`."""

import sys

from lovebridge.app import main

if __name__ == "__main__":
    sys.exit(main())
