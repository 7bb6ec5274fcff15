from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def nlp() -> Any:
    from peacewatch.nlp import load

    return load()


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES
