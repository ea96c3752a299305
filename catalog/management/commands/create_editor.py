"""Create (or promote) an editor: a staff account in the Editors group, never a superuser."""

import getpass
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from catalog.editors import EDITORS_GROUP

PASSWORD_VARIABLE = "DJANGO_EDITOR_PASSWORD"


class Command(BaseCommand):
    help = (
        "Create an editor account (staff, in the Editors group). The password is asked for, "
        f"or read from {PASSWORD_VARIABLE} with --no-input."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument("--no-input", action="store_true", dest="no_input")

    def handle(self, username, email, no_input, **options):
        User = get_user_model()
        try:
            group = Group.objects.get(name=EDITORS_GROUP)
        except Group.DoesNotExist as error:
            raise CommandError(
                "The Editors group is missing: run `manage.py migrate` first."
            ) from error
        user = User.objects.filter(username=username).first()
        created = user is None
        if created:
            user = User(username=username, email=email)
            user.set_password(self.read_password(user, no_input))
        user.is_staff = True
        user.save()
        user.groups.add(group)
        verb = "Created" if created else "Updated"
        self.stdout.write(self.style.SUCCESS(f"{verb} editor {username!r}; sign in at /admin/."))

    def read_password(self, user, no_input):
        if no_input:
            password = os.environ.get(PASSWORD_VARIABLE, "")
            if not password:
                raise CommandError(f"--no-input needs the password in {PASSWORD_VARIABLE}.")
        else:
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                raise CommandError("The two passwords differ; nothing was created.")
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        return password
