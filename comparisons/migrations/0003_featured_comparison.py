"""Featured comparisons for the home page, and editors' permission to curate them."""

import django.db.models.deletion
import django.db.models.functions.comparison
from django.db import migrations, models

from catalog.editors import grant_editor_permissions


def grant_editors(apps, schema_editor):
    grant_editor_permissions(
        apps, "comparisons", {"featuredcomparison": ("add", "change", "delete", "view")}
    )


class Migration(migrations.Migration):

    dependencies = [
        ('catalog', '0002_capabilities_tags_editors'),
        ('comparisons', '0002_traffic_defaults_row'),
    ]

    operations = [
        migrations.CreateModel(
            name='FeaturedComparison',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('blurb', models.CharField(blank=True, help_text='One short line on the home page under the pair: why readers compare these two.', max_length=200)),
                ('position', models.PositiveSmallIntegerField(default=100, help_text='Lower numbers come first on the home page.')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('model_a', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='catalog.languagemodel', verbose_name='model A')),
                ('model_b', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='catalog.languagemodel', verbose_name='model B')),
            ],
            options={
                'ordering': ['position', 'pk'],
                'constraints': [models.CheckConstraint(condition=models.Q(('model_a', models.F('model_b')), _negated=True), name='featuredcomparison_two_models', violation_error_message='A model cannot be compared with itself: pick two different models.'), models.UniqueConstraint(django.db.models.functions.comparison.Least('model_a', 'model_b'), django.db.models.functions.comparison.Greatest('model_a', 'model_b'), name='featuredcomparison_one_per_pair', violation_error_message='This pair is already featured (in one order or the other): change the existing entry instead.')],
            },
        ),
        migrations.RunPython(grant_editors, migrations.RunPython.noop),
    ]
