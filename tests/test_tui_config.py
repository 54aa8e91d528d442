"""The reviewer's name: --reviewer, then the config file, then the environment."""

from __future__ import annotations


import pytest

from claims.tui.config import ConfigError, ReviewConfig, config_path, load_config, resolve_reviewer


def test_option_wins_then_config_then_environment():
    env = {"USER": "envuser"}
    assert resolve_reviewer("Ada", ReviewConfig(reviewer="Cfg"), env) == "Ada"
    assert resolve_reviewer(None, ReviewConfig(reviewer="Cfg"), env) == "Cfg"
    assert resolve_reviewer("  ", ReviewConfig(), env) == "envuser"
    assert resolve_reviewer(None, ReviewConfig(), {"LOGNAME": "logname"}) == "logname"


def test_config_file_is_read_and_broken_ones_are_named(tmp_path):
    path = tmp_path / "config.toml"
    assert load_config(path) == ReviewConfig()
    path.write_text('reviewer = "Grace"\n[keys]\n"review.accept" = "y"\n')
    assert load_config(path) == ReviewConfig(reviewer="Grace", keymap={"review.accept": "y"})
    path.write_text("reviewer = [")
    with pytest.raises(ConfigError, match="config.toml: not valid TOML"):
        load_config(path)
    path.write_text("reviewer = 3")
    with pytest.raises(ConfigError, match="non-empty string"):
        load_config(path)


def test_config_path_honours_environment(tmp_path):
    assert config_path({"CLAIMS_CONFIG": "/x/c.toml"}).as_posix() == "/x/c.toml"
    assert config_path({"XDG_CONFIG_HOME": "/xdg"}).as_posix() == "/xdg/claims/config.toml"


def test_review_without_store_or_paths_is_a_usage_error(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from claims.cli import cli

    monkeypatch.setenv("CLAIMS_CONFIG", str(tmp_path / "none.toml"))
    result = CliRunner().invoke(cli, ["review", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 2
    assert "no such store" in result.output
