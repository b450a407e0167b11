"""The API's interactive documentation works under the site's Content-Security-Policy."""

from playwright.sync_api import expect


def test_api_docs_list_the_operations_without_security_policy_violations(page, site_paths):
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.goto("/api/v3/docs/")
    listing = page.locator(".opblock-summary-path", has_text="/api/v3/pages/").first
    expect(listing).to_be_visible()
    expect(page.locator(".opblock-tag", has_text="pages")).to_be_visible()
    assert refused == []
