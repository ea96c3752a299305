"""Optional two-factor login for the admin (django-otp, TOTP): with DJANGO_ADMIN_REQUIRE_OTP
on, a password alone does not open the admin; the code of the account's authenticator
does. Settings are read once per process: the case runs a fresh Python on a throwaway
SQLite database."""

import json

from tests.subprocesses import run_python, site_environment

SCRIPT = """
import json
import django
django.setup()
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from catalog.editors import EDITORS_GROUP

call_command("migrate", verbosity=0)
password = "a-long-editor-passphrase-1"
editor = User.objects.create_user("grace", password=password, is_staff=True)
editor.groups.add(Group.objects.get(name=EDITORS_GROUP))
device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
User.objects.create_user("ada", password=password, is_staff=True)  # no device


def log_in(username, token, device=device):
    client = Client()
    form = {"username": username, "password": password, "next": "/admin/"}
    form |= {"otp_device": device.persistent_id, "otp_token": token}
    return client, client.post("/admin/login/?next=/admin/", form)


totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
results = {}
client, right = log_in("grace", str(totp.token()).zfill(6))
results["right code"] = [right.status_code, client.get("/admin/").status_code]
# (After a wrong code, django-otp refuses every code for a second or more: asked last.)
_, missing = log_in("grace", "")
results["no code"] = [missing.status_code]
_, wrong = log_in("grace", "000000" if totp.token() != 0 else "111111")
results["wrong code"] = [wrong.status_code, "otp_token" in wrong.content.decode()]
_, without_device = log_in("ada", "123456")
results["no device"] = [without_device.status_code]
print(json.dumps(results))
"""


def test_the_admin_asks_for_the_authenticators_code_when_required(tmp_path):
    env = site_environment(
        DJANGO_DEBUG="1",
        DJANGO_ALLOWED_HOSTS="testserver",
        DJANGO_ADMIN_REQUIRE_OTP="1",
        DATABASE_URL=f"sqlite:///{tmp_path / 'site.sqlite3'}",
    )
    result = run_python(["-c", SCRIPT], env, timeout=180)
    assert result.returncode == 0, result.stderr
    results = json.loads(result.stdout.strip().splitlines()[-1])

    assert results["wrong code"] == [200, True]  # the form again, asking for the code
    assert results["no code"] == [200]
    assert results["right code"] == [302, 200]  # in, and the admin opens
    assert results["no device"] == [200]  # a password alone never opens it
