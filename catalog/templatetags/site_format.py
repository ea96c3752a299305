"""Template filters for what templates format themselves: through catalog/formatting.py,
so a date reads the same on every page."""

from django import template

from catalog.formatting import local_day

register = template.Library()

register.filter("local_day", local_day)
