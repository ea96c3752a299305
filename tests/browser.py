"""What every browser test shares: where Chromium is, and the marks that skip without it."""

import shutil

import pytest

CHROMIUM = shutil.which("chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]

BROWSER_TEST_MARKS = [
    pytest.mark.browser,
    pytest.mark.skipif(
        CHROMIUM is None, reason="Chromium is not installed (no `chromium` on PATH)"
    ),
    # Transactional, so the live server's thread sees the catalog; serialized rollback
    # restores what the data migrations created for the tests that run after these.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
