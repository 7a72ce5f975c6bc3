"""Every Python package under the stage folders is listed in pyproject.toml,
so a regular (non-editable) install ships all of it."""
import pathlib
import tomllib

ROOT = pathlib.Path(__file__).parent.parent.parent


def test_every_package_is_declared():
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    declared = set(conf["packages"])
    mapping = conf["package-dir"]
    found = set()
    for package, folder in mapping.items():
        base = ROOT / folder
        for init in base.rglob("__init__.py"):
            rel = init.parent.relative_to(base)
            found.add(".".join([package, *rel.parts]) if rel.parts else package)
    assert found == declared
