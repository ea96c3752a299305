"""The cost calculator's traffic form: every bad input answers 400 with its message beside the
field (in the htmx fragment and in the whole page), never 500; the defaults editors keep."""

import pytest
from lxml import html

from comparisons.cost import MAX_MONTHLY_TOKENS, Traffic
from comparisons.forms import TrafficForm
from comparisons.models import TrafficDefaults
from tests.visible_text import visible_text

SPARK_VS_QWEN = "/compare/gpt-5-3-codex-spark-vs-qwen3-5-122b-a10b/"
HTMX = {"HX-Request": "true"}
DEFAULTS = Traffic(1_000_000, 400, 300)
GOOD = {"requests": "1000000", "input_tokens": "400", "output_tokens": "300"}

INVALID = "Enter a whole number, such as 1000000."
REQUIRED = "Enter a number: this field cannot be empty."
TOO_LARGE = "Enter at most 1,000,000,000,000: that is already a trillion."

BAD_INPUTS = {
    "negative requests": ({"requests": "-1"}, "requests", "Enter 0 or more requests."),
    "negative tokens": ({"output_tokens": "-300"}, "output_tokens", "Enter 0 or more tokens."),
    "letters": ({"requests": "abc"}, "requests", INVALID),
    "exponent": ({"input_tokens": "1e5"}, "input_tokens", INVALID),
    "fraction": ({"output_tokens": "1.5"}, "output_tokens", INVALID),
    "empty": ({"requests": ""}, "requests", REQUIRED),
    "blank": ({"input_tokens": "   "}, "input_tokens", REQUIRED),
    "5,000 digits": ({"requests": "9" * 5_000}, "requests", INVALID),
    "one field beyond 10^12": ({"input_tokens": str(10**12 + 1)}, "input_tokens", TOO_LARGE),
    "a hundred digits": ({"requests": "9" * 100}, "requests", TOO_LARGE),
    "beyond 10^12 tokens a month": (
        {"requests": "1000000000", "input_tokens": "1000", "output_tokens": "1000"},
        "requests",
        "That traffic is 2,000,000,000,000 tokens a month; the calculator stops at "
        "1,000,000,000,000 (10^12).",
    ),
}


def query(changes):
    values = {**GOOD, **changes}
    return {name: value for name, value in values.items() if value is not None}


def field_errors(content, name):
    """The error messages shown in the form field that holds input `name`."""
    document = html.fromstring(content)
    [field_input] = document.xpath(
        f'//form[contains(@class, "traffic-form")]//input[@name="{name}"]'
    )
    field = field_input.getparent()
    assert "field" in field.get("class").split()
    errors = [item.text_content().strip() for item in field.xpath('.//ul[@class="errorlist"]/li')]
    if errors:
        assert "field-invalid" in field.get("class").split()
        assert field_input.get("aria-invalid") == "true"
        assert field_input.get("aria-describedby") == f"id_{name}_error"
    return errors


def fields_with_errors(content):
    return [
        name
        for name in ("requests", "input_tokens", "output_tokens")
        if field_errors(content, name)
    ]


# Over HTTP


@pytest.mark.django_db
@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx"])
@pytest.mark.parametrize(
    ("changes", "field", "message"), BAD_INPUTS.values(), ids=BAD_INPUTS.keys()
)
def test_a_bad_input_answers_400_with_the_message_beside_its_field(
    client, reference_catalog, htmx, changes, field, message
):
    response = client.get(SPARK_VS_QWEN, query(changes), headers=HTMX if htmx else {})
    assert response.status_code == 400
    content = response.content.decode()
    assert ("<html" in content) is not htmx
    assert '<section id="cost"' in content
    assert fields_with_errors(content) == [field]
    assert any(error.startswith(message) for error in field_errors(content, field))
    # No figure is shown for traffic the reader did not ask for.
    assert "Fix the traffic above to see the monthly cost." in visible_text(content)
    assert "$728" not in visible_text(content.split('id="cost"')[1].split("</section>")[0])


@pytest.mark.django_db
def test_a_bad_input_keeps_what_the_reader_typed(client, reference_catalog):
    response = client.get(SPARK_VS_QWEN, query({"requests": "12abc"}), headers=HTMX)
    [value] = html.fromstring(response.content).xpath('//input[@name="requests"]/@value')
    assert value == "12abc"


@pytest.mark.django_db
def test_the_whole_page_with_a_bad_input_still_shows_every_other_section(client, reference_catalog):
    response = client.get(SPARK_VS_QWEN, query({"requests": "-1"}))
    assert response.status_code == 400
    text = visible_text(response.content)
    assert "Decision tradeoffs" in text
    assert "Which is better for vision, GPT-5.3-Codex-Spark or Qwen3.5-122B-A10B?" in text


@pytest.mark.django_db
@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx"])
def test_thousands_separators_are_accepted(client, reference_catalog, htmx):
    traffic = {"requests": "2,000,000", "input_tokens": "400", "output_tokens": " 300 "}
    response = client.get(SPARK_VS_QWEN, traffic, headers=HTMX if htmx else {})
    assert response.status_code == 200
    assert fields_with_errors(response.content) == []
    assert "$1,456" in visible_text(response.content)


@pytest.mark.django_db
def test_zero_traffic_costs_nothing(client, reference_catalog):
    response = client.get(
        SPARK_VS_QWEN, {"requests": "0", "input_tokens": "400", "output_tokens": "300"}
    )
    assert response.status_code == 200
    assert "$0.00" in visible_text(response.content)


@pytest.mark.django_db
def test_traffic_at_the_limit_is_accepted(client, reference_catalog):
    limit = {"requests": "1,000,000,000", "input_tokens": "600", "output_tokens": "400"}
    response = client.get(SPARK_VS_QWEN, limit, headers=HTMX)
    assert response.status_code == 200
    # 10^9 x (600 x $0.26 + 400 x $2.08) / 10^6
    assert "$988,000" in visible_text(response.content)


@pytest.mark.django_db
def test_unrelated_query_parameters_keep_the_defaults(client, reference_catalog):
    response = client.get(SPARK_VS_QWEN, {"utm_source": "newsletter"})
    assert response.status_code == 200
    assert "$728" in visible_text(response.content)


# The defaults editors keep


def shown_defaults(content):
    document = html.fromstring(content)
    return {
        name: document.xpath(f'//input[@name="{name}"]/@value')[0]
        for name in ("requests", "input_tokens", "output_tokens")
    }


@pytest.mark.django_db
def test_the_defaults_are_one_million_requests_of_400_in_and_300_out(client, reference_catalog):
    assert TrafficDefaults.load().as_traffic() == DEFAULTS
    content = client.get(SPARK_VS_QWEN).content
    assert shown_defaults(content) == {
        "requests": "1,000,000",
        "input_tokens": "400",
        "output_tokens": "300",
    }


@pytest.mark.django_db
def test_changed_defaults_change_the_numbers_and_every_dollar_figure(client, reference_catalog):
    defaults = TrafficDefaults.load()
    defaults.requests_per_month = 2_000_000
    defaults.save()
    content = client.get(SPARK_VS_QWEN).content
    assert shown_defaults(content)["requests"] == "2,000,000"
    text = visible_text(content)
    assert "$1,456" in text
    assert "$728" not in text


@pytest.mark.django_db
def test_the_default_traffic_drives_the_cost_tradeoff(client, reference_catalog):
    """Ling ($217) against Qwen ($728) at the default traffic; doubled defaults double both."""
    url = "/compare/ling-2-6-1t-vs-qwen3-5-122b-a10b/"
    bullet = (
        "Ling-2.6-1T costs $511 less a month at the default traffic through the cheapest "
        "tracked routes ($217 through OpenRouter versus $728 through OpenRouter)."
    )
    assert bullet in visible_text(client.get(url).content)
    TrafficDefaults.objects.update(requests_per_month=2_000_000)
    text = visible_text(client.get(url).content)
    assert (
        "Ling-2.6-1T costs $1,022 less a month at the default traffic through the cheapest "
        "tracked routes ($434 through OpenRouter versus $1,456 through OpenRouter)." in text
    )
    # A reader's own traffic changes the cost section only, never the default-traffic claims.
    text = visible_text(
        client.get(url, {"requests": "1", "input_tokens": "1", "output_tokens": "1"}).content
    )
    assert "Ling-2.6-1T costs $1,022 less a month at the default traffic" in text


@pytest.mark.django_db
def test_an_editor_changes_the_defaults_in_the_admin(
    client, reference_catalog, editor_client, form_data
):
    change_url = "/admin/comparisons/trafficdefaults/1/change/"
    data = form_data(editor_client.get(change_url), "trafficdefaults_form")
    data.update(requests_per_month=["2000000"], input_tokens=["400"], output_tokens=["300"])
    response = editor_client.post(change_url, data)
    assert response.status_code == 302
    assert TrafficDefaults.load().requests_per_month == 2_000_000
    content = client.get(SPARK_VS_QWEN).content
    assert shown_defaults(content)["requests"] == "2,000,000"
    assert "$1,456" in visible_text(content)


@pytest.mark.django_db
def test_the_admin_refuses_defaults_beyond_the_calculators_limit(editor_client, form_data):
    change_url = "/admin/comparisons/trafficdefaults/1/change/"
    data = form_data(editor_client.get(change_url), "trafficdefaults_form")
    data.update(requests_per_month=["1000000000"], input_tokens=["1000"], output_tokens=["1000"])
    response = editor_client.post(change_url, data)
    assert response.status_code == 200
    assert "lower the traffic" in visible_text(response.content)
    assert TrafficDefaults.load().as_traffic() == DEFAULTS


# The form itself


def test_an_empty_query_gives_an_unbound_form_with_the_defaults():
    form = TrafficForm.from_query({}, DEFAULTS)
    assert not form.is_bound
    assert form.traffic() == DEFAULTS


def test_a_query_naming_one_field_binds_the_form_with_the_other_defaults():
    form = TrafficForm.from_query({"requests": "5"}, DEFAULTS)
    assert form.is_bound
    assert form.is_valid()
    assert form.traffic() == Traffic(5, DEFAULTS.input_tokens, DEFAULTS.output_tokens)


def test_a_field_named_but_empty_is_still_an_error():
    form = TrafficForm.from_query({"requests": "5", "input_tokens": ""}, DEFAULTS)
    assert set(form.errors) == {"input_tokens"}


@pytest.mark.parametrize(
    ("typed", "number"),
    [("1,000,000", 1_000_000), (" 1 000 000 ", 1_000_000), ("1_000", 1_000), ("0", 0), ("007", 7)],
)
def test_separators_and_spaces_are_read_as_one_number(typed, number):
    form = TrafficForm.from_query(
        {"requests": typed, "input_tokens": "1", "output_tokens": "1"}, DEFAULTS
    )
    assert form.is_valid(), form.errors
    assert form.traffic().requests_per_month == number


def test_the_monthly_limit_is_a_trillion_tokens():
    assert MAX_MONTHLY_TOKENS == 10**12
    at_limit = {"requests": str(10**9), "input_tokens": "500", "output_tokens": "500"}
    assert TrafficForm.from_query(at_limit, DEFAULTS).is_valid()
    over = {**at_limit, "output_tokens": "501"}
    assert not TrafficForm.from_query(over, DEFAULTS).is_valid()


@pytest.mark.django_db
def test_a_field_the_query_leaves_out_takes_its_default(client, reference_catalog):
    response = client.get(SPARK_VS_QWEN, {"requests": "2000000"})

    assert response.status_code == 200
    assert "$1,456" in visible_text(response.content)


# Service modes: the calculator compares standard prices unless the reader picks another.


@pytest.mark.django_db
def test_a_batch_price_counts_only_when_the_reader_picks_batch(
    client, reference_catalog, make_route
):
    make_route(
        reference_catalog.qwen,
        reference_catalog.providers["OpenRouter"],
        "0.13",
        "1.04",
        service_mode="batch",
    )
    standard = visible_text(client.get(SPARK_VS_QWEN).content)
    assert "Cheapest tracked route/tier: OpenRouter " in standard + " "
    assert "$728" in standard

    batch = client.get(SPARK_VS_QWEN, {**GOOD, "mode": "batch"}, headers=HTMX)
    assert batch.status_code == 200
    text = visible_text(batch.content)
    assert "Cheapest tracked route/tier: OpenRouter (batch)" in text
    assert "$364" in text
    selected = html.fromstring(batch.content).xpath('//select[@name="mode"]/option[@selected]')
    assert [option.get("value") for option in selected] == ["batch"]


@pytest.mark.django_db
def test_an_unknown_service_mode_answers_400_beside_its_field(client, reference_catalog):
    response = client.get(SPARK_VS_QWEN, {**GOOD, "mode": "overnight"})

    assert response.status_code == 400
    document = html.fromstring(response.content)
    errors = document.xpath('//ul[@id="id_mode_error"]/li')
    assert [error.text_content() for error in errors] == [
        "Unknown service mode “overnight”: choose one from the list."
    ]


@pytest.mark.django_db
def test_a_retired_route_shows_its_date_and_is_never_the_cheapest(client, retired_cheaper_route):
    text = visible_text(client.get(SPARK_VS_QWEN).content)
    assert "$728" in text  # OpenRouter's price, not the retired one's $7
    assert "Cheapest tracked route/tier: OpenRouter " in text + " "
    assert "standard Retired 2020-01-01" in text
    model_page = visible_text(client.get("/models/qwen3-5-122b-a10b/").content)
    assert "standard Retired 2020-01-01" in model_page
