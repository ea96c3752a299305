"""`python manage.py refresh_similar`: rank the similar models now (catalog/similar.py).

The task worker re-ranks them after every change that can reorder them; this command is
for a catalog no change has touched since the ranking was introduced (after upgrading),
or to re-rank at once without waiting for the worker.
"""

import time

from django.core.management.base import BaseCommand

from catalog.similar import refresh_similar_models


class Command(BaseCommand):
    help = "Rank every published model's most similar models now and store what changed."

    def handle(self, *args, **options):
        self.stdout.write("Ranking the similar models of every published model…")
        started = time.monotonic()
        replaced = refresh_similar_models()
        self.stdout.write(
            self.style.SUCCESS(
                f"Done in {time.monotonic() - started:.1f} s: "
                f"{replaced:,} models' lists replaced, the others unchanged."
            )
        )
