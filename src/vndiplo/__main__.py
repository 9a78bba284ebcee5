"""``python -m vndiplo``: the same as the ``vndiplo`` command."""

from .cli import main

raise SystemExit(main())
