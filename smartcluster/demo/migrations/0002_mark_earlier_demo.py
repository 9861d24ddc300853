"""A database set up before demo records were marked: its first setup has happened. Mark the earlier demo
partnership it holds as demo and record that the demo was loaded, so that the next `setup` adds no second
partnership (`setup --demo` gives it the current texts; `setup --remove-demo` removes it); a database in use
without it is recorded as set up without the demo."""

from django.db import migrations
from django.utils import timezone

EARLIER_PROJECT = ("Innovative approach to clusters in Smart Industry 4.0", "(to be chosen)")
# The earlier demo's organisation names → the keys of the same partners in smartcluster/demo/content.py.
EARLIER_ORGANISATIONS = {
    "Region of Thessaly": "thessaly",
    "Business Development Agency of the Region of Murcia": "murcia",
    "Regional management NordHessen GmbH": "nordhessen",
    "WSX": "wsx",
    "PORA Regional development agency of Koprivnica-Križevci County": "pora",
    "Pannon EGTC": "pannon",
    "Lithuanian partner (organisation not named in the project idea)": "lead-lt",
}


def mark_earlier_demo(apps, schema_editor):
    Project = apps.get_model("organisations", "Project")
    Partner = apps.get_model("organisations", "Partner")
    ContentType = apps.get_model("contenttypes", "ContentType")
    DemoRecord = apps.get_model("demo", "DemoRecord")
    DemoState = apps.get_model("demo", "DemoState")
    name, acronym = EARLIER_PROJECT
    project = Project.objects.filter(name=name, acronym=acronym).first()
    if project is None:
        if apps.get_model("organisations", "Organisation").objects.exists():
            # A platform in use without the earlier demo (set up with --empty): it never gets the demo unasked.
            DemoState.objects.get_or_create(pk=1, defaults={"declined_at": timezone.now()})
        return

    def mark(key, record, model):
        content_type, _created = ContentType.objects.get_or_create(app_label="organisations", model=model)
        DemoRecord.objects.get_or_create(key=key, defaults={"content_type": content_type, "object_id": record.pk})

    mark("project", project, "project")
    for partner in Partner.objects.filter(project=project).select_related("organisation"):
        slug = EARLIER_ORGANISATIONS.get(partner.organisation.name)
        if slug is not None:
            mark(f"organisation:{slug}", partner.organisation, "organisation")
            mark(f"partner:{slug}", partner, "partner")
    DemoState.objects.get_or_create(pk=1, defaults={"loaded_at": timezone.now()})


class Migration(migrations.Migration):
    dependencies = [
        ("demo", "0001_initial"),
        ("organisations", "0001_initial"),
    ]

    operations = [migrations.RunPython(mark_earlier_demo, migrations.RunPython.noop)]
