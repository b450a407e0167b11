from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from home.models import HomePage, StandardPage
from home.tests.utils import SiteTreeTestCase
from speakers.models import SpeakerIndexPage, SpeakerPage

from .utils import add_speaker, make_portrait


class PageTreeRulesTests(SiteTreeTestCase):
    def test_speaker_index_can_be_created_only_under_the_home_page(self):
        self.assertAllowedParentPageTypes(SpeakerIndexPage, {HomePage})
        self.assertCanNotCreateAt(StandardPage, SpeakerIndexPage)
        self.assertCanNotCreateAt(Page, SpeakerIndexPage)

    def test_speaker_can_be_created_only_under_the_speaker_index(self):
        self.assertAllowedParentPageTypes(SpeakerPage, {SpeakerIndexPage})
        self.assertCanNotCreateAt(HomePage, SpeakerPage)
        self.assertCanNotCreateAt(SpeakerPage, SpeakerPage)

    def test_speaker_pages_have_no_children(self):
        self.assertAllowedSubpageTypes(SpeakerPage, set())

    def test_home_page_takes_only_one_speaker_index(self):
        self.home.add_child(instance=SpeakerIndexPage(title="Referierende", slug="referierende"))
        self.assertFalse(SpeakerIndexPage.can_create_at(self.home))


class SpeakerAdminTests(SiteTreeTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.index = SpeakerIndexPage(title="Referierende", slug="referierende")
        cls.home.add_child(instance=cls.index)
        cls.index.save_revision().publish()

    def speaker_form(self, **fields):
        data = {
            "honorific_prefix": "",
            "academic_title": "Prof. Dr.",
            "given_name": "Andreas",
            "family_name": "Marchetti",
            "positions": inline_formset([]),
            "portrait": "",
            "portrait_alt_text": "",
            "short_biography": rich_text(""),
            "slug": "andreas-marchetti",
        }
        data.update(fields)
        return nested_form_data(data)

    def add_url(self):
        return f"/admin/pages/add/speakers/speakerpage/{self.index.pk}/"

    def test_title_is_composed_from_titles_and_name(self):
        self.login()
        self.assertCanCreate(self.index, SpeakerPage, self.speaker_form())
        speaker = SpeakerPage.objects.get(slug="andreas-marchetti")
        self.assertEqual(speaker.title, "Prof. Dr. Andreas Marchetti")

    def test_honorific_comes_before_the_academic_title(self):
        speaker = SpeakerPage(
            honorific_prefix="Staatsminister a.D.",
            academic_title="Dr.",
            given_name="Max",
            family_name="Muster",
        )
        self.assertEqual(speaker.full_name, "Staatsminister a.D. Dr. Max Muster")

    def test_portrait_without_alt_text_is_refused_with_a_german_message(self):
        self.login()
        portrait = make_portrait()
        response = self.client.post(
            self.add_url(), self.speaker_form(portrait=portrait.pk, portrait_alt_text=" ")
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(
            response, "Bitte beschreiben Sie das Porträt für Menschen, die es nicht sehen können."
        )
        self.assertFalse(SpeakerPage.objects.filter(slug="andreas-marchetti").exists())

    def test_new_speaker_can_be_previewed_before_saving(self):
        self.login()
        portrait = make_portrait()
        form = self.speaker_form(
            portrait=portrait.pk,
            portrait_alt_text="Ein Mann mit Brille",
            positions=inline_formset(
                [{"function": "Geschäftsführer", "organisation": "politglott"}]
            ),
        )
        preview_url = f"/admin/pages/add/speakers/speakerpage/{self.index.pk}/preview/"
        self.assertJSONEqual(
            self.client.post(preview_url, form).content,
            {"is_valid": True, "is_available": True},
        )
        response = self.client.get(preview_url)
        self.assertContains(response, "<h1>Prof. Dr. Andreas Marchetti</h1>", html=True)
        self.assertContains(response, "<li>Geschäftsführer, politglott</li>", html=True)

    def test_published_speaker_can_be_previewed(self):
        speaker = add_speaker(
            self.index,
            "Iryna",
            "Shum",
            positions=[("Generalkonsulin der Ukraine", "in Düsseldorf")],
            portrait=make_portrait(),
            portrait_alt_text="Iryna Shum",
        )
        self.assertPageIsPreviewable(speaker)
        self.assertPageIsPreviewable(self.index)

    def test_portrait_with_alt_text_is_saved(self):
        self.login()
        portrait = make_portrait()
        self.client.post(
            self.add_url(),
            self.speaker_form(portrait=portrait.pk, portrait_alt_text="Ein Mann mit Brille"),
        )
        speaker = SpeakerPage.objects.get(slug="andreas-marchetti")
        self.assertEqual(speaker.portrait, portrait)
