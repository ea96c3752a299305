"""The admin login locks an account after repeated failures (django-axes), says so and when
to come back, and lets it in again once the lock has lifted."""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

pytestmark = pytest.mark.django_db

PASSWORD = "not-a-real-password-1"


def log_in(client, password):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": "ada", "password": password, "next": "/admin/"},
    )


def test_five_failures_lock_the_account_even_against_the_right_password(editor, settings):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, "wrong").status_code == 200  # the form, with its error

    locked = log_in(client, "wrong")
    right_but_locked = log_in(Client(), PASSWORD)  # another browser, the right password

    assert locked.status_code == 429
    assert right_but_locked.status_code == 429
    page = right_but_locked.content.decode()
    assert "5 failed logins in a row" in page
    assert "Try again in 15 minutes" in page
    assert right_but_locked["Retry-After"] == "900"
    assert "_auth_user_id" not in right_but_locked.client.session


def test_the_lock_lifts_by_itself_after_the_cool_off(editor, settings):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "wrong")

    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        response = log_in(Client(), PASSWORD)

    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_a_success_clears_the_count_of_failures(editor, settings):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, "wrong")
    assert log_in(Client(), PASSWORD).status_code == 302

    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(Client(), "wrong").status_code == 200  # counted from zero again
