"""`manage.py create_editor`: a staff account in the Editors group, never a superuser."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.test import RequestFactory

from catalog.editors import EDITORS_GROUP

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery-staple-42"


def test_creates_a_staff_editor_who_can_sign_in(monkeypatch, client, capsys):
    monkeypatch.setenv("DJANGO_EDITOR_PASSWORD", PASSWORD)

    call_command("create_editor", "grace", "--no-input", "--email", "grace@example.com")

    user = get_user_model().objects.get(username="grace")
    assert user.is_staff
    assert not user.is_superuser
    assert user.email == "grace@example.com"
    assert list(user.groups.values_list("name", flat=True)) == [EDITORS_GROUP]
    assert "Created editor 'grace'" in capsys.readouterr().out
    # As the login form signs in (django-axes checks each login against its request).
    request = RequestFactory().post("/admin/login/")
    assert client.login(request=request, username="grace", password=PASSWORD)
    assert client.get("/admin/catalog/route/").status_code == 200
    assert client.get("/admin/auth/user/").status_code == 403


@pytest.mark.parametrize(
    "password",
    ["password", "12345678", "grace", "short1!"],
    ids=["common", "numeric", "the-username", "too-short"],
)
def test_weak_password_creates_nobody(password, monkeypatch):
    monkeypatch.setenv("DJANGO_EDITOR_PASSWORD", password)

    with pytest.raises(CommandError):
        call_command("create_editor", "grace", "--no-input")

    assert not get_user_model().objects.filter(username="grace").exists()


@pytest.mark.parametrize("value", [None, ""], ids=["unset", "empty"])
def test_no_input_without_the_password_variable_creates_nobody(value, monkeypatch):
    if value is None:
        monkeypatch.delenv("DJANGO_EDITOR_PASSWORD", raising=False)
    else:
        monkeypatch.setenv("DJANGO_EDITOR_PASSWORD", value)

    with pytest.raises(CommandError, match="DJANGO_EDITOR_PASSWORD"):
        call_command("create_editor", "grace", "--no-input")

    assert not get_user_model().objects.filter(username="grace").exists()


def test_asks_for_the_password_twice(monkeypatch):
    answers = iter([PASSWORD, PASSWORD])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))

    call_command("create_editor", "grace")

    assert get_user_model().objects.get(username="grace").check_password(PASSWORD)


def test_two_different_passwords_create_nobody(monkeypatch):
    answers = iter([PASSWORD, PASSWORD + "x"])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))

    with pytest.raises(CommandError, match="differ"):
        call_command("create_editor", "grace")

    assert not get_user_model().objects.filter(username="grace").exists()


def test_promotes_an_existing_user_and_keeps_their_password(monkeypatch):
    user = get_user_model().objects.create_user("grace", password=PASSWORD)
    monkeypatch.delenv("DJANGO_EDITOR_PASSWORD", raising=False)

    call_command("create_editor", "grace", "--no-input")

    user.refresh_from_db()
    assert user.is_staff
    assert user.groups.filter(name=EDITORS_GROUP).exists()
    assert user.check_password(PASSWORD)


def test_without_the_editors_group_it_says_to_migrate(monkeypatch):
    monkeypatch.setenv("DJANGO_EDITOR_PASSWORD", PASSWORD)
    Group.objects.filter(name=EDITORS_GROUP).delete()

    with pytest.raises(CommandError, match="migrate"):
        call_command("create_editor", "grace", "--no-input")

    assert not get_user_model().objects.filter(username="grace").exists()
