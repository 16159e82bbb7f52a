import sys

from contractml.cli import main

sys.exit(main())
