"""Start-up behaviour of the settings, checked in a fresh process as an operator would see it."""

import json
import re
from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import TestCase, override_settings

from tests.site_processes import BASE_DIR, VALID_PRODUCTION_ENV, manage


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


def production_setting(code, **env):
    """Evaluate `code` (an expression over `settings`) under the production settings."""
    script = f"import json; from django.conf import settings; print(json.dumps({code}))"
    result = manage("shell", "-v", "0", "-c", script, **{**VALID_PRODUCTION_ENV, **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_keeps_the_cache_in_redis_and_sessions_in_the_cache_and_the_database():
    cache, engine = production_setting(
        "[settings.CACHES['default']['BACKEND'], settings.SESSION_ENGINE]",
        REDIS_URL="redis://127.0.0.1:6379/0",
    )
    assert cache == "django.core.cache.backends.redis.RedisCache"
    assert engine == "django.contrib.sessions.backends.cached_db"


def test_production_without_redis_stops_with_one_line_naming_it_and_what_needs_it():
    env = {k: v for k, v in VALID_PRODUCTION_ENV.items() if k != "REDIS_URL"}
    result = manage("check", **env)
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        "Configuration error: The environment variable REDIS_URL must be set: the registration "
        "rate limits and the page and API caches must be shared by every gunicorn worker and app "
        "server."
    ]


def test_production_without_a_sender_address_stops_with_one_line_naming_it():
    env = {k: v for k, v in VALID_PRODUCTION_ENV.items() if k != "DEFAULT_FROM_EMAIL"}
    result = manage("check", **env)
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        "Configuration error: The environment variable DEFAULT_FROM_EMAIL must be set."
    ]


def test_production_with_a_malformed_sender_address_stops_with_one_line_naming_it():
    result = manage("check", **{**VALID_PRODUCTION_ENV, "DEFAULT_FROM_EMAIL": "Reallabor"})
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "DEFAULT_FROM_EMAIL must be an e-mail address" in lines[0]


def test_production_sends_from_the_configured_sender():
    script = "from django.conf import settings; print(settings.DEFAULT_FROM_EMAIL)"
    result = manage("shell", "-v", "0", "-c", script, **VALID_PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "Reallabor <reallabor@example.org>"


def test_production_with_an_empty_redis_url_stops_too():
    result = manage("check", **{**VALID_PRODUCTION_ENV, "REDIS_URL": " "})
    assert result.returncode != 0
    assert "REDIS_URL must be set" in result.stderr


def test_production_without_a_bucket_keeps_media_on_disk():
    backend = production_setting(
        "settings.STORAGES['default']['BACKEND']", AWS_STORAGE_BUCKET_NAME=""
    )
    assert backend == "django.core.files.storage.FileSystemStorage"


def test_production_with_a_bucket_stores_media_in_s3_and_allows_its_images():
    storage, public_images, admin_images = production_setting(
        "[settings.STORAGES['default'],"
        " settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'],"
        " settings.ADMIN_CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']]",
        AWS_STORAGE_BUCKET_NAME="reallabor-media",
        AWS_S3_ENDPOINT_URL="http://127.0.0.1:9000",
    )
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"]["bucket_name"] == "reallabor-media"
    assert storage["OPTIONS"]["endpoint_url"] == "http://127.0.0.1:9000"
    assert storage["OPTIONS"]["file_overwrite"] is False
    assert "http://127.0.0.1:9000" in public_images
    assert "http://127.0.0.1:9000" in admin_images


def test_production_serves_static_files_with_whitenoise_under_hashed_names():
    middleware, storage = production_setting(
        "[settings.MIDDLEWARE, settings.STORAGES['staticfiles']['BACKEND']]"
    )
    security = middleware.index("django.middleware.security.SecurityMiddleware")
    assert middleware[security + 1] == "whitenoise.middleware.WhiteNoiseMiddleware"
    assert storage == "whitenoise.storage.CompressedManifestStaticFilesStorage"


def test_production_gives_up_on_an_unreachable_database_within_seconds():
    options = production_setting("settings.DATABASES['default']['OPTIONS']")
    assert options["connect_timeout"] == 5


def test_collectstatic_writes_hashed_and_compressed_files(tmp_path):
    result = manage("collectstatic", "--noinput", **VALID_PRODUCTION_ENV, STATIC_ROOT=str(tmp_path))
    assert result.returncode == 0, result.stderr
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())
    hashed = manifest["paths"]["css/site.css"]
    assert hashed != "css/site.css"
    assert (tmp_path / hashed).exists()
    assert (tmp_path / f"{hashed}.gz").exists()


def test_production_with_malformed_trusted_proxies_stops_with_one_line_naming_it():
    result = manage("check", **{**VALID_PRODUCTION_ENV, "TRUSTED_PROXIES": "10.0.0.0/8,proxy"})
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "TRUSTED_PROXIES" in lines[0]


def test_without_a_headless_preview_url_editors_keep_wagtails_preview():
    config = production_setting("settings.WAGTAIL_HEADLESS_PREVIEW", HEADLESS_PREVIEW_CLIENT_URL="")
    assert config == {"CLIENT_URLS": {}}


def test_headless_preview_url_names_the_front_end_for_all_sites():
    config = production_setting(
        "settings.WAGTAIL_HEADLESS_PREVIEW",
        HEADLESS_PREVIEW_CLIENT_URL="https://front.example.org/preview/",
    )
    assert config == {"CLIENT_URLS": {"default": "https://front.example.org/preview/"}}


def test_production_with_malformed_headless_preview_url_stops_with_one_line_naming_it():
    env = {**VALID_PRODUCTION_ENV, "HEADLESS_PREVIEW_CLIENT_URL": "front.example.org"}
    result = manage("check", **env)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "HEADLESS_PREVIEW_CLIENT_URL" in lines[0]


def test_production_runs_tasks_at_once_so_no_worker_process_is_needed():
    # Image sizes are made in the upload request; see reallabor_site/renditions.py.
    backend = production_setting("settings.TASKS['default']['BACKEND']")
    assert backend == "django_tasks.backends.immediate.ImmediateBackend"


def container_build_env():
    """The placeholder variables of the Containerfile's collectstatic step."""
    text = (BASE_DIR / "Containerfile").read_text()
    step = text.split("python manage.py collectstatic", 1)[0].rsplit("RUN ", 1)[1]
    return dict(re.findall(r'(\w+)="?([^"\s\\]+)"?', step))


def test_the_containers_build_step_satisfies_the_production_settings():
    env = container_build_env()
    assert set(VALID_PRODUCTION_ENV) <= set(env)
    result = manage("check", **env)
    assert result.returncode == 0, result.stderr
