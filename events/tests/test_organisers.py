"""Organisers see and download the registrations of their own forms, and nothing else."""

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from events.models import Registration
from events.registration.models import ORGANISERS_GROUP
from pagebase.testing import translate_page

from .registrations import RegistrationsTestCase


def submissions_url(form, **query):
    url = reverse("wagtailforms:list_submissions", args=(form.pk,))
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def delete_url(form, registration):
    url = reverse("wagtailforms:delete_submissions", args=(form.pk,))
    return f"{url}?selected-submissions={registration.pk}"


class RefusalMixin:
    """An organiser is answered 403 with a page saying why, by browser and by script alike."""

    def assertRefused(self, url, method="get"):
        send = getattr(self.client, method)
        self.assertEqual(send(url, headers={"x-requested-with": "XMLHttpRequest"}).status_code, 403)
        response = send(url)
        self.assertEqual(response.status_code, 403)
        self.assertContains(response, "Kein Zugriff", status_code=403)
        return response


class OrganisersGroupTests(RegistrationsTestCase):
    def test_group_may_only_enter_the_admin(self):
        group = Group.objects.get(name=ORGANISERS_GROUP)
        self.assertEqual(
            list(group.permissions.values_list("content_type__app_label", "codename")),
            [("wagtailadmin", "access_admin")],
        )

    def test_organisers_field_offers_only_members_of_the_group(self):
        self.client.force_login(self.editor)
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=(self.form_a.pk,)))
        field = response.context["form"].fields["organisers"]
        self.assertEqual(
            set(field.queryset.values_list("username", flat=True)),
            {"organisatorin-a", "organisator-b"},
        )


class OrganiserOfATests(RefusalMixin, RegistrationsTestCase):
    def setUp(self):
        self.client.force_login(self.organiser_a)

    def test_sees_the_registrations_of_their_form(self):
        self.register(self.form_a, vorname="Olena")
        response = self.client.get(submissions_url(self.form_a))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Olena")

    def test_may_download_the_registrations_of_their_form(self):
        for export in ("csv", "xlsx"):
            with self.subTest(export=export):
                response = self.client.get(submissions_url(self.form_a, export=export))
                self.assertEqual(response.status_code, 200)

    def test_is_refused_the_registrations_of_another_event(self):
        self.register(self.form_b, vorname="Bohdan")
        response = self.assertRefused(submissions_url(self.form_b))
        self.assertNotIn(b"Bohdan", response.content)

    def test_is_refused_the_downloads_of_another_event(self):
        self.register(self.form_b, vorname="Bohdan")
        for export in ("csv", "xlsx"):
            with self.subTest(export=export):
                response = self.assertRefused(submissions_url(self.form_b, export=export))
                self.assertNotIn(b"Bohdan", response.content)

    def test_cannot_delete_registrations_of_another_event(self):
        registration = self.register(self.form_b)
        self.assertRefused(delete_url(self.form_b, registration), method="post")
        self.assertTrue(Registration.objects.filter(pk=registration.pk).exists())

    def test_cannot_delete_registrations_of_their_own_form(self):
        registration = self.register(self.form_a)
        self.assertRefused(delete_url(self.form_a, registration), method="post")
        self.assertTrue(Registration.objects.filter(pk=registration.pk).exists())

    def test_list_offers_no_deletion(self):
        self.register(self.form_a)
        response = self.client.get(submissions_url(self.form_a))
        self.assertNotContains(response, 'name="selected-submissions"')

    def test_is_refused_the_page_editor_of_their_own_form(self):
        self.assertRefused(reverse("wagtailadmin_pages:edit", args=(self.form_a.pk,)))

    def test_is_refused_the_page_editor_of_another_event(self):
        self.assertRefused(reverse("wagtailadmin_pages:edit", args=(self.event_b.pk,)))

    def test_is_refused_the_list_of_users(self):
        self.assertRefused(reverse("wagtailusers_users:index"))

    def test_is_refused_snippets_and_images(self):
        for url in (
            reverse("wagtailsnippets_events_venue:list"),
            reverse("wagtailimages:index"),
        ):
            with self.subTest(url=url):
                self.assertRefused(url)

    def test_forms_index_lists_only_their_form(self):
        response = self.client.get(reverse("wagtailforms:index"))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            [overview.form.pk for overview in response.context["form_pages"]], [self.form_a.pk]
        )

    def test_forms_menu_is_shown(self):
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(response, reverse("wagtailforms:index"))

    def test_loses_access_when_removed_from_the_group(self):
        self.register(self.form_a, vorname="Olena")
        self.organiser_a.groups.clear()
        self.organiser_a.user_permissions.add(
            Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin")
        )
        # No longer an organiser, so Wagtail's own refusal: back to the dashboard.
        response = self.client.get(submissions_url(self.form_a))
        self.assertRedirects(response, reverse("wagtailadmin_home"), fetch_redirect_response=False)
        self.assertNotIn(b"Olena", response.content)

    def test_may_open_the_dashboard_and_their_account(self):
        for url in (reverse("wagtailadmin_home"), reverse("wagtailadmin_account")):
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 200)

    def test_is_refused_the_page_explorer_and_search(self):
        for url in (
            reverse("wagtailadmin_explore_root"),
            reverse("wagtailadmin_pages:search"),
            reverse("wagtailadmin_pages:add_subpage", args=(self.event_a.pk,)),
        ):
            with self.subTest(url=url):
                self.assertRefused(url)

    def test_refusal_page_leads_to_their_registrations(self):
        response = self.assertRefused(reverse("wagtailadmin_pages:edit", args=(self.event_b.pk,)))
        self.assertContains(response, reverse("wagtailforms:index"), status_code=403)
        self.assertNotContains(response, "Konferenz B", status_code=403)


class EditorTests(RegistrationsTestCase):
    def setUp(self):
        self.client.force_login(self.editor)

    def test_sees_the_registrations_of_every_event(self):
        self.register(self.form_a, vorname="Olena")
        self.register(self.form_b, vorname="Bohdan")
        for form, name in ((self.form_a, "Olena"), (self.form_b, "Bohdan")):
            with self.subTest(name=name):
                self.assertContains(self.client.get(submissions_url(form)), name)

    def test_forms_index_lists_every_form(self):
        response = self.client.get(reverse("wagtailforms:index"))
        self.assertEqual(
            {overview.form.pk for overview in response.context["form_pages"]},
            {self.form_a.pk, self.form_b.pk},
        )

    def test_may_delete_registrations(self):
        registration = self.register(self.form_b)
        response = self.client.post(delete_url(self.form_b, registration))
        self.assertEqual(response.status_code, 302)
        self.assertFalse(Registration.objects.filter(pk=registration.pk).exists())


class OrganisersSetInGermanTests(RegistrationsTestCase):
    """The German form's organisers see the event's registrations in every language; a name left
    on a translation's stale copy of the list opens nothing."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.form_a_uk = translate_page(cls.form_a, "uk", title="Реєстрація")
        cls.form_a.organisers.set([cls.organiser_b])
        cls.form_a.save_revision().publish()

    def test_organiser_removed_in_german_loses_access_through_the_translation(self):
        self.client.force_login(self.organiser_a)
        self.register(self.form_a, vorname="Olena")
        for form in (self.form_a, self.form_a_uk):
            with self.subTest(form=form.locale.language_code):
                self.assertEqual(self.client.get(submissions_url(form)).status_code, 403)

    def test_organiser_added_in_german_sees_the_list_from_every_language(self):
        self.client.force_login(self.organiser_b)
        self.register(self.form_a, vorname="Olena")
        response = self.client.get(submissions_url(self.form_a_uk), follow=True)
        self.assertContains(response, "Olena")
