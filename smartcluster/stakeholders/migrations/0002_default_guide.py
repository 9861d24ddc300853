"""Store the packaged default codebook (the project's 7 challenges, 8 needs and interview topics) and interview
guide, so that partners can interview and code from the first start (issue #18). Idempotent; reversing leaves
them alone (interviews may protect them)."""

from django.db import migrations


def store_default(apps, schema_editor):
    from smartcluster.stakeholders.services.interviews import guide_default_store

    guide_default_store(*(apps.get_model("stakeholders", name)
                          for name in ("Codebook", "Theme", "InterviewGuide", "GuideQuestion")))


class Migration(migrations.Migration):

    dependencies = [
        ("stakeholders", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(store_default, migrations.RunPython.noop),
    ]
