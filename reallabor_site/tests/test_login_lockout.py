"""Admin sign-in: lockout after repeated failures (django-axes), client addresses behind a proxy,
password strength and session lifetime."""

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import RequestFactory, TestCase, override_settings
from django.urls import reverse

from reallabor_site.client_ip import client_ip

PASSWORD = "Ein-langes-Passwort-2026"
LOCKOUT_TEXT = "Zu viele fehlgeschlagene Anmeldeversuche"


@override_settings(AXES_ENABLED=True)
class LoginLockoutTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = get_user_model().objects.create_superuser("redaktion", "", PASSWORD)

    def sign_in(self, username="redaktion", password="falsch", address="127.0.0.1", **headers):
        return self.client.post(
            reverse("wagtailadmin_login"),
            {"username": username, "password": password},
            headers=headers,
            REMOTE_ADDR=address,
        )

    def test_a_failed_sign_in_shows_the_form_again(self):
        response = self.sign_in()
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, LOCKOUT_TEXT)

    def test_five_failures_block_even_the_right_password_with_a_german_message(self):
        for _ in range(5):
            self.sign_in()
        response = self.sign_in(password=PASSWORD)
        self.assertContains(response, LOCKOUT_TEXT, status_code=429)
        self.assertContains(response, "15 Minuten", status_code=429)
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_an_attacker_locks_out_only_their_own_addresses_not_the_owner(self):
        attackers = [f"198.51.100.{number}" for number in range(1, 4)]
        for address in attackers:
            for _ in range(5):
                self.sign_in(address=address)
        for address in attackers:
            with self.subTest(address):
                response = self.sign_in(password=PASSWORD, address=address)
                self.assertEqual(response.status_code, 429)
        owner = self.sign_in(password=PASSWORD, address="192.0.2.10")
        self.assertRedirects(owner, reverse("wagtailadmin_home"))

    def test_failures_for_other_user_names_from_the_owners_address_do_not_block_the_owner(self):
        for number in range(5):
            self.sign_in(username=f"versuch{number}")
        response = self.sign_in(password=PASSWORD)
        self.assertRedirects(response, reverse("wagtailadmin_home"))

    def test_four_failures_still_allow_the_right_password(self):
        for _ in range(4):
            self.sign_in()
        response = self.sign_in(password=PASSWORD)
        self.assertRedirects(response, reverse("wagtailadmin_home"))

    @override_settings(TRUSTED_PROXIES=[])
    def test_spoofed_forwarded_for_does_not_reset_the_count_without_a_trusted_proxy(self):
        for number in range(5):
            self.sign_in(X_Forwarded_For=f"198.51.100.{number}")
        response = self.sign_in(password=PASSWORD, X_Forwarded_For="198.51.100.99")
        self.assertEqual(response.status_code, 429)

    @override_settings(TRUSTED_PROXIES=["127.0.0.1"])
    def test_behind_a_trusted_proxy_the_lockout_counts_the_forwarded_client(self):
        for _ in range(5):
            self.sign_in(X_Forwarded_For="203.0.113.7")
        blocked = self.sign_in(password=PASSWORD, X_Forwarded_For="203.0.113.7")
        other_client = self.sign_in(password=PASSWORD, X_Forwarded_For="203.0.113.8")
        self.assertEqual(blocked.status_code, 429)
        self.assertRedirects(other_client, reverse("wagtailadmin_home"))


class ClientAddressTests(TestCase):
    def request(self, remote, forwarded=None):
        headers = {"X_Forwarded_For": forwarded} if forwarded else {}
        return RequestFactory().get("/", REMOTE_ADDR=remote, headers=headers)

    @override_settings(TRUSTED_PROXIES=[])
    def test_without_trusted_proxies_the_forwarded_header_is_ignored(self):
        self.assertEqual(client_ip(self.request("192.0.2.1", "198.51.100.5")), "192.0.2.1")

    @override_settings(TRUSTED_PROXIES=["10.0.0.0/8"])
    def test_a_trusted_proxy_network_passes_on_the_address_it_saw(self):
        self.assertEqual(client_ip(self.request("10.1.2.3", "198.51.100.5")), "198.51.100.5")

    @override_settings(TRUSTED_PROXIES=["10.0.0.0/8"])
    def test_addresses_the_client_wrote_before_the_proxy_are_not_believed(self):
        request = self.request("10.1.2.3", "203.0.113.66, 198.51.100.5")
        self.assertEqual(client_ip(request), "198.51.100.5")

    @override_settings(TRUSTED_PROXIES=["10.0.0.0/8"])
    def test_an_untrusted_sender_cannot_pose_as_a_proxy(self):
        self.assertEqual(client_ip(self.request("192.0.2.1", "10.9.9.9")), "192.0.2.1")

    @override_settings(TRUSTED_PROXIES=["10.0.0.0/8"])
    def test_garbage_in_the_forwarded_header_falls_back_to_the_proxy_address(self):
        self.assertEqual(client_ip(self.request("10.1.2.3", "not-an-address")), "10.1.2.3")


class PasswordAndSessionTests(TestCase):
    def test_short_and_common_passwords_are_refused(self):
        for weak in ("Kurz-123", "password1234", "123456789012"):
            with self.subTest(weak), self.assertRaises(ValidationError):
                validate_password(weak)

    def test_a_long_uncommon_password_is_accepted(self):
        validate_password(PASSWORD)

    def test_admin_session_ends_with_the_browser_unless_remembered(self):
        get_user_model().objects.create_superuser("redaktion", "", PASSWORD)
        self.client.post(
            reverse("wagtailadmin_login"), {"username": "redaktion", "password": PASSWORD}
        )
        self.assertTrue(self.client.session.get_expire_at_browser_close())

    def test_a_remembered_admin_session_expires_after_eight_hours_at_most(self):
        get_user_model().objects.create_superuser("redaktion", "", PASSWORD)
        self.client.post(
            reverse("wagtailadmin_login"),
            {"username": "redaktion", "password": PASSWORD, "remember": "on"},
        )
        self.assertLessEqual(self.client.session.get_expiry_age(), 8 * 60 * 60)
