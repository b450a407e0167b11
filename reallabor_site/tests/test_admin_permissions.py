"""Regression tests modelled on Wagtail's security advisories about the admin's page permissions.

An editor whose group may edit one event only (a `GroupPagePermission` on event A) tries every
admin URL that shows or changes another event (event B) or its registrations: preview, copy,
revisions, history, workflow, translation and form submissions. Each must be refused without
showing anything of event B (the title of its unpublished draft, a registrant's address) and
without changing anything.

Covered elsewhere: organisers' access to registrations and the page editor
(events/tests/test_organisers.py); the APIs' 404 for drafts, unpublished translations and
password-protected pages (events/tests/test_api.py::NonPublicEventTests,
tests/test_api_wiring.py::PrivatePageTests).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.test import RequestFactory
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page, PageViewRestriction
from wagtail_localize.models import TranslationSource
from wagtail_localize.views.submit_translations import SubmitPageTranslationView

from events.models import EventPage, Registration, RegistrationFormPage, Venue
from events.tests.registrations import RegistrationsTestCase
from events.tests.utils import event_form_data
from home.models import StandardPage
from pagebase.testing import publish

DRAFT_TITLE = "Geheimer Entwurf B"
REGISTRANT_B = "bohdan@example.org"


def permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def page_permissions_group(name, page, *codenames):
    """A group that may enter the admin and has the given page permissions on `page` only."""
    group = Group.objects.create(name=name)
    group.permissions.add(
        permission("wagtailadmin", "access_admin"),
        # Wagtail gives its own "Editors" group this too; the translation views rely on it.
        permission("wagtail_localize", "submit_translation"),
    )
    for codename in codenames:
        GroupPagePermission.objects.create(
            group=group, page=page, permission=permission("wagtailcore", codename)
        )
    return group


class AdminPermissionTestCase(RegistrationsTestCase):
    """Editor A may add, edit and publish under event A; event B has a draft and a registrant."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.editor_a = get_user_model().objects.create_user(
            "redaktion-a", "redaktion-a@example.org", "geheim"
        )
        cls.editor_a.groups.add(
            page_permissions_group(
                "Redaktion Konferenz A", cls.event_a, "add_page", "change_page", "publish_page"
            )
        )
        draft = EventPage.objects.get(pk=cls.event_b.pk)
        draft.title = DRAFT_TITLE
        cls.draft_revision = draft.save_revision()
        cls.registration_b = cls.register(cls.form_b, vorname="Bohdan", e_mail=REGISTRANT_B)
        cls.registration_a = cls.register(cls.form_a)

    def setUp(self):
        self.client.force_login(self.editor_a)

    # Wagtail's admin sends a refused browser to the dashboard; organisers get a plain 403.
    browser_refusal_status = 302

    def assertRefused(self, url, method="get", data=None):
        """Refused: 403 to a script, and a browser is sent to the dashboard (or answered 403);
        nothing of event B in either answer."""
        send = getattr(self.client, method)
        script = send(url, data, headers={"x-requested-with": "XMLHttpRequest"})
        self.assertEqual(script.status_code, 403)
        browser = send(url, data)
        if self.browser_refusal_status == 302:
            self.assertRedirects(
                browser, reverse("wagtailadmin_home"), fetch_redirect_response=False
            )
        else:
            self.assertEqual(browser.status_code, self.browser_refusal_status)
        for response in (script, browser):
            self.assertNotIn(DRAFT_TITLE.encode(), response.content)
            self.assertNotIn(REGISTRANT_B.encode(), response.content)

    def assertUnchanged(self):
        self.assertEqual(Page.objects.count(), self.pages)
        self.assertTrue(Registration.objects.filter(pk=self.registration_b.pk).exists())
        self.assertEqual(Page.objects.get(pk=self.event_b.pk).draft_title, DRAFT_TITLE)

    def refuse_all(self, urls, method="get", data=None):
        self.pages = Page.objects.count()
        for url in urls:
            with self.subTest(url=url):
                self.assertRefused(url, method, data)
        self.assertUnchanged()


class SetUpTests(AdminPermissionTestCase):
    def test_editor_may_edit_and_preview_their_own_event(self):
        for name in ("edit", "preview_on_edit", "history"):
            with self.subTest(name=name):
                url = reverse(f"wagtailadmin_pages:{name}", args=(self.event_a.pk,))
                self.assertEqual(self.client.get(url).status_code, 200)

    def test_editor_may_translate_their_own_event(self):
        url = reverse("wagtail_localize:submit_page_translation", args=(self.event_a.pk,))
        self.assertEqual(self.client.get(url).status_code, 200)


class PageOutsideTheirSubtreeTests(AdminPermissionTestCase):
    """GHSA-style: a page id typed into the URL must not open what the page tree hides."""

    def page_urls(self, *names, page=None):
        page = page or self.event_b
        return [reverse(f"wagtailadmin_pages:{name}", args=(page.pk,)) for name in names]

    def test_editor_and_draft_view_are_refused(self):
        self.refuse_all(self.page_urls("edit", "view_draft"))

    def test_preview_is_refused(self):
        self.refuse_all(self.page_urls("preview_on_edit"))

    def test_preview_of_posted_content_is_refused(self):
        data = event_form_data(self.event_b, title="Vorschau von außen")
        self.refuse_all(self.page_urls("preview_on_edit"), method="post", data=data)

    def test_revisions_are_refused(self):
        revision = self.draft_revision.pk
        urls = [
            *self.page_urls("history", "history_results"),
            reverse("wagtailadmin_pages:revisions_view", args=(self.event_b.pk, revision)),
            reverse("wagtailadmin_pages:revisions_revert", args=(self.event_b.pk, revision)),
            reverse(
                "wagtailadmin_pages:revisions_compare", args=(self.event_b.pk, "live", "latest")
            ),
        ]
        self.refuse_all(urls)

    def submit_for_moderation(self):
        page = EventPage.objects.get(pk=self.event_b.pk)
        workflow_state = page.get_workflow().start(page, self.editor)
        return workflow_state, workflow_state.current_task_state

    def test_workflow_history_and_task_preview_are_refused(self):
        workflow_state, task_state = self.submit_for_moderation()
        page_id = self.event_b.pk
        urls = [
            *self.page_urls("workflow_history"),
            reverse(
                "wagtailadmin_pages:workflow_history_detail", args=(page_id, workflow_state.pk)
            ),
            reverse("wagtailadmin_pages:workflow_preview", args=(page_id, task_state.task_id)),
        ]
        self.refuse_all(urls)

    def test_moderation_actions_are_refused(self):
        workflow_state, task_state = self.submit_for_moderation()
        page_id = self.event_b.pk
        urls = [
            reverse(f"wagtailadmin_pages:{name}", args=(page_id, "approve", task_state.pk))
            for name in ("workflow_action", "collect_workflow_action_data")
        ]
        self.refuse_all(urls, method="post", data={"comment": ""})
        workflow_state.refresh_from_db()
        self.assertEqual(workflow_state.status, workflow_state.STATUS_IN_PROGRESS)

    def test_copy_form_is_refused(self):
        self.refuse_all(self.page_urls("copy"))

    def test_copying_another_events_form_into_their_own_event_is_refused(self):
        # CVE-2026-44200: the destination is theirs, the page copied is not.
        data = {
            "new_title": "Anmeldung (Kopie)",
            "new_slug": "anmeldung-kopie",
            "new_parent_page": self.event_a.pk,
            "publish_copies": "",
            "alias": "",
        }
        self.refuse_all(self.page_urls("copy", page=self.form_b), method="post", data=data)
        self.assertFalse(RegistrationFormPage.objects.filter(slug="anmeldung-kopie").exists())

    def test_unpublish_delete_move_and_privacy_are_refused(self):
        self.refuse_all(self.page_urls("unpublish", "delete", "set_privacy", "lock"), method="post")
        self.assertTrue(Page.objects.get(pk=self.event_b.pk).live)

    def test_translating_the_page_is_refused(self):
        url = reverse("wagtail_localize:submit_page_translation", args=(self.event_b.pk,))
        self.refuse_all([url])
        self.refuse_all([url], method="post", data={"locales": [self.locales["en"].pk]})

    def test_translating_a_venue_is_refused_without_permission_on_venues(self):
        url = reverse(
            "wagtail_localize:submit_snippet_translation", args=("events", "venue", self.venue.pk)
        )
        self.refuse_all([url])
        self.refuse_all([url], method="post", data={"locales": [self.locales["en"].pk]})
        self.assertFalse(Venue.objects.filter(locale=self.locales["en"]).exists())

    def test_updating_its_translations_is_refused(self):
        source, _ = TranslationSource.get_or_create_from_instance(self.event_b)
        url = reverse("wagtail_localize:update_translations", args=(source.pk,))
        self.refuse_all([url])
        self.refuse_all([url], method="post", data={"publish_translations": "on"})


class RegistrationsOfAnotherEventTests(AdminPermissionTestCase):
    """Form submissions are personal data: a form's URL must not open another form's."""

    def test_list_and_downloads_are_refused(self):
        url = reverse("wagtailforms:list_submissions", args=(self.form_b.pk,))
        self.refuse_all([url, f"{url}?export=csv", f"{url}?export=xlsx"])

    def test_deletion_is_refused(self):
        url = reverse("wagtailforms:delete_submissions", args=(self.form_b.pk,))
        url += f"?selected-submissions={self.registration_b.pk}"
        self.refuse_all([url])
        self.refuse_all([url], method="post")

    def test_own_form_may_delete_its_registrations(self):
        url = reverse("wagtailforms:delete_submissions", args=(self.form_a.pk,))
        response = self.client.post(f"{url}?selected-submissions={self.registration_a.pk}")
        self.assertEqual(response.status_code, 302)
        self.assertFalse(Registration.objects.filter(pk=self.registration_a.pk).exists())

    def test_own_forms_delete_url_ignores_another_forms_registrations(self):
        url = reverse("wagtailforms:delete_submissions", args=(self.form_a.pk,))
        query = f"?selected-submissions={self.registration_b.pk}"
        confirmation = self.client.get(url + query)
        self.assertNotContains(confirmation, REGISTRANT_B)
        self.client.post(url + query)
        self.assertTrue(Registration.objects.filter(pk=self.registration_b.pk).exists())

    def test_own_forms_list_shows_no_registrations_of_another_form(self):
        url = reverse("wagtailforms:list_submissions", args=(self.form_a.pk,))
        for export in ("", "?export=csv"):
            with self.subTest(export=export):
                response = self.client.get(url + export)
                self.assertEqual(response.status_code, 200)
                content = b"".join(response) if response.streaming else response.content
                self.assertNotIn(REGISTRANT_B.encode(), content)


class TranslatorOfAnotherLanguageTests(AdminPermissionTestCase):
    """Registrations are stored against the German form; editing the English form of an event
    must not reach them."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.form_b_en = cls.form_b.copy_for_translation(cls.locales["en"], copy_parents=True)
        cls.translator = get_user_model().objects.create_user("uebersetzung", "", "geheim")
        cls.translator.groups.add(
            page_permissions_group(
                "Übersetzung Englisch", cls.home_en, "add_page", "change_page", "publish_page"
            )
        )

    def setUp(self):
        self.client.force_login(self.translator)

    def test_english_form_may_be_edited(self):
        url = reverse("wagtailadmin_pages:edit", args=(self.form_b_en.pk,))
        self.assertEqual(self.client.get(url).status_code, 200)

    def test_english_forms_list_does_not_show_the_german_registrations(self):
        url = reverse("wagtailforms:list_submissions", args=(self.form_b_en.pk,))
        response = self.client.get(url, follow=True)
        self.assertNotIn(REGISTRANT_B.encode(), response.content)

    def test_english_forms_delete_url_cannot_delete_the_german_registrations(self):
        url = reverse("wagtailforms:delete_submissions", args=(self.form_b_en.pk,))
        url += f"?selected-submissions={self.registration_b.pk}"
        self.refuse_all([url], method="post")


class OrganiserTests(AdminPermissionTestCase):
    """Organisers read their form's registrations; the page editor and its tools stay closed."""

    browser_refusal_status = 403

    def setUp(self):
        self.client.force_login(self.organiser_a)

    def test_preview_revisions_and_copy_of_their_own_form_are_refused(self):
        names = ("preview_on_edit", "view_draft", "history", "copy")
        urls = [reverse(f"wagtailadmin_pages:{name}", args=(self.form_a.pk,)) for name in names]
        self.refuse_all(urls)


class WagtailLocalizeUpstreamTests(AdminPermissionTestCase):
    def test_wagtail_localize_alone_still_opens_any_page(self):
        """Proves the gap reallabor_site/localize_permissions.py closes is still upstream."""
        request = RequestFactory().get("/")
        request.user = self.editor_a
        response = SubmitPageTranslationView.as_view()(request, page_id=self.event_b.pk)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context_data["view"].get_subtitle(), DRAFT_TITLE)


class APIDraftAndPrivateTests(RegistrationsTestCase):
    """The APIs serve the published version of live, public pages only."""

    def setUp(self):
        cache.clear()

    def get(self, url):
        response = self.client.get(url)
        self.assertIn(response.status_code, (200, 404), url)
        return response

    def test_draft_changes_of_a_live_page_are_not_served(self):
        draft = EventPage.objects.get(pk=self.event_b.pk)
        draft.title = DRAFT_TITLE
        draft.save_revision()
        for url in (
            f"/api/v2/pages/{self.event_b.pk}/",
            "/api/v2/pages/?type=events.EventPage&fields=*",
            f"/api/v3/pages/{self.event_b.pk}/",
            "/api/v3/pages/",
        ):
            with self.subTest(url=url):
                response = self.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertNotContains(response, DRAFT_TITLE)
                self.assertContains(response, "Konferenz B")

    def test_pages_below_a_login_restricted_page_are_not_served(self):
        intern = publish(self.home, StandardPage(title="Intern", slug="intern"))
        PageViewRestriction.objects.create(page=intern, restriction_type=PageViewRestriction.LOGIN)
        child = publish(intern, StandardPage(title="Protokoll der Sitzung", slug="protokoll"))
        for url in (f"/api/v2/pages/{child.pk}/", f"/api/v3/pages/{child.pk}/"):
            with self.subTest(url=url):
                self.assertEqual(self.get(url).status_code, 404)
        for url in ("/api/v2/pages/?limit=100", "/api/v3/pages/?limit=100"):
            with self.subTest(url=url):
                self.assertNotContains(self.get(url), "Protokoll der Sitzung")
