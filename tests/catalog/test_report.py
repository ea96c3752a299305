"""The catalog's report (catalog/report.py): its own duplicate key, the command, and the
admin page, on a small catalog made here."""

import pytest
from django.core.management import call_command

from catalog.models import LanguageModel, Provider, Route
from catalog.report import build_report, duplicate_key, skip_reason_kind

pytestmark = pytest.mark.django_db


def test_the_reports_own_key_reads_names_a_provider_gave():
    # The older catalog's Claude Opus 4.7 records (issue 16's thirteen).
    names = [
        "Claude Opus 4.7",
        "Claude Opus 4.7 (EU)",
        "Anthropic: Claude Opus 4.7",
        "Claude 4.7 Opus",
        "Stealth: Claude Opus 4.7 (20% off)",
    ]
    assert len({duplicate_key(name) for name in names}) == 1
    assert duplicate_key("Claude Opus 4.6") != duplicate_key("Claude Opus 4.7")


def test_skip_reasons_are_grouped_by_kind():
    assert (
        skip_reason_kind(
            "no organization can be told for sure; it may be “Kimi K2.5” by Moonshot AI"
        )
        == "no organization can be told for sure"
    )
    assert skip_reason_kind("not a language model: an embedding model") == "not a language model"


def test_the_report_counts_what_an_editor_must_know(make_model, make_organization):
    deepseek = make_organization("DeepSeek")
    make_organization("deepseek-ai")  # one maker twice, one by its raw slug
    siliconflow = Provider.objects.create(name="SiliconFlow", slug="siliconflow")
    reseller = make_organization("SiliconFlow")
    v32 = make_model("DeepSeek V3.2", organization=deepseek)
    make_model("DeepSeek V3.2 (TEE)", organization=deepseek)
    copied = make_model("DeepSeek V3.1", organization=reseller)
    make_model("Text Embedding 3 Large", organization=deepseek)
    Route.objects.create(model=v32, provider=siliconflow, output_price=1)
    Route.objects.create(model=copied, provider=siliconflow, output_price=1)

    report = build_report()

    assert report.published_models == 4
    assert report.duplicate_groups == [["DeepSeek V3.2", "DeepSeek V3.2 (TEE)"]]
    assert report.duplicate_records == 1
    assert report.non_model_suspects == ["Text Embedding 3 Large"]
    assert report.provider_makers == [("SiliconFlow", 1)]
    assert report.organizations_twice == [["DeepSeek", "deepseek-ai"]]
    assert report.raw_slug_organizations == []  # deepseek-ai has no published model
    assert (report.with_prices, report.without_prices) == (2, 2)
    assert LanguageModel.objects.count() == 4


def test_the_command_prints_the_report(make_model, capsys):
    make_model("Kimi K2.5")
    call_command("catalog_report")
    out = capsys.readouterr().out
    assert "Published models: 1" in out
    assert "Suspected duplicates: 0 records (0.0%)" in out


def test_editors_read_the_report_in_the_admin(editor_client, make_model):
    make_model("Kimi K2.5")
    response = editor_client.get("/admin/catalog/syncrun/report/")
    assert response.status_code == 200
    assert b"Catalog report" in response.content
    assert b"Published models" in response.content
    listing = editor_client.get("/admin/catalog/syncrun/")
    assert b"/admin/catalog/syncrun/report/" in listing.content


def test_the_report_page_is_for_staff(client):
    response = client.get("/admin/catalog/syncrun/report/")
    assert response.status_code == 302
