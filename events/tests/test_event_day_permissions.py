"""Who may open an event's sign-in list, check-in and figures, and change who is present: the
event's organisers and editors who may edit its form, nobody else; checked on every request."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission

from events.models import Registration, WalkIn

from .registrations import RegistrationsTestCase


def permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def editor_of(name, page):
    """An editor whose group may edit `page` and the pages below it only."""
    user = get_user_model().objects.create_user(name, f"{name}@example.org", "geheim")
    group = Group.objects.create(name=f"Redaktion {name}")
    group.permissions.add(permission("wagtailadmin", "access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group, page=page, permission=permission("wagtailcore", codename)
        )
    user.groups.add(group)
    return user


class EventDayPermissionTestCase(RegistrationsTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.editor_a = editor_of("redaktion-a", cls.event_a)
        cls.editor_b = editor_of("redaktion-b", cls.event_b)
        cls.registration = cls.register(cls.form_a, vorname="Olena", nachname="Koval")
        cls.walk_in = WalkIn.objects.create(page=cls.form_a, name="Petro Walk")

    def read_urls(self):
        page_id = self.form_a.pk
        figures = reverse("events_figures", args=(page_id,))
        return [
            reverse("events_sign_in_list", args=(page_id,)),
            reverse("events_check_in", args=(page_id,)),
            reverse("events_check_in_state", args=(page_id,)),
            figures,
            f"{figures}?export=csv",
            f"{figures}?export=xlsx",
        ]

    def tap(self, action="present"):
        url = reverse("events_check_in_registration", args=(self.form_a.pk, self.registration.pk))
        return self.client.post(url, {"action": action})

    def add_walk_in(self):
        url = reverse("events_check_in_walk_ins", args=(self.form_a.pk,))
        return self.client.post(url, {"name": "Maria Neu", "institution": "Kreis Unna"})

    def delete_walk_in(self):
        url = reverse("events_check_in_walk_in_delete", args=(self.form_a.pk, self.walk_in.pk))
        return self.client.post(url)

    def checked_in(self):
        return Registration.objects.get(pk=self.registration.pk).checked_in_at is not None

    def assert_may_use_everything(self):
        for url in self.read_urls():
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 200)
        self.assertEqual(self.tap().status_code, 302)
        self.assertTrue(self.checked_in())
        self.assertEqual(self.add_walk_in().status_code, 302)
        self.assertTrue(WalkIn.objects.filter(name="Maria Neu").exists())
        self.assertEqual(self.delete_walk_in().status_code, 302)
        self.assertFalse(WalkIn.objects.filter(pk=self.walk_in.pk).exists())

    def assert_refused_everything(self):
        for url in self.read_urls():
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertIn(response.status_code, (302, 403))
                self.assertNotIn(b"Koval", response.content)
        self.assertIn(self.tap().status_code, (302, 403))
        self.assertIn(self.add_walk_in().status_code, (302, 403))
        self.assertIn(self.delete_walk_in().status_code, (302, 403))
        self.assertFalse(self.checked_in())
        self.assertFalse(WalkIn.objects.filter(name="Maria Neu").exists())
        self.assertTrue(WalkIn.objects.filter(pk=self.walk_in.pk).exists())


class EventDayPermissionTests(EventDayPermissionTestCase):
    def test_organiser_of_the_event_may(self):
        self.client.force_login(self.organiser_a)
        self.assert_may_use_everything()

    def test_organiser_of_another_event_may_not(self):
        self.client.force_login(self.organiser_b)
        self.assert_refused_everything()
        self.assertEqual(self.client.get(self.read_urls()[0]).status_code, 403)

    def test_editor_who_may_edit_the_event_may(self):
        self.client.force_login(self.editor_a)
        self.assert_may_use_everything()

    def test_editor_of_another_event_may_not(self):
        self.client.force_login(self.editor_b)
        self.assert_refused_everything()

    def test_anonymous_visitor_is_sent_to_log_in(self):
        for url in self.read_urls():
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 302)
                self.assertTrue(response["Location"].startswith(reverse("wagtailadmin_login")))
        response = self.tap()
        self.assertTrue(response["Location"].startswith(reverse("wagtailadmin_login")))
        self.assertFalse(self.checked_in())
        self.add_walk_in()
        self.delete_walk_in()
        self.assertEqual(WalkIn.objects.count(), 1)

    def test_organiser_cannot_check_in_a_registration_of_another_event_through_their_own(self):
        other = self.register(self.form_b, e_mail="b@example.org")
        self.client.force_login(self.organiser_a)
        url = reverse("events_check_in_registration", args=(self.form_a.pk, other.pk))
        self.assertEqual(self.client.post(url, {"action": "present"}).status_code, 409)
        self.assertIsNone(Registration.objects.get(pk=other.pk).checked_in_at)

    def test_organiser_cannot_remove_a_walk_in_of_another_event_through_their_own(self):
        other = WalkIn.objects.create(page=self.form_b, name="Andere")
        self.client.force_login(self.organiser_a)
        url = reverse("events_check_in_walk_in_delete", args=(self.form_a.pk, other.pk))
        self.client.post(url)
        self.assertTrue(WalkIn.objects.filter(pk=other.pk).exists())

    def test_taps_need_a_csrf_token(self):
        self.client.force_login(self.organiser_a)
        self.client.handler.enforce_csrf_checks = True
        self.assertEqual(self.tap().status_code, 403)
        self.assertFalse(self.checked_in())

    def test_registrations_list_links_to_the_event_day_views(self):
        self.client.force_login(self.organiser_a)
        response = self.client.get(reverse("wagtailforms:list_submissions", args=(self.form_a.pk,)))
        for name in ("events_sign_in_list", "events_check_in", "events_figures"):
            with self.subTest(name=name):
                self.assertContains(response, reverse(name, args=(self.form_a.pk,)))
        sign_in_list = reverse("events_sign_in_list", args=(self.form_a.pk,))
        self.assertContains(response, f"{sign_in_list}?lang=uk")
        self.assertContains(response, "Teilnahmeliste auf Ukrainisch (PDF)")
        # Wagtail's own downloads stay.
        self.assertContains(response, "export=xlsx")
