import pytest
from sitebuild import fixture_site


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    return fixture_site(tmp_path_factory)
