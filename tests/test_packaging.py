"""pyproject.toml as packaging tools read it."""

import tomllib
from pathlib import Path

from packaging.licenses import canonicalize_license_expression
from packaging.requirements import Requirement

PYPROJECT = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text())


def test_license_is_an_spdx_expression():
    # setuptools stops reading `license = {text = ...}` in 2027 (PEP 639).
    license = PYPROJECT["project"]["license"]
    assert isinstance(license, str)
    assert canonicalize_license_expression(license) == license


def test_the_build_backend_reads_spdx_licenses():
    requirements = [Requirement(text) for text in PYPROJECT["build-system"]["requires"]]
    setuptools = next(
        requirement for requirement in requirements if requirement.name == "setuptools"
    )
    assert not setuptools.specifier.contains("76.9"), "setuptools reads SPDX licenses from 77 on"
