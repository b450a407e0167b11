"""Start-up behaviour of the settings, checked in a fresh process as an operator would see it."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import TestCase, override_settings

BASE_DIR = Path(__file__).resolve().parent.parent
VALID_PRODUCTION_ENV = {
    "SECRET_KEY": "k7#Qp2!vX9mZ@wL4rT8&nB6yC1sD3fG5hJ0uE-aR_iO=lP+eW*qY^zN",
    "ALLOWED_HOSTS": "reallabor.example.org",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/test",
    "WAGTAILADMIN_BASE_URL": "https://reallabor.example.org",
}


def manage(*args, settings="reallabor_site.settings.production", **env):
    clean_env = {k: v for k, v in os.environ.items() if k not in VALID_PRODUCTION_ENV}
    clean_env.update(env, DJANGO_SETTINGS_MODULE=settings)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=clean_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_without_secret_key_stops_with_one_line_naming_it():
    env = {k: v for k, v in VALID_PRODUCTION_ENV.items() if k != "SECRET_KEY"}
    result = manage("check", **env)
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        "Configuration error: The environment variable SECRET_KEY must be set."
    ]


def test_production_with_malformed_database_url_stops_with_one_line_naming_it():
    result = manage("check", **{**VALID_PRODUCTION_ENV, "DATABASE_URL": "nosuchdb://whatever"})
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "DATABASE_URL" in lines[0]


def test_production_settings_pass_the_deployment_checks():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **VALID_PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr


def test_redis_url_switches_the_cache_to_redis():
    code = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    result = manage(
        "shell",
        "-v",
        "0",
        "-c",
        code,
        settings="reallabor_site.settings.dev",
        REDIS_URL="redis://127.0.0.1:6379/0",
    )
    assert result.stdout.strip() == "django.core.cache.backends.redis.RedisCache", result.stderr


def test_without_redis_url_the_cache_needs_no_service():
    code = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    result = manage("shell", "-v", "0", "-c", code, settings="reallabor_site.settings.dev")
    assert result.stdout.strip() == "django.core.cache.backends.locmem.LocMemCache", result.stderr


class DevAdminTests(TestCase):
    @override_settings(CREATE_DEV_ADMIN=True)
    def test_first_start_creates_an_admin_and_prints_its_password_once(self):
        first, second = StringIO(), StringIO()
        call_command("ensure_dev_admin", stdout=first)
        call_command("ensure_dev_admin", stdout=second)
        password = first.getvalue().rsplit("password ", 1)[1].strip()
        user = get_user_model().objects.get(username="admin")
        self.assertTrue(user.is_superuser)
        self.assertTrue(user.check_password(password))
        self.assertEqual(second.getvalue(), "")

    @override_settings(CREATE_DEV_ADMIN=False)
    def test_other_settings_never_create_an_admin(self):
        with self.assertRaises(CommandError):
            call_command("ensure_dev_admin")
        self.assertFalse(get_user_model().objects.exists())
