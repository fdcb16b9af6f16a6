"""``python -m atensi``: the command line."""

from atensi.cli import main

raise SystemExit(main())
