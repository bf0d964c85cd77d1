import pytest


@pytest.fixture(autouse=True)
def _quick_forms(settings):
    """Tests send the form at once; test_asking proves the minimum time."""
    settings.PUBLIC_FORM_MIN_SECONDS = 0
    settings.STATS_ENABLED = False
