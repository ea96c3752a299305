"""The answer to a login the lockout refuses (django-axes' AXES_LOCKOUT_CALLABLE)."""

import math

from django.conf import settings
from django.contrib import admin
from django.shortcuts import render


def locked_out(request, *args, **kwargs):
    """429 with a page that says why, and when the account may try again."""
    seconds = int(settings.AXES_COOLOFF_TIME.total_seconds())
    context = {
        **admin.site.each_context(request),
        "title": "Too many failed logins",
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "minutes": math.ceil(seconds / 60),
    }
    response = render(request, "admin/locked_out.html", context, status=429)
    response["Retry-After"] = str(seconds)
    return response
