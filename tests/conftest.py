import sys

import pytest

if sys.version_info < (3, 11):  # noqa: UP036 - the point is a clear message on old Pythons
    pytest.exit(
        "The test suite needs Python 3.11 or newer; this is " + sys.version.split()[0],
        returncode=4,
    )
