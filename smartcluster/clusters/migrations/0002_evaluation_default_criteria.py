"""Store and publish the packaged default criteria set, so that clusters can self-evaluate from the first start
(issue #16). Idempotent: the same service stores it at first use where this migration did not (a flushed test
database); reversing leaves the stored set alone (evaluations may protect it)."""

from django.db import migrations


def store_default(apps, schema_editor):
    from smartcluster.clusters.services.evaluation import criteria_default_store

    criteria_default_store(apps.get_model("clusters", "CriteriaSet"))


class Migration(migrations.Migration):

    dependencies = [
        ("clusters", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(store_default, migrations.RunPython.noop),
    ]
